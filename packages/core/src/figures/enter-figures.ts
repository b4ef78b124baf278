// An agency's editor enters figures for one time slot (issue 10): a grid of units × series, from the form
// or an imported file. Every cell is checked first — a number (or an epidemic level 1–4), a series this
// person enters, a unit their agency answers for, a time the series has — and any refusal changes
// nothing. A changed figure keeps its history (who, when, old, new); an entry is an update of the
// series' section for the deadline engine, at the moment it was entered.
import type { AppAbility } from "@cong/authz";
import { calendarDateSchema } from "@cong/config";
import type { Tx } from "@cong/db";
import { toUtc } from "@cong/schedule";
import { z } from "zod";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import { parseWith, type Checked, type FieldErrors, type Lang } from "../validation.ts";
import { checkValue, loadEntryRules, tooEarly } from "./entry-rules.ts";
import { saveFigures, type CheckedFigure } from "./save-figures.ts";
import type { EntryScope } from "./series.ts";

export { MAX_FIGURE, parseCount } from "./entry-rules.ts";

/** A figure's form field: v.<series>.<unit>. */
export const cellField = (series: string, unit: string) => `v.${series}.${unit}`;

const slotSchema = z.object({
  date: calendarDateSchema("errors.dateInvalid"),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "errors.timeInvalid"),
});

export type FigureCell = { series: string; unit: string; value: string };
export type EnterFiguresResult = Checked<{ slot: Date; changed: number; unchanged: number }> | { ok: false; forbidden: true };

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
  if (tooEarly(slot, now)) errors.date = ["errors.figureInFuture"];

  const rules = await loadEntryRules({ tx, tenantId, ability: o.ability, who: o.who });
  // By series and unit: a cell posted twice counts once (its last value), as a browser would send it.
  const byCell = new Map<string, CheckedFigure>();
  let forbidden = false;
  for (const cell of o.input.cells) {
    if (cell.value.trim() === "") continue;
    const field = cellField(cell.series, cell.unit);
    const s = rules.series.get(cell.series);
    if (!s) {
      addError(errors, field, "errors.figureSeriesUnknown");
      continue;
    }
    // A series this person does not enter, or a unit their agency does not answer for, is a 403.
    if (!rules.canEnter(s) || !rules.allowed(s).has(cell.unit)) {
      forbidden = true;
      continue;
    }
    if (!s.times.includes(time)) addError(errors, "time", "errors.figureTimeNotInSeries");
    const checked = checkValue(s, cell.value);
    if ("problem" in checked) addError(errors, field, checked.problem);
    else byCell.set(`${s.key}|${cell.unit}`, { series: s, unit: cell.unit, slot, value: checked.value, agencyId: rules.agencyOf(s) });
  }
  const figures = [...byCell.values()];
  if (forbidden) return { ok: false, forbidden: true };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (figures.length === 0) return { ok: false, errors: { form: ["errors.figuresEmpty"] } };

  const { changed } = await saveFigures({ tx, tenantId, actor: o.actor, now, figures });
  await recordAudit(tx, {
    tenantId,
    actor: o.actor,
    action: "figures.enter",
    subject: "Figure",
    after: { slot: slot.toISOString(), series: [...new Set(figures.map((c) => c.series.key))], cells: figures.length, changed },
  });
  return { ok: true, value: { slot, changed, unchanged: figures.length - changed } };
}

function addError(errors: FieldErrors, field: string, message: string): void {
  const list = (errors[field] ??= []);
  if (!list.includes(message)) list.push(message);
}
