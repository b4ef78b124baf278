// The boundaries files (issue 10): the shipped ones pass, and a feature of another province, an open
// ring or a point is refused with the feature's path, so the map never serves another province's shapes.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parseBoundaries } from "./boundaries.ts";

const tenants = new URL("../../../tenants/", import.meta.url);
const square = (x: number, y: number) => ({ type: "Polygon", coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] });
const feature = (properties: Record<string, unknown>, geometry: unknown = square(105, 19)) => ({ type: "Feature", properties, geometry });
const province = feature({ code: "40", name: "Tỉnh Nghệ An", level: "province" });

describe("parseBoundaries", () => {
  it.each([["nghe-an", "40", 22], ["thanh-hoa", "38", 28]])("reads %s's file: every feature its own, the outline included", async (slug, code, count) => {
    const raw: unknown = JSON.parse(await readFile(new URL(`${slug}/boundaries.geojson`, tenants), "utf8"));
    const { boundaries, problems } = parseBoundaries(raw, code);
    expect(problems).toEqual([]);
    expect(boundaries).toHaveLength(count);
    expect(boundaries.filter((b) => b.level === "province").map((b) => b.code)).toEqual([code]);
    // And the same file is refused for the other province.
    expect(parseBoundaries(raw, code === "40" ? "38" : "40").problems.length).toBe(count);
  });

  it("refuses another province's district, an open ring, a point and a duplicate, naming each", () => {
    const open = { type: "Polygon", coordinates: [[[105, 19], [106, 19], [106, 20], [105, 20]]] };
    const { problems } = parseBoundaries(
      {
        type: "FeatureCollection",
        features: [
          province,
          feature({ code: "380", name: "Thành phố Thanh Hóa", level: "district", provinceCode: "38" }),
          feature({ code: "412", name: "Thành phố Vinh", level: "district", provinceCode: "40" }, open),
          feature({ code: "414", name: "Thị xã Thái Hoà", level: "district", provinceCode: "40" }, { type: "Point", coordinates: [105, 19] }),
          feature({ code: "40", name: "Tỉnh Nghệ An", level: "province" }),
        ],
      },
      "40",
    );
    expect(problems).toEqual([
      { path: ["features", 1, "properties", "provinceCode"], message: "belongs to province 38, not 40" },
      { path: ["features", 2, "geometry"], message: "must be a Polygon or MultiPolygon of closed WGS84 rings" },
      { path: ["features", 3, "geometry"], message: "must be a Polygon or MultiPolygon of closed WGS84 rings" },
      { path: ["features", 4, "properties", "code"], message: 'duplicate code "40"' },
    ]);
  });

  it("wants a FeatureCollection with the province's outline", () => {
    expect(parseBoundaries([], "40").problems).toEqual([{ path: [], message: "must be a GeoJSON FeatureCollection" }]);
    expect(parseBoundaries({ type: "FeatureCollection", features: [feature({ code: "412", name: "Vinh", level: "district", provinceCode: "40" })] }, "40").problems).toEqual([
      { path: ["features"], message: 'has no outline of the province (level "province", code 40)' },
    ]);
  });
});
