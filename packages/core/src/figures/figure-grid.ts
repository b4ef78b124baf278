// The entry form's grid for one slot (issue 10): the series this person enters (in one section, or all),
// the rows they answer for (units of each series' level, the province's own row where it is entered),
// and the values already there, so a correction starts from what was entered.
import { subject, type AppAbility } from "@cong/authz";
import type { Tx } from "@cong/db";
import { isCalendarDate } from "@cong/config";
import { localDateOf, toLocal, toUtc } from "@cong/schedule";
import { entryRows, listFigureSeries, loadUnits, type EntryScope, type SeriesInfo } from "./series.ts";

export type GridRow = { code: string; name: string; province: boolean };
export type FigureGrid = {
  series: (SeriesInfo & { rows: string[] })[];
  rows: GridRow[];
  provinceName: string;
  /** The times of day the shown series have, in order; the slot shown (asked for, or the latest passed). */
  times: string[];
  date: string;
  time: string;
  /** Values already entered for the slot, by "series|unit". */
  values: Record<string, string>;
};

/** date and time: the slot asked for; when missing or malformed, today's (in the province's zone) latest time passed. */
export async function getFigureGrid(o: { tx: Tx; tenantId: string; ability: AppAbility; who: EntryScope; timeZone: string; date?: string; time?: string; sectionId?: string; now?: Date }): Promise<FigureGrid> {
  const { tx, tenantId } = o;
  const all = await listFigureSeries({ tx, tenantId, sectionId: o.sectionId });
  const units = await loadUnits({ tx, tenantId });
  const series = all
    .filter((s) => o.ability.can("enter", subject("Figure", { tenantId, seriesId: s.id })))
    .map((s) => ({ ...s, rows: entryRows(s, units, o.who).map((r) => r.code) }))
    .filter((s) => s.rows.length > 0);
  const rows = new Map<string, GridRow>();
  for (const s of series) for (const r of entryRows(s, units, o.who)) rows.set(r.code, { ...r, name: r.province ? units.provinceName : r.name });
  const times = [...new Set(series.flatMap((s) => s.times))].sort();
  const now = o.now ?? new Date();
  const date = o.date && isCalendarDate(o.date) ? o.date : localDateOf(now, o.timeZone);
  const clock = toLocal(now, o.timeZone).time;
  const time = o.time && times.includes(o.time) ? o.time : ([...times].reverse().find((t) => t <= clock) ?? times[0] ?? "00:00");
  const values: Record<string, string> = {};
  if (series.length > 0) {
    const slot = toUtc(date, time, o.timeZone);
    const figures = await tx.figure.findMany({ where: { tenantId, slot, seriesId: { in: series.map((s) => s.id) } }, select: { seriesId: true, unitCode: true, value: true } });
    const keyOf = new Map(series.map((s) => [s.id, s.key]));
    for (const f of figures) values[`${keyOf.get(f.seriesId)}|${f.unitCode}`] = f.value.toString();
  }
  // Provinces first, then units in code order.
  const ordered = [...rows.values()].sort((a, b) => (a.province === b.province ? a.code.localeCompare(b.code) : a.province ? -1 : 1));
  return { series, rows: ordered, provinceName: units.provinceName, times, date, time, values };
}
