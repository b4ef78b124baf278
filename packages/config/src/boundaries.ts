// A province's boundaries file (issue 10): a GeoJSON FeatureCollection of its outline and its districts,
// each feature keyed by its GSO code. Checked when the pack is read, so what the map serves is the
// province's own geometry and nothing else: a feature of another province is a problem, not a layer.
export type BoundaryLevel = "province" | "district";
export type BoundaryGeometry = { type: "Polygon"; coordinates: number[][][] } | { type: "MultiPolygon"; coordinates: number[][][][] };
export type Boundary = { code: string; name: string; level: BoundaryLevel; note: string | null; geometry: BoundaryGeometry };
export type BoundaryProblem = { path: (string | number)[]; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const isPosition = (p: unknown) => Array.isArray(p) && p.length >= 2 && typeof p[0] === "number" && typeof p[1] === "number" && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
// A linear ring: at least four positions, closed (RFC 7946 §3.1.6).
function isRing(r: unknown): boolean {
  if (!Array.isArray(r) || r.length < 4 || !r.every(isPosition)) return false;
  const [a, b] = [r[0] as number[], r[r.length - 1] as number[]];
  return a[0] === b[0] && a[1] === b[1];
}
const isPolygon = (p: unknown) => Array.isArray(p) && p.length >= 1 && p.every(isRing);

/** Parses and checks a boundaries file for the province with this GSO code. */
export function parseBoundaries(raw: unknown, provinceCode: string): { boundaries: Boundary[]; problems: BoundaryProblem[] } {
  const problems: BoundaryProblem[] = [];
  if (!isObject(raw) || raw.type !== "FeatureCollection" || !Array.isArray(raw.features))
    return { boundaries: [], problems: [{ path: [], message: "must be a GeoJSON FeatureCollection" }] };
  const boundaries: Boundary[] = [];
  const seen = new Set<string>();
  raw.features.forEach((f: unknown, i) => {
    const at = (...rest: (string | number)[]) => ["features", i, ...rest];
    if (!isObject(f) || f.type !== "Feature" || !isObject(f.properties) || !isObject(f.geometry)) {
      problems.push({ path: at(), message: "must be a GeoJSON Feature with properties and a geometry" });
      return;
    }
    const { code, name, level, provinceCode: ofProvince, note } = f.properties;
    if (typeof code !== "string" || !/^\d{2,5}$/.test(code)) return void problems.push({ path: at("properties", "code"), message: "must be a GSO code (digits)" });
    if (typeof name !== "string" || name.trim() === "") return void problems.push({ path: at("properties", "name"), message: "must be the unit's name" });
    if (level !== "province" && level !== "district") return void problems.push({ path: at("properties", "level"), message: 'must be "province" or "district"' });
    // Never another province's geometry: the outline is this province's code, a district names it.
    if (level === "province" ? code !== provinceCode : ofProvince !== provinceCode)
      return void problems.push({ path: at("properties", level === "province" ? "code" : "provinceCode"), message: `belongs to province ${level === "province" ? code : String(ofProvince)}, not ${provinceCode}` });
    if (seen.has(code)) return void problems.push({ path: at("properties", "code"), message: `duplicate code "${code}"` });
    const g = f.geometry;
    const ok = g.type === "Polygon" ? isPolygon(g.coordinates) : g.type === "MultiPolygon" ? Array.isArray(g.coordinates) && g.coordinates.length > 0 && g.coordinates.every(isPolygon) : false;
    if (!ok) return void problems.push({ path: at("geometry"), message: "must be a Polygon or MultiPolygon of closed WGS84 rings" });
    seen.add(code);
    boundaries.push({ code, name: name.normalize("NFC"), level, note: typeof note === "string" ? note.normalize("NFC") : null, geometry: g as BoundaryGeometry });
  });
  if (problems.length === 0 && !boundaries.some((b) => b.level === "province")) problems.push({ path: ["features"], message: `has no outline of the province (level "province", code ${provinceCode})` });
  return { boundaries, problems };
}
