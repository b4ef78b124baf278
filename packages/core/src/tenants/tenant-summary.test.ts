// The origins a province's map reads from (the pages' CSP allows them, docs/decisions/0013 §8).
import { describe, expect, it } from "vitest";
import { mapOriginsOf } from "./tenant-summary.ts";

describe("mapOriginsOf", () => {
  it("is empty for a pack without a basemap from elsewhere", () => {
    expect(mapOriginsOf({})).toEqual([]);
    expect(mapOriginsOf({ map: { bounds: [104, 19, 106, 20] } })).toEqual([]);
    expect(mapOriginsOf(null)).toEqual([]);
  });

  it("is the style's or the tiles' origin, and Mapbox's with a token", () => {
    expect(mapOriginsOf({ map: { tiles: { url: "https://tiles.example.vn:8443/{z}/{x}/{y}.png" } } })).toEqual(["https://tiles.example.vn:8443"]);
    expect(mapOriginsOf({ map: { style: "https://styles.example.vn/a/style.json", accessToken: "pk.x" } })).toEqual([
      "https://api.mapbox.com",
      "https://events.mapbox.com",
      "https://styles.example.vn",
    ]);
  });

  it("never allows anything but an http(s) origin", () => {
    expect(mapOriginsOf({ map: { style: "javascript:alert(1)" } })).toEqual([]);
    expect(mapOriginsOf({ map: { style: "not a url", tiles: { url: 3 } } })).toEqual([]);
  });
});
