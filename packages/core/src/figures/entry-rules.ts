// The rules every entered figure obeys, whichever door it came through (the grid or an imported file):
// a whole number (an epidemic level 1–4), a series this person enters (CASL), a unit their agency
// answers for, a time of day the series has, a slot no more than a day ahead. One place, so the grid
// and an import can never disagree about what is a good figure.
import { subject, type AppAbility } from "@cong/authz";
import type { Tx } from "@cong/db";
import { entryRows, listFigureSeries, loadUnits, type EntryScope, type SeriesInfo, type Units } from "./series.ts";

export const MAX_FIGURE = 999_999_999_999;
// How far ahead of its time a slot's figures may be entered (a 06:00 figure at 05:50 is on time).
export const EARLY_MS = 24 * 3_600_000;

/** "1.234", "1 234" and "1,234" are 1234 (Vietnamese groups thousands with dots); null when not a count. */
export function parseCount(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,3}([ .,]\d{3})*$|^\d{1,12}$/.test(t)) return null;
  const n = Number(t.replace(/[ .,]/g, ""));
  return Number.isSafeInteger(n) && n <= MAX_FIGURE ? n : null;
}

/** A figure's value as typed (text) or as a spreadsheet holds it (a number): the value, or why not. */
export function checkValue(series: Pick<SeriesInfo, "measure"> | null, raw: string | number): { value: number } | { problem: string } {
  const value = typeof raw === "number" ? (Number.isSafeInteger(raw) && raw >= 0 && raw <= MAX_FIGURE ? raw : null) : parseCount(raw);
  if (value === null) return { problem: "errors.figureNotCount" };
  if (series?.measure === "level" && (value < 1 || value > 4)) return { problem: "errors.figureLevelRange" };
  return { value };
}

export const tooEarly = (slot: Date, now: Date) => slot.getTime() > now.getTime() + EARLY_MS;

export type EntryRules = {
  series: Map<string, SeriesInfo>;
  units: Units;
  /** CASL: may this person enter figures of the series at all? */
  canEnter(series: SeriesInfo): boolean;
  /** The rows (unit codes, the province's own code) this person may enter for the series. */
  allowed(series: SeriesInfo): Set<string>;
  /** The rows the series has for anyone (its level's units, the province's row where entered). */
  rowsOf(series: SeriesInfo): Set<string>;
  /** The agency an entry of the series is made for (the first of this person's that enters it). */
  agencyOf(series: SeriesInfo): string | null;
};

export async function loadEntryRules({ tx, tenantId, ability, who }: { tx: Tx; tenantId: string; ability: AppAbility; who: EntryScope }): Promise<EntryRules> {
  const series = new Map((await listFigureSeries({ tx, tenantId })).map((s) => [s.key, s]));
  const units = await loadUnits({ tx, tenantId });
  const memo = <T>(make: (s: SeriesInfo) => T) => {
    const seen = new Map<string, T>();
    return (s: SeriesInfo) => {
      if (!seen.has(s.id)) seen.set(s.id, make(s));
      return seen.get(s.id)!;
    };
  };
  const everyone: EntryScope = { everyUnit: true, agencies: [] };
  return {
    series,
    units,
    canEnter: memo((s) => ability.can("enter", subject("Figure", { tenantId, seriesId: s.id }))),
    allowed: memo((s) => new Set(entryRows(s, units, who).map((r) => r.code))),
    rowsOf: memo((s) => new Set(entryRows(s, units, everyone).map((r) => r.code))),
    agencyOf: memo((s) => who.agencies.find((a) => s.agencyIds.includes(a.id))?.id ?? null),
  };
}
