// Where a place is (issue 10): a point (lon/lat, WGS 84) or an area (a GeoJSON Polygon or MultiPolygon),
// checked as RFC 7946 asks: positions [lon, lat] within range, every ring closed (first position = last)
// with at least four positions. Pure functions, shared by the form, the import and the GeoJSON builder.

export type Position = [number, number];
export type Area = { type: "Polygon"; coordinates: Position[][] } | { type: "MultiPolygon"; coordinates: Position[][][] };

// Rings and positions an area may hold: a lockdown area is a few streets, not a coastline.
const MAX_POSITIONS = 5_000;

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
export const lonOk = (lon: number) => lon >= -180 && lon <= 180;
export const latOk = (lat: number) => lat >= -90 && lat <= 90;

/** A longitude or latitude as typed ("105.68", "105,68"): the number, null when blank, or why not. */
export function readCoordinate(raw: string | number | null | undefined, axis: "lon" | "lat"): { value: number | null } | { problem: string } {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return { value: null };
  const n = typeof raw === "number" ? raw : /^-?\d{1,3}([.,]\d+)?$/.test(raw.trim()) ? Number(raw.trim().replace(",", ".")) : NaN;
  if (!isNum(n)) return { problem: "errors.placeCoordinate" };
  return (axis === "lon" ? lonOk(n) : latOk(n)) ? { value: n } : { problem: axis === "lon" ? "errors.placeLonRange" : "errors.placeLatRange" };
}

/** An area as GeoJSON text or value: the Polygon or MultiPolygon (coordinates only), or why not. */
export function checkArea(input: unknown): { area: Area } | { problem: string } {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch {
      return { problem: "errors.placeAreaJson" };
    }
  }
  // A Feature or a one-feature FeatureCollection, as drawing tools export them, stands for its geometry.
  const obj = value as { type?: unknown; geometry?: unknown; features?: unknown; coordinates?: unknown } | null;
  if (obj && obj.type === "Feature") return checkArea(obj.geometry ?? null);
  if (obj && obj.type === "FeatureCollection" && Array.isArray(obj.features) && obj.features.length === 1) return checkArea(obj.features[0]);
  if (!obj || (obj.type !== "Polygon" && obj.type !== "MultiPolygon")) return { problem: "errors.placeAreaType" };
  const polygons = obj.type === "Polygon" ? [obj.coordinates] : obj.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return { problem: "errors.placeAreaRing" };
  let count = 0;
  const out: Position[][][] = [];
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return { problem: "errors.placeAreaRing" };
    const rings: Position[][] = [];
    for (const ring of polygon) {
      if (!Array.isArray(ring) || ring.length < 4) return { problem: "errors.placeAreaRing" };
      const positions: Position[] = [];
      for (const p of ring) {
        if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !isNum(p[0]) || !isNum(p[1])) return { problem: "errors.placeAreaPosition" };
        if (!lonOk(p[0]) || !latOk(p[1])) return { problem: "errors.placeAreaRange" };
        positions.push([p[0], p[1]]);
      }
      const [first, last] = [positions[0]!, positions.at(-1)!];
      if (first[0] !== last[0] || first[1] !== last[1]) return { problem: "errors.placeAreaOpen" };
      count += positions.length;
      if (count > MAX_POSITIONS) return { problem: "errors.placeAreaTooLarge" };
      rings.push(positions);
    }
    out.push(rings);
  }
  return { area: obj.type === "Polygon" ? { type: "Polygon", coordinates: out[0]! } : { type: "MultiPolygon", coordinates: out } };
}

/** A stored area (validated when written): the area, or null when the row holds anything else. */
export function asArea(value: unknown): Area | null {
  if (value === null || value === undefined) return null;
  const checked = checkArea(value);
  return "area" in checked ? checked.area : null;
}
