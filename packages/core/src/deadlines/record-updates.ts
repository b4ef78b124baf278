// Updates that are not a published item: an agency records that it entered its figures (case data, the
// map, charts) for a section, and the lead unit records the events that start clocks (a question asked
// by phone, an incident, a request). Both feed the deadline engine.
import { EDITING_DUTIES } from "@cong/authz";
import { subject, type AppAbility } from "@cong/authz";
import { calendarDateTimeSchema, EVENT_KINDS } from "@cong/config";
import type { Tx } from "@cong/db";
import { z } from "zod";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import { invalid, parseWith, type Checked, type Lang } from "../validation.ts";

/** An editor of an agency with an editing duty on the section records a data update now. */
export async function recordDataUpdate({
  tx,
  tenantId,
  ability,
  actor,
  agencyIds,
  sectionId,
  note,
  now,
}: {
  tx: Tx;
  tenantId: string;
  ability: AppAbility;
  actor: AuditActor;
  agencyIds: string[];
  sectionId: string;
  note?: string;
  now?: Date;
}): Promise<Checked<{ id: string }> | { ok: false; forbidden: true }> {
  if (!ability.can("edit", subject("Section", { tenantId, id: sectionId }))) return { ok: false, forbidden: true };
  const at = now ?? new Date();
  const duty = await tx.duty.findFirst({ where: { tenantId, sectionId, agencyId: { in: agencyIds }, role: { in: [...EDITING_DUTIES] } }, orderBy: { position: "asc" } });
  if (!duty) return invalid("form", "errors.noDutyHere");
  const event = await tx.updateEvent.create({ data: { tenantId, sectionId, agencyId: duty.agencyId, kind: "data-entry", at }, select: { id: true } });
  await recordAudit(tx, { tenantId, actor, action: "update.data-entry", subject: "Section", subjectId: sectionId, after: { agencyId: duty.agencyId, at: at.toISOString(), note: note?.slice(0, 500) } });
  return { ok: true, value: event };
}

export const clockEventSchema = z.object({
  kind: z.enum(EVENT_KINDS, "errors.invalidValue"),
  at: calendarDateTimeSchema("errors.dateInvalid"),
  section: z.string().trim().min(1, "errors.required"),
  agency: z.string().trim().optional().transform((s) => s || undefined),
  note: z.string().trim().max(500, "errors.tooLong").optional(),
});

/** The lead unit records an event that starts a clock for the duties of a section (and one agency). */
export async function recordClockEvent({
  tx,
  tenantId,
  actor,
  input,
  utcOffset,
  lang,
  now,
}: {
  tx: Tx;
  tenantId: string;
  actor: AuditActor;
  input: unknown;
  utcOffset?: string;
  lang?: Lang;
  now?: Date;
}): Promise<Checked<{ id: string }>> {
  const parsed = parseWith(clockEventSchema, input, lang);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const at = new Date(/[zZ]|[+-]\d{2}:\d{2}$/.test(v.at) ? v.at : `${v.at}${utcOffset ?? "+07:00"}`);
  if (at.getTime() > (now ?? new Date()).getTime() + 60_000) return invalid("at", "errors.eventInFuture");
  const section = await tx.section.findFirst({ where: { tenantId, slug: v.section } });
  const agency = v.agency ? await tx.agency.findFirst({ where: { tenantId, key: v.agency } }) : null;
  if (!section) return invalid("section", "errors.sectionNotFound");
  if (v.agency && !agency) return invalid("agency", "errors.agencyUnknown");
  const event = await tx.clockEvent.create({ data: { tenantId, kind: v.kind, at, sectionId: section.id, agencyId: agency?.id ?? null, note: v.note ?? null }, select: { id: true } });
  await recordAudit(tx, { tenantId, actor, action: "clock-event.record", subject: "ClockEvent", subjectId: event.id, after: { kind: v.kind, at: at.toISOString(), section: v.section, agency: v.agency } });
  return { ok: true, value: event };
}
