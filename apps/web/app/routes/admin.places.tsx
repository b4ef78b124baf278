// /admin/places: the province's registries of places (issue 10), filtered by kind, locality and status
// (GET, so a filter is a link), in name order, a page at a time; the places this member keeps link to
// their form. Links to add a place and to import a file.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listPlaces, loadPlaceRules, parsePlaceFilter } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { PlaceFilter, PlaceTable } from "~/components/places/place-list";
import { getLocale } from "~/utils/locale.server";
import { requirePlaceKeeping } from "~/utils/places.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { tenant, ability, who } = await requirePlaceKeeping(request, context);
  const params = new URL(request.url).searchParams;
  const parsed = parsePlaceFilter(params, await getLocale(request, context.site));
  const filter = parsed.ok ? parsed.value : {};
  const { page, kept } = await context.unit.run(async (tx) => {
    const rules = await loadPlaceRules({ tx, tenantId: tenant.id, ability, who });
    const page = await listPlaces({ tx, tenantId: tenant.id, filter });
    // The places this member may open: a kind their agency keeps, in a unit it answers for.
    const kept = page.places.filter((p) => {
      const kind = rules.kinds.get(p.kind);
      return kind && rules.canKeep(kind) && rules.mayWriteIn(kind, p.unitCode);
    });
    return { page, kept: kept.map((p) => p.id) };
  });
  const input = { kind: params.get("kind"), unit: params.get("unit"), status: params.get("status") };
  const next = page.next ? `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(input).filter(([, v]) => v)), after: page.next })}` : null;
  return data({ page, kept, input, next, errors: parsed.ok ? null : parsed.errors, timeZone: tenant.timeZone, paged: params.has("after") }, { status: parsed.ok ? 200 : 400 });
}

export default function Places() {
  const { t } = useTranslation();
  const { page, kept, input, next, errors, timeZone, paged } = useLoaderData<typeof loader>();
  const mine = new Set(kept);
  return (
    <>
      <h1>{t("places.heading")}</h1>
      <p className="muted">{t("places.intro")}</p>
      <p>
        <a className="button" href="/admin/places/new">
          {t("places.add")}
        </a>{" "}
        <a href="/admin/places/import">{t("places.import.link")}</a>
      </p>
      <PlaceFilter action="/admin/places" kinds={page.kinds} units={page.units} input={input} errors={errors} />
      {page.places.length === 0 ? (
        <p>{t("places.none")}</p>
      ) : (
        <PlaceTable places={page.places} caption={t("places.heading")} timeZone={timeZone} editHref={(p) => (mine.has(p.id) ? `/admin/places/${p.id}` : null)} />
      )}
      <nav className="pager" aria-label={t("places.heading")}>
        {paged ? <a href="/admin/places">{t("places.first")}</a> : null} {next ? <a href={next}>{t("places.next")}</a> : null}
      </nav>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
