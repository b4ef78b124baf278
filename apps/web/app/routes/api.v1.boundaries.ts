// GET /api/v1/boundaries: the province's outline and its districts' as an RFC 7946 FeatureCollection
// (application/geo+json), each feature with {code, name, level, provinceCode, note}; this host's
// province only, an empty collection where the province has no boundaries file (issue 10). Cached like
// every public answer: the page cache keys it on the province's content version, which a pack load that
// changes the outlines bumps (map_boundary's statement triggers).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMapBoundaries } from "@cong/core";
import { apiTenant } from "~/utils/public-api.server";

export async function loader({ context }: LoaderFunctionArgs) {
  const tenant = apiTenant(context);
  if (tenant instanceof Response) return tenant;
  const collection = await context.unit.run((tx) => getMapBoundaries({ tx, tenantId: tenant.id }));
  return new Response(JSON.stringify(collection), { headers: { "Content-Type": "application/geo+json; charset=utf-8" } });
}
