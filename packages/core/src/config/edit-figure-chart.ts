// The chart form as an edit of the pack (issue 10): a chart of several series drawn together (Quảng Ninh's
// vaccination doses side by side; its PC-Covid installs, QR scans, people in and out): names and
// description per offered language, the section that shows it, the series in the order the chart lists
// them (up to six, each one of that section's), how it is drawn (lines, bars, stacked bars), running
// totals, order. A chart's key never changes once made (its page anchor and the audit name it). The
// whole pack is then checked by the same schema as a pack file (chartProblems: a series of another
// section, a series without running totals under `cumulative`, one listed twice), so a refused form
// names the slot at fault.
import type { TenantPack } from "@cong/config";
import { translate } from "@cong/i18n";
import type { Lang } from "../validation.ts";
import { bool, compact, localizedInput, num, optionalLocalizedInput, optStr, str, type FormInput } from "./form-input.ts";
import type { PackEdit } from "./save-tenant-config.ts";

type Chart = NonNullable<TenantPack["charts"]>[number];

/** The series slots as posted (series[0]…series[5]), blanks dropped, the rest in their order: what is saved and what the form shows again. */
export function chartSeriesInput(v: unknown): string[] {
  const values = Array.isArray(v) ? v : v !== undefined && v !== null && typeof v === "object" ? Object.values(v) : v === undefined ? [] : [v];
  return values.map((x) => (typeof x === "string" ? x.trim() : "")).filter((x) => x !== "");
}

/** `key` null adds a chart (the form posts its key); otherwise changes that chart. */
export function editFigureChart(current: TenantPack, key: string | null, input: FormInput, lang: Lang = "vi"): PackEdit {
  const offered = current.locales.offered;
  const charts: Chart[] = [...(current.charts ?? [])];
  const index = key === null ? charts.length : charts.findIndex((c) => c.key === key);
  const existing = key === null ? undefined : charts[index];
  if (key !== null && !existing) return { pack: current, refused: { form: [translate(lang, "config.problems.chartGone", { key })] } };
  const series = chartSeriesInput(input.series);
  const chart = compact({
    key: existing ? existing.key : str(input.key),
    names: localizedInput(input.names, offered, existing?.names),
    description: "description" in input ? optionalLocalizedInput(input.description, offered, existing?.description) : existing?.description,
    section: str(input.section),
    series,
    kind: optStr(input.kind),
    cumulative: bool(input.cumulative),
    order: num(input.order),
  });
  const next: unknown[] = [...charts];
  next[index] = chart;
  // The form shows the series without its blanks, so a problem at series[1] lands on the second slot:
  // each slot is its own field (a list of one value per slot; a plain list would be one field, as a group
  // of checkboxes is), and a chart with no series at all is refused on the first.
  const slots = (series.length > 0 ? series : [""]).map((k) => [k]);
  return { pack: { ...current, charts: next }, posted: { ...input, series: slots }, fields: [[`charts[${index}]`, ""]] };
}

/** Takes a chart off the pack; its series stay, each again drawn on its own chart. */
export function removeFigureChart(current: TenantPack, key: string, lang: Lang = "vi"): PackEdit {
  const charts = current.charts ?? [];
  if (!charts.some((c) => c.key === key)) return { pack: current, refused: { form: [translate(lang, "config.problems.chartGone", { key })] } };
  return { pack: { ...current, charts: charts.filter((c) => c.key !== key) }, fields: [] };
}
