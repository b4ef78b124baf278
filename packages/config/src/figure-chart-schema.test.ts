// A pack's charts of several series (issue 10): each names series of its own statistics or charts
// section, and a running total only of a series that keeps one.
import { describe, expect, it } from "vitest";
import { chartProblems, figureChartSchema } from "./figure-schema.ts";

const series = new Map([
  ["tiem-mui-1", { measure: "count" as const, section: "bieu-do", cumulative: true }],
  ["tiem-mui-2", { measure: "count" as const, section: "bieu-do", cumulative: false }],
  ["cap-do-dich", { measure: "level" as const, section: "cap-do", cumulative: false }],
]);
const kinds: Record<string, string> = { "bieu-do": "charts", "cap-do": "statistics", "tin-tuc": "news" };
const chart = (over: object) => figureChartSchema.parse({ key: "tiem-chung", names: { vi: "Tiêm chủng" }, section: "bieu-do", series: ["tiem-mui-1", "tiem-mui-2"], ...over });
const problems = (charts: object[]) => chartProblems(charts.map(chart), series, (slug) => kinds[slug]).map(([path, message]) => `${path.join(".")}: ${message}`);

describe("charts of several series", () => {
  it("takes series of its own section, drawn per slot", () => {
    expect(problems([{}])).toEqual([]);
    expect(chart({}).kind).toBe("line");
  });

  it("names each bad reference at its path", () => {
    expect(problems([{ series: ["tiem-mui-1", "mui-3"] }])).toEqual(['charts.0.series.1: unknown series "mui-3"']);
    expect(problems([{ series: ["cap-do-dich"] }])).toEqual(['charts.0.series.0: series "cap-do-dich" is shown in section "cap-do": a chart draws the series of its own section']);
    expect(problems([{ section: "tin-tuc" }])[0]).toBe('charts.0.section: section "tin-tuc" is a news section: charts go in a statistics or charts section');
    expect(problems([{ section: "khong-co" }])[0]).toBe('charts.0.section: unknown section "khong-co"');
    expect(problems([{ cumulative: true }])).toEqual(['charts.0.series.1: series "tiem-mui-2" keeps no running total: give it cumulative: true']);
    expect(problems([{}, {}])).toEqual(['charts.1.key: duplicate key "tiem-chung"']);
    expect(problems([{ series: ["tiem-mui-1", "tiem-mui-1"] }])).toEqual(['charts.0.series.1: series "tiem-mui-1" is listed twice']);
  });

  it("refuses an empty or unknown kind of chart", () => {
    expect(figureChartSchema.safeParse({ key: "x", names: { vi: "X" }, section: "bieu-do", series: [] }).success).toBe(false);
    expect(figureChartSchema.safeParse({ key: "x", names: { vi: "X" }, section: "bieu-do", series: ["a"], kind: "pie" }).success).toBe(false);
  });
});
