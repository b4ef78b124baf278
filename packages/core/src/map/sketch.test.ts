// The map's server-drawn first render (issue 10): the projection frames the bounds north up, the outlines
// are simplified but keep their shape, and every place is drawn once, in its kind's path and colour.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PLACE_KINDS } from "@cong/config";
import { geometryPath, placeKindColors, projection, simplify, sketchMap, SKETCH_WIDTH, type Bounds } from "./sketch.ts";

const NGHE_AN: Bounds = [103.87, 18.55, 105.81, 20.0];

/** The absolute positions a path of M/m/l/h/z commands visits (what a renderer would draw). */
function visit(d: string): [number, number][] {
  const out: [number, number][] = [];
  let x = 0, y = 0;
  for (const [, cmd, args] of d.matchAll(/([MmlhZz])([^MmlhZz]*)/g)) {
    const n = (args!.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    if (cmd === "M") {
      x = n[0]!;
      y = n[1]!;
    } else if (cmd === "m" || cmd === "l") {
      x += n[0]!;
      y += n[1]!;
    } else if (cmd === "h") x += n[0]!;
    else continue;
    out.push([x, y]);
  }
  return out;
}

describe("projection", () => {
  it("puts the bounds inside the picture, west left and north up, with a small margin", () => {
    const { width, height, project } = projection(NGHE_AN);
    expect(width).toBe(SKETCH_WIDTH);
    const [wx, ny] = project(NGHE_AN[0], NGHE_AN[3]);
    const [ex, sy] = project(NGHE_AN[2], NGHE_AN[1]);
    expect(wx).toBeGreaterThan(0);
    expect(wx).toBeLessThan(30);
    expect(ex).toBeGreaterThan(970);
    expect(ex).toBeLessThan(1000);
    expect(ny).toBeLessThan(sy);
    expect(sy).toBeLessThan(height);
    // Web Mercator, as maplibre-gl: at 19° N a degree of latitude is taller than a degree of longitude.
    expect((sy - ny) / (NGHE_AN[3] - NGHE_AN[1])).toBeGreaterThan((ex - wx) / (NGHE_AN[2] - NGHE_AN[0]));
  });
});

describe("simplify", () => {
  it("drops points on a straight line and keeps corners", () => {
    const line: [number, number][] = [[0, 0], [1, 0.1], [2, 0], [3, 0], [3, 5], [3, 10]];
    expect(simplify(line, 0.5)).toEqual([[0, 0], [3, 0], [3, 10]]);
  });

  it("keeps the ends, and every point it drops lies within the tolerance of the line that replaces it", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true })), { minLength: 2, maxLength: 60 }), (raw) => {
        const points = raw as [number, number][];
        const kept = simplify(points, 1);
        const at = kept.map((p) => points.indexOf(p));
        expect(at[0]).toBe(0);
        expect(at.at(-1)).toBe(points.length - 1);
        for (let k = 0; k + 1 < at.length; k++) {
          expect(at[k + 1]!).toBeGreaterThan(at[k]!);
          const [ax, ay] = points[at[k]!]!, [bx, by] = points[at[k + 1]!]!;
          const len = Math.hypot(bx - ax, by - ay);
          for (let i = at[k]! + 1; i < at[k + 1]!; i++) {
            const [px, py] = points[i]!;
            const distance = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (py - ay) - (by - ay) * (px - ax)) / len;
            expect(distance).toBeLessThanOrEqual(1 + 1e-9);
          }
        }
      }),
    );
  });
});

describe("geometryPath", () => {
  it("draws a closed ring per polygon ring, holes included, and nothing for other geometry", () => {
    const { project } = projection([105, 18, 106, 19]);
    const square = [[105.2, 18.2], [105.8, 18.2], [105.8, 18.8], [105.2, 18.8], [105.2, 18.2]];
    const hole = [[105.4, 18.4], [105.6, 18.4], [105.6, 18.6], [105.4, 18.6], [105.4, 18.4]];
    const d = geometryPath({ type: "Polygon", coordinates: [square, hole] }, project);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/z/g)).toHaveLength(2);
    const corners = visit(d.split("z")[0]!);
    expect(corners).toHaveLength(5);
    expect(geometryPath({ type: "MultiPolygon", coordinates: [[square], [hole]] }, project).match(/M/g)).toHaveLength(2);
    expect(geometryPath({ type: "Point", coordinates: [105, 18] }, project)).toBe("");
    expect(geometryPath(null, project)).toBe("");
    // A ring smaller than one unit of the picture draws nothing.
    expect(geometryPath({ type: "Polygon", coordinates: [[[105.5, 18.5], [105.5001, 18.5], [105.5001, 18.5001], [105.5, 18.5]]] }, project)).toBe("");
  });

  it("shrinks Nghệ An's real outlines to a small fraction of their points and keeps each district's extent", () => {
    const file = fileURLToPath(new URL("../../../../tenants/nghe-an/boundaries.geojson", import.meta.url));
    const collection = JSON.parse(readFileSync(file, "utf8")) as { features: { properties: { code: string; level: string }; geometry: { type: string; coordinates: unknown } }[] };
    const { project } = projection(NGHE_AN);
    let before = 0, after = 0;
    for (const f of collection.features) {
      const positions = (f.geometry.coordinates as unknown[]).flat(f.geometry.type === "Polygon" ? 1 : 2) as [number, number][];
      before += positions.length;
      const d = geometryPath(f.geometry, project);
      const drawn = visit(d);
      after += drawn.length;
      // The drawn outline spans what the data spans, to within a unit of the picture.
      const xs = positions.map((p) => project(p[0], p[1])[0]);
      const dx = drawn.map((p) => p[0]);
      expect(Math.abs(Math.min(...dx) - Math.min(...xs))).toBeLessThanOrEqual(1);
      expect(Math.abs(Math.max(...dx) - Math.max(...xs))).toBeLessThanOrEqual(1);
    }
    expect(after).toBeLessThan(before / 4);
  });
});

describe("sketchMap", () => {
  it("colours districts by the choropleth, draws every place once in its kind's colour, and skips empty kinds", () => {
    const bounds: Bounds = [105, 18, 106, 19];
    const square = (x: number, y: number, s: number) => ({ type: "Polygon", coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });
    const places = [
      ...Array.from({ length: 50 }, (_, i) => ({ kind: "testing", lon: 105.1 + i * 0.015, lat: 18.5, area: null })),
      { kind: "lockdown", lon: null, lat: null, area: square(105.3, 18.3, 0.1) as never },
      { kind: "checkpoint", lon: 105.5, lat: 18.5, area: null },
    ];
    const colors = placeKindColors(places.map((p) => p.kind));
    expect(Object.keys(colors)).toEqual(["checkpoint", "lockdown", "testing"]);
    // Every kind a pack can keep gets a colour of its own.
    expect(new Set(Object.values(placeKindColors(PLACE_KINDS))).size).toBe(PLACE_KINDS.length);
    const sketch = sketchMap({
      bounds,
      outlines: [
        { code: "40", name: "Nghệ An", level: "province", geometry: square(105.1, 18.1, 0.8) },
        { code: "412", name: "A", level: "district", geometry: square(105.1, 18.1, 0.4) },
        { code: "413", name: "B", level: "district", geometry: square(105.5, 18.1, 0.4) },
      ],
      fills: { "412": "#fb6a4a" },
      noDataColor: "#bdbdbd",
      places,
      kindColors: colors,
    });
    expect(sketch.province).toHaveLength(1);
    expect(sketch.districts.map((d) => [d.code, d.color])).toEqual([["412", "#fb6a4a"], ["413", "#bdbdbd"]]);
    expect(sketch.kinds.map((k) => [k.kind, k.count, k.color])).toEqual([["checkpoint", 1, colors.checkpoint], ["lockdown", 1, colors.lockdown], ["testing", 50, colors.testing]]);
    const testing = sketch.kinds.find((k) => k.kind === "testing")!;
    const dots = visit(testing.dots);
    expect(dots.filter((_, i) => i % 2 === 0)).toHaveLength(50);
    // Relative moves land on each place's projected position (to the unit).
    const { project } = projection(bounds);
    const [x7, y7] = project(105.1 + 7 * 0.015, 18.5);
    expect(dots[14]![0]).toBe(Math.round(x7));
    expect(dots[14]![1]).toBe(Math.round(y7));
    expect(testing.dots.length).toBeLessThan(50 * 10);
    expect(sketch.kinds.find((k) => k.kind === "lockdown")!.areas).toMatch(/^M\d+ \d+l.*z$/);
  });
});
