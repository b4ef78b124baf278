// GET /api/v1/places: the province's places as a GeoJSON FeatureCollection (RFC 7946, application/geo+json)
// for the map and anyone else (issue 10): a Point for a place with a location, its Polygon or MultiPolygon
// for an area; a place with neither is left out (the lists keep it). The public list's filters and rows
// (?kind=, ?unit= a GSO code with the units under it, ?status=open|closed, ?section= a facilities section's
// kinds), in name order, ?limit= (1–5,000, default 5,000) and the answer's `next` link (a foreign member).
// Errors are JSON naming the parameter. Cached like every public answer (a place written bumps the
// province's content version).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPublicSection, listPlaces, MAX_PLACE_PAGE, parsePlaceFilter, placesToGeoJson } from "@cong/core";
import { apiError, apiQuery, apiTenant, filterErrors } from "~/utils/public-api.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const tenant = apiTenant(context);
  if (tenant instanceof Response) return tenant;
  const url = new URL(request.url);
  const query = apiQuery(url.searchParams, tenant);
  if (query instanceof Response) return query;
  const parsed = parsePlaceFilter(url.searchParams, "en");
  if (!parsed.ok) return filterErrors(parsed.errors);
  const filter = { ...parsed.value, limit: parsed.value.limit ?? MAX_PLACE_PAGE };
  const page = await context.unit.run(async (tx) => {
    const section = query.section ? await getPublicSection({ tx, tenantId: tenant.id, slug: query.section }) : null;
    if (query.section && (!section || (section.kind !== "facilities" && section.kind !== "map"))) return null;
    return listPlaces({ tx, tenantId: tenant.id, filter, published: true, ...(section ? { section: { id: section.id, kind: section.kind } } : {}) });
  });
  if (!page) return apiError(404, `no published facilities or map section "${query.section}" on this portal`);
  const next = page.next ? new URL(url) : null;
  next?.searchParams.set("after", page.next!);
  const body = { ...placesToGeoJson(page.places), tenant: tenant.slug, next: next ? next.pathname + next.search : null };
  return new Response(JSON.stringify(body), { headers: { "Content-Type": "application/geo+json; charset=utf-8" } });
}
