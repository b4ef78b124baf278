// The chart's arithmetic: axes a reader can trust (ticks enclose every value, evenly and roundly spaced),
// gaps where figures are missing, colours legible on white, dates in the province's time zone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  alignValues,
  columnTotals,
  contrastOnWhite,
  dateFormatters,
  labelIndices,
  linePath,
  linearScale,
  niceTicks,
  PALETTE,
  seriesColor,
  stackSegments,
  summarize,
  valueExtent,
} from "./figure-chart-scale";

/** The step between ticks is 1, 2 or 5 times a power of ten (within rounding error). */
function isNiceStep(step: number, relativeError: number): boolean {
  const mantissa = step / 10 ** Math.floor(Math.log10(step));
  return [1, 2, 5, 10].some((m) => Math.abs(mantissa - m) <= 10 * relativeError);
}

describe("niceTicks", () => {
  it("gives round ticks a reader expects", () => {
    expect(niceTicks(0, 87, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 1234, 5)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(0, 0.7, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(-35, 120, 4)).toEqual([-50, 0, 50, 100, 150]);
    expect(niceTicks(0.1, 0.3, 2)).toEqual([0.1, 0.2, 0.3]);
  });

  it("gives a range around a single value, and 0 to 1 for nothing but zeros", () => {
    expect(niceTicks(0, 0, 2)).toEqual([0, 0.5, 1]);
    expect(niceTicks(5, 5)).toEqual([4, 4.5, 5, 5.5, 6]);
    // a spread too small to see is one value, not ticks a billionth apart
    expect(niceTicks(1e9, 1e9 + 1e-7)).toEqual([0, 5e8, 1e9, 1.5e9, 2e9]);
  });

  it("refuses non-finite bounds (a bug upstream, not a chart to draw)", () => {
    expect(() => niceTicks(0, Infinity)).toThrow(RangeError);
    expect(() => niceTicks(Number.NaN, 1)).toThrow(RangeError);
  });

  it("encloses [min, max] with evenly spaced round ticks, at most count + 1 of them", () => {
    // Figures people read: counts, and decimals to the millionth (not subnormal doubles).
    const decimal = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).map((v) => Math.round(v * 1e6) / 1e6);
    const bound = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), decimal);
    fc.assert(
      fc.property(bound, bound, fc.integer({ min: 1, max: 12 }), (a, b, count) => {
        const min = Math.min(a, b);
        const max = Math.max(a, b);
        const ticks = niceTicks(min, max, count);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(Math.max(2, count) + 1);
        expect(ticks[0]).toBeLessThanOrEqual(min);
        expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
        const step = (ticks[1] ?? 0) - (ticks[0] ?? 0);
        expect(step).toBeGreaterThan(0);
        const tolerance = 1e-9 * Math.max(step, ...ticks.map(Math.abs));
        for (let i = 1; i < ticks.length; i++) expect(Math.abs((ticks[i] ?? 0) - (ticks[i - 1] ?? 0) - step)).toBeLessThanOrEqual(tolerance);
        expect(isNiceStep(step, Math.max(1e-12, tolerance / step))).toBe(true);
        // No needless tick: dropping the first or the last one would leave a value uncovered.
        if (max - min > 1e-9 * Math.max(Math.abs(min), Math.abs(max))) {
          expect(ticks[1]).toBeGreaterThan(min);
          expect(ticks[ticks.length - 2]).toBeLessThan(max);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("never fails on any finite pair of figures, down to subnormal doubles", () => {
    const any = fc.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(any, any, fc.integer({ min: 0, max: 12 }), (a, b, count) => {
        const ticks = niceTicks(a, b, count);
        expect(ticks[0]).toBeLessThanOrEqual(Math.min(a, b));
        expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(Math.max(a, b));
        expect(ticks.length).toBeLessThanOrEqual(Math.max(2, count) + 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("scales and paths", () => {
  it("maps values linearly, upside down as SVG wants", () => {
    const y = linearScale([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(100)).toBe(0);
    expect(y(25)).toBe(150);
  });

  it("breaks the line at a missing value, so a gap shows instead of a made-up slope", () => {
    const d = linePath([{ x: 0, y: 10 }, { x: 1, y: 20 }, null, { x: 3, y: 5 }, { x: 4.004, y: 6.996 }]);
    expect(d).toBe("M0 10L1 20M3 5L4 7");
    expect(d.match(/M/g)).toHaveLength(2);
    expect(linePath([null, null])).toBe("");
  });

  it("spaces date labels evenly from the first, never more than fit", () => {
    expect(labelIndices(31, 5)).toEqual([0, 8, 16, 24]);
    expect(labelIndices(3, 10)).toEqual([0, 1, 2]);
    expect(labelIndices(10, 1)).toEqual([0]);
    expect(labelIndices(0, 5)).toEqual([]);
  });
});

describe("figures", () => {
  it("treats missing and non-finite values as no data", () => {
    expect(alignValues([1, Number.NaN, Infinity, 4], 6)).toEqual([1, null, null, 4, null, null]);
  });

  it("summarizes a series: the latest value present, the sum, the count", () => {
    expect(summarize([3, null, 5, null])).toEqual({ latest: { index: 2, value: 5 }, total: 8, count: 2 });
    expect(summarize([null])).toEqual({ latest: null, total: 0, count: 0 });
  });

  it("stacks positives up and corrections down, and totals each date", () => {
    const series = [
      [2, null, -1],
      [3, 4, 5],
    ];
    expect(stackSegments(series, 3)).toEqual([
      [{ from: 0, to: 2 }, null, { from: 0, to: -1 }],
      [{ from: 2, to: 5 }, { from: 0, to: 4 }, { from: 0, to: 5 }],
    ]);
    expect(columnTotals([[1, null], [2, null]], 2)).toEqual([3, null]);
    expect(valueExtent("stacked-bar", series, 3, true)).toEqual([-1, 5]);
    expect(valueExtent("line", [[95, 99]], 2, false)).toEqual([95, 99]);
    expect(valueExtent("bar", [[95, 99]], 2, false)).toEqual([0, 99]);
    expect(valueExtent("line", [[null]], 1, true)).toEqual([0, 1]);
  });
});

describe("colours", () => {
  it("every palette colour reaches 3:1 against white (WCAG 1.4.11)", () => {
    for (const c of PALETTE) expect(contrastOnWhite(c)).toBeGreaterThanOrEqual(3);
  });

  it("keeps a legible pack colour and replaces a pale or malformed one", () => {
    expect(contrastOnWhite("#000")).toBeCloseTo(21, 5);
    expect(seriesColor("#A50E0E", 0)).toBe("#a50e0e");
    expect(seriesColor("#f6c343", 1)).toBe(PALETTE[1]); // the yellow accent is ~1.7:1
    expect(seriesColor("red; stroke: url(x)", 2)).toBe(PALETTE[2]);
    expect(seriesColor(undefined, PALETTE.length)).toBe(PALETTE[0]);
  });
});

describe("dateFormatters", () => {
  it("shows calendar days as written, whatever the time zone", () => {
    const f = dateFormatters(["2021-08-01", "2021-08-31"], "en", "Pacific/Honolulu");
    expect(f.hasTime).toBe(false);
    expect(f.full(0)).toBe("Aug 1, 2021");
    expect(f.short(1)).toBe("8/31");
  });

  it("adds the year to axis labels only when the dates span years", () => {
    expect(dateFormatters(["2021-12-31", "2022-01-01"], "en", "UTC").short(1)).toBe("1/1/22");
  });

  it("shows slot times in the province's time zone", () => {
    const f = dateFormatters(["2021-08-01T01:00:00Z", "2021-08-01T05:00:00Z"], "vi", "Asia/Ho_Chi_Minh");
    expect(f.hasTime).toBe(true);
    expect(f.short(0)).toBe("08:00");
    expect(f.full(1)).toContain("12:00");
  });

  it("passes anything else through as written (no guessing, no server-local time)", () => {
    expect(dateFormatters(["tuần 32"], "vi", "UTC").full(0)).toBe("tuần 32");
    expect(dateFormatters(["2021-08-01T08:00"], "vi", "UTC").full(0)).toBe("2021-08-01T08:00");
  });
});
