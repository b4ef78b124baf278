// The pack's map: block (docs/decisions/0013): a basemap from a style or tiles, and a Mapbox token only
// with a style.
import { describe, expect, it } from "vitest";
import { mapSchema } from "./map-schema.ts";

const problems = (input: unknown) => {
  const r = mapSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("the map block", () => {
  it("takes no basemap, a style, or tiles with their attribution", () => {
    expect(problems({})).toEqual([]);
    expect(problems({ style: "https://styles.example.vn/style.json" })).toEqual([]);
    expect(problems({ tiles: { url: "https://tiles.example.vn/{z}/{x}/{y}.png", attribution: { vi: "© Nền" } } })).toEqual([]);
    expect(problems({ style: "https://a.example.vn/s.json", tiles: { url: "https://t.example.vn/{z}/{x}/{y}.png", attribution: { vi: "x" } } })).toEqual(["tiles: give a style or tiles, not both"]);
    expect(problems({ tiles: { url: "https://t.example.vn/tiles.png", attribution: { vi: "x" } } })).toEqual(["tiles.url: must contain {z}, {x} and {y}"]);
  });

  it("takes a public Mapbox token with a style, and names the field otherwise", () => {
    expect(problems({ style: "https://styles.example.vn/style.json", accessToken: "pk.eyJ1IjoiY29uZyJ9.abc" })).toEqual([]);
    expect(problems({ accessToken: "pk.eyJ1IjoiY29uZyJ9.abc" })).toEqual(["accessToken: a Mapbox token goes with a style URL"]);
    expect(problems({ style: "https://styles.example.vn/style.json", accessToken: "sk.secret" })).toEqual(["accessToken: must be a public Mapbox token (pk.…)"]);
  });
});
