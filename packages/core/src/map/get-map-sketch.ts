// The rows behind the map's first render (issue 10, docs/decisions/0013 §10): the province's outlines, the
// choropleth's colours from the figures the page already read, and the places the island will draw (the
// places API's first page: every published kind, in name order, up to MAX_PLACE_PAGE), projected into
// the pack's opening bounds. Rows of this tenant only (each query names it; row-level security enforces it).
// Null when there is nothing to frame (no bounds, no outline, no place).
import type { Tx } from "@cong/db";
import type { Area } from "../places/geometry.ts";
import { MAX_PLACE_PAGE } from "../places/list-places.ts";
import { listPlaceKinds } from "../places/place-kinds.ts";
import type { MapFigures } from "./get-map-figures.ts";
import { placeKindColors, sketchMap, type Bounds, type MapSketch } from "./sketch.ts";

export type MapPicture = MapSketch & { kindColors: Record<string, string> };

function extent(points: Iterable<[number, number]>): Bounds | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const [x, y] of points) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

function* positions(value: unknown): Generator<[number, number]> {
  if (!Array.isArray(value)) return;
  if (value.length >= 2 && typeof value[0] === "number" && typeof value[1] === "number") yield [value[0], value[1]];
  else for (const v of value) yield* positions(v);
}

export async function getMapSketch({ tx, tenantId, map }: { tx: Tx; tenantId: string; map: MapFigures }): Promise<MapPicture | null> {
  const outlines = await tx.mapBoundary.findMany({ where: { tenantId }, select: { code: true, name: true, level: true, geometry: true } });
  const kinds = await listPlaceKinds({ tx, tenantId, published: true });
  const kindOf = new Map(kinds.map((k) => [k.id, k.kind as string]));
  const rows = kinds.length === 0 ? [] : await tx.place.findMany({
    where: { tenantId, kindId: { in: [...kindOf.keys()] } },
    orderBy: [{ sortName: "asc" }, { id: "asc" }],
    take: MAX_PLACE_PAGE,
    select: { kindId: true, lon: true, lat: true, area: true },
  });
  const places = rows
    .filter((r) => r.area !== null || (r.lon !== null && r.lat !== null))
    .map((r) => ({ kind: kindOf.get(r.kindId)!, lon: r.lon, lat: r.lat, area: (r.area as Area | null) ?? null }));
  const bounds =
    (map.settings?.bounds as Bounds | undefined) ??
    extent(outlines.flatMap((o) => [...positions((o.geometry as { coordinates?: unknown } | null)?.coordinates)])) ??
    extent(places.flatMap((p) => (p.area ? [...positions(p.area.coordinates)] : [[p.lon!, p.lat!] as [number, number]])));
  if (!bounds || (outlines.length === 0 && places.length === 0)) return null;
  const fills = Object.fromEntries(map.units.filter((u) => u.cls >= 0).map((u) => [u.code, map.classes[u.cls]!.color]));
  const kindColors = placeKindColors(places.map((p) => p.kind));
  return { ...sketchMap({ bounds, outlines, fills, noDataColor: map.noDataColor, places, kindColors }), kindColors };
}
