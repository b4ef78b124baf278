// /search?q=: the province's published content, ranked by relevance, ignoring case and Vietnamese
// diacritics ("quang ninh" finds "Quảng Ninh"). The query is shown back as text only; it is never logged.
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { searchPublished } from "@cong/core";
import { NotFoundPage } from "~/components/not-found-page";
import { Breadcrumb } from "~/components/portal/breadcrumb";
import { ItemCards } from "~/components/portal/item-list";
import { Pager } from "~/components/portal/pager";
import { PortalFrame } from "~/components/portal/portal-frame";
import type { loader as rootLoader } from "~/root";
import publicStyles from "~/styles/public.css?url";
import { notFound } from "~/utils/not-found.server";
import { headMeta } from "~/utils/public-head";
import { loadPortal, portalHead, SEARCH_MAX_QUERY, searchQuerySchema, toCard } from "~/utils/public.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const portal = await loadPortal(request, context);
  if (!portal) return notFound(request, context);
  const params = new URL(request.url).searchParams;
  const raw = params.get("q") ?? "";
  const parsed = searchQuerySchema.safeParse({ q: raw, page: params.get("page") ?? undefined });
  const head = portalHead(portal, { path: "/search", title: portal.t("public.search.heading") });
  const base = { page: "search" as const, home: portal.home, lng: portal.lng, head, maxQuery: SEARCH_MAX_QUERY };
  if (!parsed.success) {
    const error = portal.t("public.search.tooLong", { max: SEARCH_MAX_QUERY });
    return data({ ...base, query: raw.slice(0, SEARCH_MAX_QUERY), error, items: [], result: null }, { status: 400 });
  }
  const { q, page } = parsed.data;
  if (!q) return { ...base, query: "", error: null, items: [], result: null };
  const found = await context.unit.run((tx) => searchPublished({ tx, tenantId: portal.tenant.id, q, locale: portal.locale, page }));
  return {
    ...base,
    query: q,
    error: null,
    items: found.items.map((i) => toCard(i, portal.locale, portal.tenant.timeZone)),
    result: { total: found.total, page: found.page, pages: found.pages },
  };
}

export default function SearchPage() {
  const d = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const { t } = useTranslation();
  if (d.page !== "search") return <NotFoundPage host={d.host} homeUrl={d.homeUrl} />;
  return (
    <PortalFrame home={d.home} offered={root?.offered ?? ["vi"]} locale={root?.locale ?? "vi"} lng={d.lng}>
      <Breadcrumb trail={[{ label: t("public.search.heading") }]} />
      <h1>{t("public.search.heading")}</h1>
      <form className="search-form" method="get" action="/search" role="search">
        <label htmlFor="search-q">{t("public.search.query")}</label>
        <div className="search-row">
          <input
            id="search-q"
            type="search"
            name="q"
            defaultValue={d.query}
            maxLength={d.maxQuery}
            aria-invalid={d.error ? true : undefined}
            aria-describedby={d.error ? "search-q-error search-q-hint" : "search-q-hint"}
          />
          <button type="submit">{t("public.search.submit")}</button>
        </div>
        {d.error ? (
          <p className="field-error" id="search-q-error" role="alert">
            {d.error}
          </p>
        ) : null}
        <p className="field-hint" id="search-q-hint">
          {t("public.search.hint")}
        </p>
      </form>
      {d.result ? (
        <section className="search-results" aria-labelledby="results-heading">
          <h2 id="results-heading">{t("public.search.resultsFor", { query: d.query })}</h2>
          <p className="list-count" role="status">
            {d.result.total > 0 ? t("public.search.count", { count: d.result.total }) : t("public.search.none", { query: d.query })}
          </p>
          <ItemCards items={d.items} showSection />
          <Pager page={d.result.page} pages={d.result.pages} input={{ q: d.query }} />
        </section>
      ) : d.error ? null : (
        <p className="empty">{t("public.search.prompt")}</p>
      )}
    </PortalFrame>
  );
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: publicStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data && "head" in data ? [...headMeta(data.head), { name: "robots", content: "noindex, follow" }] : [{ title: data?.title ?? "404" }];
