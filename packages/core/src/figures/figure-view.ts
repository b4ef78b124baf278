// Which figures a statistics or charts page shows (issue 10): a date range in the province's own days
// (from the first day to the last, both included; by default the last FIGURE_DAYS days) and a locality
// (the whole province, or one unit and the units under it). From the page's GET form (?from=&to=&unit=),
// checked here: a bad date, a reversed or too long range and an unknown locality are named by field.
import { calendarDateSchema } from "@cong/config";
import { addDays, endOfLocalDay, localDateOf, startOfLocalDay } from "@cong/schedule";
import { z } from "zod";
import type { UnitRow } from "../units/answered-units.ts";

export const FIGURE_DAYS = 30;
/** The longest range a page draws: a year, as the figures API allows. */
export const FIGURE_VIEW_MAX_DAYS = 366;

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const figureViewSchema = z.object({
  from: z.preprocess(blank, calendarDateSchema("figures.view.dateInvalid").optional()),
  to: z.preprocess(blank, calendarDateSchema("figures.view.dateInvalid").optional()),
  unit: z.preprocess(blank, z.string().trim().max(20, "figures.view.unknownUnit").optional()),
});

export type FigureViewInput = { from?: string; to?: string; unit?: string };
export type FigureView = {
  /** The first and last day shown (local dates, both included). */
  fromDay: string;
  toDay: string;
  /** The instants they span: [from, to). */
  from: Date;
  to: Date;
  /** The locality chosen, or null for the whole province. */
  unit: { code: string; name: string } | null;
};
export type FigureViewResult = { ok: true; view: FigureView; input: FigureViewInput } | { ok: false; errors: Record<string, string[]>; input: FigureViewInput; view: FigureView };

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The view the page's address asks for; when it is refused, the default view to show beside the errors. */
export function parseFigureView(params: URLSearchParams, o: { timeZone: string; units: UnitRow[]; now?: Date }): FigureViewResult {
  const input: FigureViewInput = {};
  for (const key of ["from", "to", "unit"] as const) {
    const value = params.get(key);
    if (value !== null) input[key] = value;
  }
  const today = localDateOf(o.now ?? new Date(), o.timeZone);
  const fallback = viewOf(addDays(today, -(FIGURE_DAYS - 1)), today, null, o.timeZone);
  const errors: Record<string, string[]> = {};
  const add = (field: string, reason: string) => void (errors[field] ??= []).push(reason);
  const parsed = figureViewSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(String(issue.path[0] ?? "from"), issue.message.startsWith("figures.") ? issue.message : "figures.view.dateInvalid");
    return { ok: false, errors, input, view: fallback };
  }
  const toDay = parsed.data.to ?? today;
  const fromDay = parsed.data.from ?? addDays(toDay, -(FIGURE_DAYS - 1));
  if (toDay < fromDay) add("to", "figures.view.rangeReversed");
  else if (daysBetween(fromDay, toDay) + 1 > FIGURE_VIEW_MAX_DAYS) add("to", "figures.view.rangeTooLong");
  const unitCode = parsed.data.unit ?? null;
  const unit = unitCode === null ? null : o.units.find((u) => u.code === unitCode);
  if (unit === undefined) add("unit", "figures.view.unknownUnit");
  if (Object.keys(errors).length > 0) return { ok: false, errors, input, view: fallback };
  return { ok: true, input, view: viewOf(fromDay, toDay, unit ? { code: unit.code, name: unit.name } : null, o.timeZone) };
}

function viewOf(fromDay: string, toDay: string, unit: FigureView["unit"], timeZone: string): FigureView {
  return { fromDay, toDay, from: startOfLocalDay(fromDay, timeZone), to: endOfLocalDay(toDay, timeZone), unit };
}
