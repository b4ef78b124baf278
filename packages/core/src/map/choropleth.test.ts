// The choropleth's classes and roll-up (issue 10): what a reader sees in the legend and the table.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { choroplethClasses, classOf, rollUp } from "./choropleth.ts";

describe("choroplethClasses", () => {
  it("levels get one class each, coloured green, yellow, orange, red", () => {
    const classes = choroplethClasses([1, 4], "level");
    expect(classes.map((c) => [c.min, c.max])).toEqual([[1, 1], [2, 2], [3, 3], [4, 4]]);
    expect(classes.map((c) => c.color)).toEqual(["#2e7d32", "#f9d71c", "#ef6c00", "#c62828"]);
  });

  it("counts: 0 on its own, then round upper bounds, the last at the largest value", () => {
    expect(choroplethClasses([], "count").map((c) => [c.min, c.max])).toEqual([[0, 0]]);
    expect(choroplethClasses([0, 1234], "count").map((c) => [c.min, c.max])).toEqual([[0, 0], [1, 1234]]);
    expect(choroplethClasses([0, 3, 8, 40, 95, 180, 420, 1200], "count").map((c) => [c.min, c.max])).toEqual([[0, 0], [1, 10], [11, 100], [101, 500], [501, 1200]]);
  });

  it("every value falls in exactly one class; classes are contiguous and ordered", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1_000_000 }), { maxLength: 60 }), (values) => {
        const classes = choroplethClasses(values, "count");
        expect(classes.length).toBeLessThanOrEqual(5);
        classes.forEach((c, i) => {
          expect(c.min).toBeLessThanOrEqual(c.max);
          if (i > 0) expect(c.min).toBe(classes[i - 1]!.max + 1);
        });
        for (const v of values) expect(classes.filter((c) => v >= c.min && v <= c.max)).toHaveLength(1);
        expect(classOf(null, classes)).toBe(-1);
      }),
    );
  });
});

describe("rollUp", () => {
  const parents = new Map<string, string | null>([["40", null], ["412", "40"], ["16663", "412"], ["16666", "412"], ["414", "40"], ["16700", "414"]]);

  it("sums a count's communes into their district; a district with none entered has no figure, not 0", () => {
    expect(rollUp(["412", "414", "432"], [{ code: "16663", value: 12 }, { code: "16666", value: 1030 }, { code: "16700", value: 0 }], parents, "count")).toEqual([
      { code: "412", value: 1042 },
      { code: "414", value: 0 },
      { code: "432", value: null },
    ]);
  });

  it("takes the highest level, and counts a district's own figure", () => {
    expect(rollUp(["412"], [{ code: "16663", value: 2 }, { code: "16666", value: 3 }, { code: "412", value: 1 }], parents, "level")).toEqual([{ code: "412", value: 3 }]);
  });

  it("ignores figures outside the drawn units (the province's own row)", () => {
    expect(rollUp(["412"], [{ code: "40", value: 99 }], parents, "count")).toEqual([{ code: "412", value: null }]);
  });
});
