// /<section>: a section's published items, newest first, paginated; ?category= narrows to a sub-category.
// A documents section adds the filter by form, issuing body, field and date of issue and lists its
// documents as a table; a link section leads to its service. Unknown or disabled sections are a 404.
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { documentFacets, getMapFigures, getMapSketch, getPublicSection, getSectionCharts, getSectionFigures, listPlaces, listPublishedItems, loadUnits, parseFigureView, parsePlaceFilter, type UnitRow } from "@cong/core";
import { LocalizedText } from "~/components/localized-text";
import { NotFoundPage } from "~/components/not-found-page";
import { Breadcrumb } from "~/components/portal/breadcrumb";
import { DocumentFilter } from "~/components/portal/document-filter";
import { DocumentTable, ItemCards } from "~/components/portal/item-list";
import { Pager } from "~/components/portal/pager";
import { PortalFrame } from "~/components/portal/portal-frame";
import { SectionFigures } from "~/components/portal/section-figures";
import { SectionMap } from "~/components/portal/section-map";
import { SectionPlaces } from "~/components/places/section-places";
import type { loader as rootLoader } from "~/root";
import publicStyles from "~/styles/public.css?url";
import { isSlug, notFound } from "~/utils/not-found.server";
import { headMeta } from "~/utils/public-head";
import { isDocumentsSection, loadPortal, parseListFilter, portalHead, text, toCard } from "~/utils/public.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const portal = await loadPortal(request, context);
  const section = portal && isSlug(params.section) ? await context.unit.run((tx) => getPublicSection({ tx, tenantId: portal.tenant.id, slug: params.section! })) : null;
  if (!portal || !section) return notFound(request, context);
  const tenantId = portal.tenant.id;
  const documents = isDocumentsSection(section);
  const parsed = parseListFilter(new URL(request.url).searchParams, { documents, categories: section.categories.map((c) => c.slug) });
  const list = parsed.ok ? await context.unit.run((tx) => listPublishedItems({ tx, tenantId, sectionId: section.id, locale: portal.locale, filter: parsed.filter })) : null;
  const facets = documents ? await context.unit.run((tx) => documentFacets({ tx, tenantId, sectionId: section.id })) : null;
  // A statistics or charts section shows its series of figures over a period and for a locality the
  // address names (?from=&to=&unit=; by default the last FIGURE_DAYS days of the whole province). Each
  // choice is a page of its own, cached on the province's content version, which every figure bumps.
  const figureSection = section.kind === "statistics" || section.kind === "charts";
  const figureData = figureSection
    ? await context.unit.run(async (tx) => {
        const { units: all, provinceCode } = await loadUnits({ tx, tenantId });
        const units = all.filter((u) => u.code !== provinceCode);
        const view = parseFigureView(new URL(request.url).searchParams, { timeZone: portal.tenant.timeZone, units });
        const series = await getSectionFigures({ tx, tenantId, sectionId: section.id, from: view.view.from, to: view.view.to, unitCode: view.view.unit?.code ?? null });
        const charts = await getSectionCharts({ tx, tenantId, sectionSlug: section.slug, series });
        return { view, series, charts, units: unitChoices(units) };
      })
    : null;
  // A map section: the chosen series' latest figures by locality (?series=, else the pack's map.figure);
  // cached on the content version like the rest, which figures and boundaries bump.
  // The map's first render is drawn here as SVG from the same rows (outlines, colours, places).
  const map =
    section.kind === "map"
      ? await context.unit.run(async (tx) => {
          const figures = await getMapFigures({ tx, tenantId, seriesKey: new URL(request.url).searchParams.get("series") });
          return { ...figures, picture: await getMapSketch({ tx, tenantId, map: figures }) };
        })
      : null;
  // A facilities section lists its kinds of place, a map section every kind (the accessible list beside
  // the map), filtered by kind, locality and status (the page is cached on the province's content
  // version, which every place written bumps).
  const placeFilter = section.kind === "facilities" || section.kind === "map" ? parsePlaceFilter(new URL(request.url).searchParams, portal.locale) : null;
  const places = placeFilter?.ok
    ? await context.unit.run((tx) => listPlaces({ tx, tenantId, filter: placeFilter.value, published: true, section: { id: section.id, kind: section.kind } }))
    : null;
  const page = list?.page ?? 1;
  const head = portalHead(portal, {
    path: `/${section.slug}${page > 1 ? `?page=${page}` : ""}`,
    title: text(section.names, portal.locale),
    description: section.description ? text(section.description, portal.locale) : null,
    section,
  });
  const body = {
    page: "section" as const,
    home: portal.home,
    lng: portal.lng,
    head,
    section: { slug: section.slug, kind: section.kind, names: section.names, description: section.description, url: section.url, categories: section.categories },
    documents,
    facets,
    input: parsed.input,
    errors: parsed.ok ? null : parsed.errors,
    category: parsed.ok && parsed.filter.category ? (section.categories.find((c) => c.slug === parsed.filter.category) ?? null) : null,
    items: list ? list.items.map((i) => toCard(i, portal.locale, portal.tenant.timeZone)) : [],
    list: { page, pages: list?.pages ?? 1, total: list?.total ?? 0 },
    figures: figureData?.series ?? [],
    charts: figureData?.charts ?? [],
    figureView: figureData
      ? {
          fromDay: figureData.view.view.fromDay,
          toDay: figureData.view.view.toDay,
          unit: figureData.view.view.unit,
          units: figureData.units,
          input: figureData.view.input,
          errors: figureData.view.ok ? null : figureData.view.errors,
        }
      : null,
    map,
    places: placeFilter
      ? {
          page: places,
          input: { kind: placeFilter.ok ? (placeFilter.value.kind ?? null) : null, unit: placeFilter.ok ? (placeFilter.value.unit ?? null) : null, status: placeFilter.ok ? (placeFilter.value.status ?? null) : null },
          errors: placeFilter.ok ? null : placeFilter.errors,
        }
      : null,
    timeZone: portal.tenant.timeZone,
  };
  return data(body, { status: parsed.ok && placeFilter?.ok !== false && figureData?.view.ok !== false ? 200 : 400 });
}

export default function SectionPage() {
  const d = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const { t } = useTranslation();
  if (d.page !== "section") return <NotFoundPage host={d.host} homeUrl={d.homeUrl} />;
  const { section, category, items, list } = d;
  const filtered = Object.entries(d.input).some(([k, v]) => k !== "page" && v);
  const path = `/${section.slug}`;
  return (
    <PortalFrame home={d.home} offered={root?.offered ?? ["vi"]} locale={root?.locale ?? "vi"} current={section.slug} lng={d.lng}>
      <Breadcrumb trail={category ? [{ href: path, label: section.names }, { label: category.names }] : [{ label: section.names }]} />
      <h1>
        <LocalizedText value={section.names} />
        {category ? (
          <>
            {" – "}
            <LocalizedText value={category.names} />
          </>
        ) : null}
      </h1>
      {section.description ? (
        <p className="lead">
          <LocalizedText value={section.description} />
        </p>
      ) : null}
      {section.url ? (
        <p className="service-card">
          <a className="button-link" href={section.url} rel="noopener noreferrer external">
            {t("public.section.openService")} <span className="visually-hidden">{t("public.section.external")}</span>
          </a>
        </p>
      ) : null}
      {d.map ? <SectionMap map={d.map} path={path} locale={root?.locale ?? "vi"} timeZone={d.timeZone} kinds={d.places?.page?.kinds ?? []} /> : null}
      {d.figureView ? <SectionFigures series={d.figures} charts={d.charts} locale={root?.locale ?? "vi"} timeZone={d.timeZone} view={{ action: path, ...d.figureView }} /> : null}
      {d.places ? <SectionPlaces section={{ slug: section.slug, kind: section.kind }} places={d.places} timeZone={d.timeZone} /> : null}
      {d.documents && d.facets ? (
        <DocumentFilter action={path} facets={d.facets} categories={section.categories} input={d.input} errors={d.errors} />
      ) : (
        <>
          {section.categories.length > 0 ? (
            <nav className="category-tabs" aria-label={t("public.section.categories")}>
              <ul>
                <li>
                  <a href={path} aria-current={category ? undefined : "page"}>
                    {t("public.section.allCategories")}
                  </a>
                </li>
                {section.categories.map((c) => (
                  <li key={c.slug}>
                    <a href={`${path}?category=${encodeURIComponent(c.slug)}`} aria-current={category?.slug === c.slug ? "page" : undefined}>
                      <LocalizedText value={c.names} />
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {d.errors ? (
            <div className="error-summary" role="alert">
              <p>
                <strong>{t("public.filter.failed")}</strong>
              </p>
              <ul>
                {Object.entries(d.errors).map(([field, keys]) => (
                  <li key={field}>{keys.map((k) => t("public.filter.error", { field: t(`public.filter.${field}`), message: t(k) })).join(" ")}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      )}
      {d.errors ? null : (
        <>
          <p className="list-count">{t("public.section.count", { count: list.total })}</p>
          {items.length === 0 ? <p className="empty">{filtered ? t("public.section.emptyFiltered") : t("public.section.empty")}</p> : null}
          {items.length > 0 && d.documents ? <DocumentTable items={items} /> : null}
          {items.length > 0 && !d.documents ? <ItemCards items={items} /> : null}
          <Pager page={list.page} pages={list.pages} input={d.input} />
        </>
      )}
    </PortalFrame>
  );
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: publicStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => (data && "head" in data ? headMeta(data.head) : [{ title: data?.title ?? "404" }]);

/** The localities a figures page offers: each unit after the one above it, indented by its depth. */
function unitChoices(units: UnitRow[]): { code: string; name: string; depth: number }[] {
  const children = new Map<string | null, UnitRow[]>();
  const codes = new Set(units.map((u) => u.code));
  for (const u of units) {
    const parent = u.parentCode && codes.has(u.parentCode) ? u.parentCode : null;
    const list = children.get(parent);
    if (list) list.push(u);
    else children.set(parent, [u]);
  }
  const out: { code: string; name: string; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      out.push({ code: u.code, name: u.name, depth });
      walk(u.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
