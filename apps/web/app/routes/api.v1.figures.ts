// GET /api/v1/figures: the province's series of figures (without ?series=), or one series' figures over a
// range of local dates (issue 10): ?series=<key>&from=YYYY-MM-DD&to=YYYY-MM-DD (default: the last 30 days),
// ?unit=<GSO code> for one locality or ?unit=all for every one (default: the province's figure), paged with
// ?limit= (1–10,000, default 1,000) and the answer's `next` link. Errors are JSON naming the parameter.
// Cached like every public answer (a figure entered bumps the province's content version).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listFigureSeries, queryFigures, type SeriesInfo } from "@cong/core";
import { apiError, apiTenant, filterErrors } from "~/utils/public-api.server";

const seriesJson = (s: SeriesInfo) => ({
  key: s.key,
  names: s.names,
  description: s.description,
  measure: s.measure,
  level: s.levelKey,
  province: s.province,
  times: s.times,
  cumulative: s.cumulative,
  section: s.sectionSlug,
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const tenant = apiTenant(context);
  if (tenant instanceof Response) return tenant;
  const url = new URL(request.url);
  const params = url.searchParams;
  const key = params.get("series");
  if (key === null) {
    const series = await context.unit.run((tx) => listFigureSeries({ tx, tenantId: tenant.id, published: true }));
    return Response.json({ tenant: tenant.slug, timeZone: tenant.timeZone, series: series.map(seriesJson) });
  }
  const input = {
    series: key,
    from: params.get("from") || undefined,
    to: params.get("to") || undefined,
    unit: params.get("unit") || undefined,
    limit: params.get("limit") || undefined,
    after: params.get("after") || undefined,
  };
  const page = await context.unit.run((tx) => queryFigures({ tx, tenantId: tenant.id, timeZone: tenant.timeZone, input }));
  if (!page.ok && "notFound" in page) return apiError(404, `no series "${key}" on this portal`);
  if (!page.ok) return filterErrors(page.errors);
  const { series, from, to, unit, figures, next } = page.value;
  const nextUrl = next ? new URL(url) : null;
  nextUrl?.searchParams.set("after", next!);
  return Response.json({ tenant: tenant.slug, timeZone: tenant.timeZone, series: seriesJson(series), from, to, unit, figures, next: nextUrl ? nextUrl.pathname + nextUrl.search : null });
}
