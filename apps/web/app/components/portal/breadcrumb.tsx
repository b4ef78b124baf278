// Where the page sits: home › section › (sub-category). The last entry is the current page, unlinked.
import type { Localized } from "@cong/config";
import { useTranslation } from "react-i18next";
import { LocalizedText } from "~/components/localized-text";

export type Crumb = { href?: string; label: Localized | string };

export function Breadcrumb({ trail }: { trail: Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumb" aria-label={t("public.breadcrumb")}>
      <ol>
        <li>
          <a href="/">{t("public.home")}</a>
        </li>
        {trail.map((c, i) => (
          <li key={i}>
            {c.href ? (
              <a href={c.href}>{typeof c.label === "string" ? c.label : <LocalizedText value={c.label} />}</a>
            ) : (
              <span aria-current="page">{typeof c.label === "string" ? c.label : <LocalizedText value={c.label} />}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
