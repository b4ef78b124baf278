// An agency's editor enters figures for one time slot (issue 10): a grid of units × series, from the form
// or an imported file. Every cell is checked first — a number (or an epidemic level 1–4), a series this
// person enters, a unit their agency answers for, a time the series has — and any refusal changes
// nothing. A changed figure keeps its history (who, when, old, new); an entry is an update of the
// series' section for the deadline engine, at the moment it was entered.
import { subject, type AppAbility } from "@cong/authz";
import { calendarDateSchema } from "@cong/config";
import type { Tx } from "@cong/db";
import { toUtc } from "@cong/schedule";
import { z } from "zod";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import { parseWith, type Checked, type FieldErrors, type Lang } from "../validation.ts";
import { entryRows, listFigureSeries, loadUnits, type EntryScope, type SeriesInfo } from "./series.ts";

/** A figure's form field: v.<series>.<unit>. */
export const cellField = (series: string, unit: string) => `v.${series}.${unit}`;

export const MAX_FIGURE = 999_999_999_999;
// How far ahead of its time a slot's figures may be entered (a 06:00 figure at 05:50 is on time).
const EARLY_MS = 24 * 3_600_000;

const slotSchema = z.object({
  date: calendarDateSchema("errors.dateInvalid"),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "errors.timeInvalid"),
});

export type FigureCell = { series: string; unit: string; value: string };
export type EnterFiguresResult = Checked<{ slot: Date; changed: number; unchanged: number }> | { ok: false; forbidden: true };

/** "1.234", "1 234" and "1,234" are 1234 (Vietnamese groups thousands with dots); null when not a count. */
export function parseCount(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,3}([ .,]\d{3})*$|^\d{1,12}$/.test(t)) return null;
  const n = Number(t.replace(/[ .,]/g, ""));
  return Number.isSafeInteger(n) && n <= MAX_FIGURE ? n : null;
}

export async function enterFigures(o: {
  tx: Tx;
  tenantId: string;
  ability: AppAbility;
  actor: AuditActor;
  who: EntryScope;
  timeZone: string;
  input: { date: unknown; time: unknown; cells: FigureCell[] };
  lang?: Lang;
  now?: Date;
}): Promise<EnterFiguresResult> {
  const { tx, tenantId } = o;
  const now = o.now ?? new Date();
  const parsed = parseWith(slotSchema, { date: o.input.date, time: o.input.time }, o.lang);
  if (!parsed.ok) return parsed;
  const { date, time } = parsed.value;
  const slot = toUtc(date, time, o.timeZone);
  const errors: FieldErrors = {};
  if (slot.getTime() > now.getTime() + EARLY_MS) errors.date = ["errors.figureInFuture"];

  const series = new Map((await listFigureSeries({ tx, tenantId })).map((s) => [s.key, s]));
  const units = await loadUnits({ tx, tenantId });
  const rowsOf = new Map<string, Set<string>>();
  const allowedRows = (s: SeriesInfo) => {
    let rows = rowsOf.get(s.key);
    if (!rows) rowsOf.set(s.key, (rows = new Set(entryRows(s, units, o.who).map((r) => r.code))));
    return rows;
  };

  const cells: { series: SeriesInfo; unit: string; value: number }[] = [];
  let forbidden = false;
  for (const cell of o.input.cells) {
    if (cell.value.trim() === "") continue;
    const field = cellField(cell.series, cell.unit);
    const s = series.get(cell.series);
    if (!s) {
      addError(errors, field, "errors.figureSeriesUnknown");
      continue;
    }
    // A series this person does not enter, or a unit their agency does not answer for, is a 403.
    if (!o.ability.can("enter", subject("Figure", { tenantId, seriesId: s.id })) || !allowedRows(s).has(cell.unit)) {
      forbidden = true;
      continue;
    }
    if (!s.times.includes(time)) addError(errors, "time", "errors.figureTimeNotInSeries");
    const value = parseCount(cell.value);
    if (value === null) addError(errors, field, "errors.figureNotCount");
    else if (s.measure === "level" && (value < 1 || value > 4)) addError(errors, field, "errors.figureLevelRange");
    else cells.push({ series: s, unit: cell.unit, value });
  }
  if (forbidden) return { ok: false, forbidden: true };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (cells.length === 0) return { ok: false, errors: { form: ["errors.figuresEmpty"] } };

  let changed = 0;
  const agencyId = (s: SeriesInfo) => o.who.agencies.find((a) => s.agencyIds.includes(a.id))?.id ?? null;
  const existing = await tx.figure.findMany({
    where: { tenantId, slot, seriesId: { in: [...new Set(cells.map((c) => c.series.id))] }, unitCode: { in: [...new Set(cells.map((c) => c.unit))] } },
    select: { id: true, seriesId: true, unitCode: true, value: true },
  });
  const byKey = new Map(existing.map((f) => [`${f.seriesId}|${f.unitCode}`, f]));
  for (const c of cells) {
    const had = byKey.get(`${c.series.id}|${c.unit}`);
    if (had && had.value === BigInt(c.value)) continue;
    changed++;
    const data = { value: BigInt(c.value), agencyId: agencyId(c.series), enteredBy: o.actor.id, enteredAt: now };
    const figureId = had
      ? (await tx.figure.update({ where: { id: had.id }, data: { ...data, version: { increment: 1 } }, select: { id: true } })).id
      : (await tx.figure.create({ data: { tenantId, seriesId: c.series.id, unitCode: c.unit, slot, ...data }, select: { id: true } })).id;
    await tx.figureRevision.create({ data: { tenantId, figureId, at: now, actorId: o.actor.id, actorEmail: o.actor.email, oldValue: had?.value ?? null, newValue: BigInt(c.value) }, select: { id: true } });
  }

  // Each agency's entry is an update of the section it answers for, now (the deadline engine's input).
  const updates = new Map<string, { agencyId: string; sectionId: string }>();
  for (const c of cells) {
    const a = agencyId(c.series);
    if (a) updates.set(`${a}|${c.series.sectionId}`, { agencyId: a, sectionId: c.series.sectionId });
  }
  for (const u of updates.values()) await tx.updateEvent.create({ data: { tenantId, sectionId: u.sectionId, agencyId: u.agencyId, kind: "data-entry", at: now }, select: { id: true } });
  await recordAudit(tx, {
    tenantId,
    actor: o.actor,
    action: "figures.enter",
    subject: "Figure",
    after: { slot: slot.toISOString(), series: [...new Set(cells.map((c) => c.series.key))], cells: cells.length, changed },
  });
  return { ok: true, value: { slot, changed, unchanged: cells.length - changed } };
}

function addError(errors: FieldErrors, field: string, message: string): void {
  const list = (errors[field] ??= []);
  if (!list.includes(message)) list.push(message);
}
