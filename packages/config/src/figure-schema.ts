// A pack's series of figures (issue 10, docs/decisions/0012): what is counted, where and when, by whom.
import { z } from "zod";
import { localTimeSchema } from "./deadline-schema.ts";
import { localizedSchema, slugSchema, sourceSchema } from "./pack-basics.ts";

export const FIGURE_MEASURES = ["count", "level"] as const;

/**
 * A series whose figures come from another system (issue 10, e.g. the Ministry of Health's epidemic
 * levels): a CSV (the import template's columns) or JSON (an array of {date, time, unit, value}) file at
 * a URL, pulled every few minutes by the platform; a pull with any bad row changes nothing.
 */
export const figureFeedSchema = z
  .object({
    url: z
      .string()
      .url()
      .max(2000)
      .refine((u) => /^https?:\/\//i.test(u), "an http or https address"),
    format: z.enum(["csv", "json"]).default("csv"),
    every: z.number().int().min(5).max(1440).default(60).describe("minutes between two pulls"),
  })
  .strict();
export type FigureFeed = z.output<typeof figureFeedSchema>;

/**
 * A series of figures (issue 10): what is counted, at which admin level it is entered, by which agencies,
 * at which times of the day, and in which statistics or charts section it is published (whose duties its
 * entries fulfil). The province's figure is the sum of its units' or entered directly.
 */
export const figureSeriesSchema = z
  .object({
    key: slugSchema,
    names: localizedSchema,
    description: localizedSchema.optional(),
    section: slugSchema.describe("the statistics or charts section that shows it; entering it is an update of that section"),
    measure: z.enum(FIGURE_MEASURES).default("count").describe("count: a whole number of people, doses, scans…; level: the epidemic level 1–4"),
    level: slugSchema.optional().describe("the admin level whose units enter it; omitted: the province only"),
    province: z.enum(["sum", "entered"]).default("sum").describe("the province's figure: the sum of its units', or entered directly"),
    times: z.array(localTimeSchema).min(1).max(24).default(["00:00"]).describe("the local times of the day a figure stands for (00:00: one a day)"),
    cumulative: z.boolean().default(false).describe("also show the running total since the first figure"),
    agencies: z.array(slugSchema).min(1).describe("the agencies that enter it; one tied to an admin unit enters that unit's figures and its sub-units' only"),
    order: z.number().int().min(0).default(0),
    enabled: z.boolean().default(true),
    source: sourceSchema.optional(),
    feed: figureFeedSchema.optional().describe("pulled from another system's file on a schedule, as well as entered by its agencies"),
  })
  .strict();

export type FigureMeasure = (typeof FIGURE_MEASURES)[number];

export const FIGURE_CHART_KINDS = ["line", "bar", "stacked-bar"] as const;
/** How many series one chart may draw (the admin form offers as many slots). */
export const FIGURE_CHART_MAX_SERIES = 6;

/**
 * A chart of several series together (issue 10: Quảng Ninh's vaccination results, dose 1 and dose 2 side
 * by side; its PC-Covid installs, QR scans and people in and out): shown on its section's page before the
 * series' own figures, which then skip their own chart. `cumulative` draws the running totals.
 */
export const figureChartSchema = z
  .object({
    key: slugSchema,
    names: localizedSchema,
    description: localizedSchema.optional(),
    section: slugSchema.describe("the statistics or charts section that shows it"),
    series: z.array(slugSchema).min(1).max(FIGURE_CHART_MAX_SERIES).describe("the series drawn, by key (each a series of figures:)"),
    kind: z.enum(FIGURE_CHART_KINDS).default("line"),
    cumulative: z.boolean().default(false).describe("draw each series' running total since its first figure"),
    order: z.number().int().min(0).default(0),
  })
  .strict();
export type FigureChartConfig = z.output<typeof figureChartSchema>;

/** A pack's charts against its series and sections: each problem at the path of the bad value. */
export function chartProblems(
  charts: readonly FigureChartConfig[],
  series: ReadonlyMap<string, { measure: FigureMeasure; section: string; cumulative: boolean }>,
  sectionKind: (slug: string) => string | undefined,
): [(string | number)[], string][] {
  const out: [(string | number)[], string][] = [];
  const keys = new Set<string>();
  charts.forEach((c, i) => {
    if (keys.has(c.key)) out.push([["charts", i, "key"], `duplicate key "${c.key}"`]);
    keys.add(c.key);
    const kind = sectionKind(c.section);
    if (kind === undefined) out.push([["charts", i, "section"], `unknown section "${c.section}"`]);
    else if (kind !== "statistics" && kind !== "charts") out.push([["charts", i, "section"], `section "${c.section}" is a ${kind} section: charts go in a statistics or charts section`]);
    const seen = new Set<string>();
    c.series.forEach((k, j) => {
      const s = series.get(k);
      if (!s) out.push([["charts", i, "series", j], `unknown series "${k}"`]);
      // A series whose own section is wrong is named there; the chart adds nothing.
      else if (s.section !== c.section && ["statistics", "charts"].includes(sectionKind(s.section) ?? "")) out.push([["charts", i, "series", j], `series "${k}" is shown in section "${s.section}": a chart draws the series of its own section`]);
      else if (c.cumulative && !s.cumulative) out.push([["charts", i, "series", j], `series "${k}" keeps no running total: give it cumulative: true`]);
      if (seen.has(k)) out.push([["charts", i, "series", j], `series "${k}" is listed twice`]);
      seen.add(k);
    });
  });
  return out;
}
