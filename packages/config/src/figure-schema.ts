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
