// Previous / next links between the pages of a list, keeping its filters; "page N of M" in between.
import { useTranslation } from "react-i18next";

/** The search string for another page of the same list ("?form=…&page=2"; page 1 has none). */
export function pageQuery(input: Record<string, string | undefined>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) if (key !== "page" && value) params.set(key, value);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `?${search}` : "?";
}

export function Pager({ page, pages, input }: { page: number; pages: number; input: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  if (pages <= 1 && page <= 1) return null;
  return (
    <nav className="pager" aria-label={t("public.pager.label")}>
      {page > 1 ? (
        <a href={pageQuery(input, Math.min(page - 1, pages))} rel="prev">
          ‹ {t("public.pager.previous")}
        </a>
      ) : null}
      <span className="pager-status">{t("public.pager.status", { page, pages })}</span>
      {page < pages ? (
        <a href={pageQuery(input, page + 1)} rel="next">
          {t("public.pager.next")} ›
        </a>
      ) : null}
    </nav>
  );
}
