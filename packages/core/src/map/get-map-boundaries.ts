// The province's outlines as one RFC 7946 FeatureCollection (issue 10): what GET /api/v1/boundaries and
// the map island draw. Rows of this tenant only (the query names it and row-level security enforces it);
// a province without a boundaries file gets an empty collection, not an error.
import type { Tx } from "@cong/db";
import { loadUnits } from "../figures/series.ts";

export type BoundaryFeature = {
  type: "Feature";
  id: string;
  properties: { code: string; name: string; level: string; provinceCode: string; note: string | null };
  geometry: unknown;
};
export type BoundaryCollection = { type: "FeatureCollection"; features: BoundaryFeature[] };

export async function getMapBoundaries({ tx, tenantId }: { tx: Tx; tenantId: string }): Promise<BoundaryCollection> {
  const rows = await tx.mapBoundary.findMany({ where: { tenantId } });
  const provinceCode = rows.length > 0 ? (await loadUnits({ tx, tenantId })).provinceCode : "";
  return {
    type: "FeatureCollection",
    // The province first, then its districts: a renderer draws them in this order.
    features: rows
      .sort((a, b) => (a.level === b.level ? a.code.localeCompare(b.code) : a.level === "province" ? -1 : 1))
      .map((r) => ({ type: "Feature", id: r.code, properties: { code: r.code, name: r.name, level: r.level, provinceCode, note: r.note }, geometry: r.geometry })),
  };
}
