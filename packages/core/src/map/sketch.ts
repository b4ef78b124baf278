// The map's first render, drawn on the server (issue 10, docs/decisions/0013 §10): the province's outlines,
// the choropleth and the places as SVG path data, in the same Web Mercator projection and opening bounds
// as the interactive map, so the page shows the map in its first paint (and to readers without scripts)
// and the island swaps in maplibre-gl without the picture moving. Pure: numbers in, path strings out.
//
// Size: outlines are simplified to the picture's resolution (Douglas–Peucker at half a unit of a
// 1,000-unit-wide picture, whole units, relative moves); each place is one zero-length segment with a
// round cap ("m dx dy h0", about eight bytes), all the places of a kind in one path.
import type { Area, Position } from "../places/geometry.ts";

/** The picture's width in its own units; its height follows from the bounds. */
export const SKETCH_WIDTH = 1000;
// The interactive map fits the bounds with 12 px of padding; the picture keeps a margin of the same order.
const MARGIN = 0.015;
const TOLERANCE = 0.5;

// Places are coloured by kind, in the order of their kind keys: the island colours its layers from the
// same table (MapIslandConfig.kindColors), so both renders agree. One colour for each of the ten kinds.
export const PLACE_COLORS = ["#1565c0", "#6a1b9a", "#00838f", "#ad1457", "#4e342e", "#283593", "#558b2f", "#37474f", "#bf360c", "#827717"];

export function placeKindColors(kinds: Iterable<string>): Record<string, string> {
  return Object.fromEntries([...new Set(kinds)].sort().map((kind, i) => [kind, PLACE_COLORS[i % PLACE_COLORS.length]!]));
}

export type Bounds = [west: number, south: number, east: number, north: number];

export type SketchInput = {
  bounds: Bounds;
  /** Outlines: the province's and its districts' (Polygon or MultiPolygon geometry). */
  outlines: { code: string; name: string; level: string; geometry: unknown }[];
  /** The colour of each district by its code (the choropleth); missing: the no-data colour. */
  fills: Record<string, string>;
  noDataColor: string;
  places: { kind: string; lon: number | null; lat: number | null; area: Area | null }[];
  kindColors: Record<string, string>;
};

export type MapSketch = {
  width: number;
  height: number;
  province: string[];
  districts: { code: string; name: string; d: string; color: string }[];
  kinds: { kind: string; color: string; dots: string; areas: string; count: number }[];
};

const mercatorY = (lat: number) => {
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return Math.log(Math.tan(Math.PI / 4 + phi / 2));
};
const mercatorX = (lon: number) => (lon * Math.PI) / 180;

/** Longitude/latitude → picture units, north up, the bounds plus a margin filling the width. */
export function projection(bounds: Bounds): { width: number; height: number; project: (lon: number, lat: number) => [number, number] } {
  const [w, s, e, n] = bounds;
  const x0 = mercatorX(w), x1 = mercatorX(e), y0 = mercatorY(s), y1 = mercatorY(n);
  const spanX = Math.max(x1 - x0, 1e-9), spanY = Math.max(y1 - y0, 1e-9);
  const pad = Math.max(spanX, spanY) * MARGIN;
  const scale = SKETCH_WIDTH / (spanX + 2 * pad);
  const height = Math.round((spanY + 2 * pad) * scale);
  return { width: SKETCH_WIDTH, height, project: (lon, lat) => [(mercatorX(lon) - x0 + pad) * scale, (y1 - mercatorY(lat) + pad) * scale] };
}

/** Douglas–Peucker: the points of a line that keep it within `tolerance` of itself (ends always kept). */
export function simplify(points: readonly [number, number][], tolerance: number): [number, number][] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  const t2 = tolerance * tolerance;
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a]!, [bx, by] = points[b]!;
    const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
    let worst = -1, worstAt = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i]!;
      let d2: number;
      if (len2 === 0) d2 = (px - ax) ** 2 + (py - ay) ** 2;
      else {
        const cross = dx * (py - ay) - dy * (px - ax);
        d2 = (cross * cross) / len2;
      }
      if (d2 > worst) {
        worst = d2;
        worstAt = i;
      }
    }
    if (worst > t2) {
      keep[worstAt] = 1;
      stack.push([a, worstAt], [worstAt, b]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** One closed ring as path data in whole units with relative moves; "" when it shrinks to nothing. */
function ringPath(ring: readonly Position[], project: (lon: number, lat: number) => [number, number]): string {
  const projected = ring.filter((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1])).map((p) => project(p[0], p[1]));
  // A ring is closed (first = last): split it in two halves so the simplification keeps its far side.
  const mid = Math.floor(projected.length / 2);
  const simple = projected.length > 4 ? [...simplify(projected.slice(0, mid + 1), TOLERANCE), ...simplify(projected.slice(mid), TOLERANCE).slice(1)] : projected;
  const out: string[] = [];
  let x = 0, y = 0;
  for (const [px, py] of simple) {
    const rx = Math.round(px), ry = Math.round(py);
    if (out.length === 0) out.push(`M${rx} ${ry}`);
    else if (rx !== x || ry !== y) out.push(`l${rx - x} ${ry - y}`.replace(" -", "-"));
    x = rx;
    y = ry;
  }
  // Fewer than three distinct corners draws nothing at this size.
  return out.length < 3 ? "" : out.join("") + "z";
}

/** A Polygon's or MultiPolygon's rings as one path (even-odd holes); "" for anything else. */
export function geometryPath(geometry: unknown, project: (lon: number, lat: number) => [number, number]): string {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  const polygons = g?.type === "Polygon" ? [g.coordinates] : g?.type === "MultiPolygon" ? (g.coordinates as unknown[]) : [];
  if (!Array.isArray(polygons)) return "";
  return polygons.flatMap((rings) => (Array.isArray(rings) ? (rings as Position[][]).map((r) => (Array.isArray(r) ? ringPath(r, project) : "")) : [])).join("");
}

/** The picture: outlines with their colours, and per kind of place its dots and areas. */
export function sketchMap(input: SketchInput): MapSketch {
  const { width, height, project } = projection(input.bounds);
  const province: string[] = [];
  const districts: MapSketch["districts"] = [];
  for (const o of input.outlines) {
    const d = geometryPath(o.geometry, project);
    if (!d) continue;
    if (o.level === "province") province.push(d);
    else districts.push({ code: o.code, name: o.name, d, color: input.fills[o.code] ?? input.noDataColor });
  }
  const byKind = new Map<string, { dots: string[]; areas: string[]; count: number; x: number; y: number }>();
  for (const p of input.places) {
    let k = byKind.get(p.kind);
    if (!k) byKind.set(p.kind, (k = { dots: [], areas: [], count: 0, x: 0, y: 0 }));
    if (p.area) {
      const d = geometryPath(p.area, project);
      if (d) {
        k.areas.push(d);
        k.count++;
      }
    } else if (p.lon !== null && p.lat !== null) {
      const [px, py] = project(p.lon, p.lat);
      const rx = Math.round(px), ry = Math.round(py);
      k.dots.push(k.dots.length === 0 ? `M${rx} ${ry}h0` : `m${rx - k.x} ${ry - k.y}h0`.replace(" -", "-"));
      k.x = rx;
      k.y = ry;
      k.count++;
    }
  }
  const kinds = [...byKind.entries()]
    .filter(([, k]) => k.count > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([kind, k]) => ({ kind, color: input.kindColors[kind] ?? PLACE_COLORS[0]!, dots: k.dots.join(""), areas: k.areas.join(""), count: k.count }));
  return { width, height, province, districts, kinds };
}
