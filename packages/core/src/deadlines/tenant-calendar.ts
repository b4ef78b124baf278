// A province's working-day calendar: the national one (@cong/schedule) plus the province's own days off
// and swapped working days, which its admins keep in the admin UI.
import { calendarDateSchema } from "@cong/config";
import type { Tx } from "@cong/db";
import { isUuid } from "@cong/db";
import { createWorkingCalendar, type WorkingCalendar } from "@cong/schedule";
import { z } from "zod";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import { invalid, parseWith, type Checked, type Lang } from "../validation.ts";

export async function loadCalendar(tx: Tx, tenantId: string): Promise<WorkingCalendar> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true } });
  const days = await tx.tenantDay.findMany({ where: { tenantId }, orderBy: { date: "asc" } });
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const named = (name: string | null) => (name ? { name } : {});
  return createWorkingCalendar({
    timeZone: tenant.timeZone,
    daysOff: days.filter((d) => d.kind === "day-off").map((d) => ({ date: iso(d.date), ...named(d.name) })),
    workingDays: days.filter((d) => d.kind === "working-day").map((d) => ({ date: iso(d.date), ...named(d.name) })),
  });
}

export type TenantDayRow = { id: string; date: string; kind: string; name: string | null };

export async function listTenantDays({ tx, tenantId }: { tx: Tx; tenantId: string }): Promise<TenantDayRow[]> {
  const rows = await tx.tenantDay.findMany({ where: { tenantId }, orderBy: { date: "asc" } });
  return rows.map((r) => ({ id: r.id, date: r.date.toISOString().slice(0, 10), kind: r.kind, name: r.name }));
}

export const tenantDaySchema = z.object({
  date: calendarDateSchema("errors.dateInvalid"),
  kind: z.enum(["day-off", "working-day"], "errors.invalidValue"),
  name: z.string().trim().max(120, "errors.tooLong").optional().transform((s) => (s ? s.normalize("NFC") : undefined)),
});

export async function addTenantDay({ tx, tenantId, input, actor, lang }: { tx: Tx; tenantId: string; input: unknown; actor: AuditActor; lang?: Lang }): Promise<Checked<TenantDayRow>> {
  const parsed = parseWith(tenantDaySchema, input, lang);
  if (!parsed.ok) return parsed;
  const { date, kind, name } = parsed.value;
  const day = new Date(`${date}T00:00:00Z`);
  if (await tx.tenantDay.findFirst({ where: { tenantId, date: day } })) return invalid("date", "errors.dayTaken");
  const row = await tx.tenantDay.create({ data: { tenantId, date: day, kind, name: name ?? null, createdBy: actor.id } });
  await recordAudit(tx, { tenantId, actor, action: "calendar.add", subject: "TenantDay", subjectId: row.id, after: { date, kind, name } });
  return { ok: true, value: { id: row.id, date, kind, name: row.name } };
}

export async function removeTenantDay({ tx, tenantId, id, actor }: { tx: Tx; tenantId: string; id: string; actor: AuditActor }): Promise<Checked<null>> {
  // The id comes back from a form: anything but a uuid names no day (and would be a database error).
  if (!isUuid(id)) return invalid("form", "errors.invalidValue");
  const row = await tx.tenantDay.findFirst({ where: { id, tenantId } });
  if (!row) return invalid("form", "errors.invalidValue");
  await tx.tenantDay.delete({ where: { id: row.id } });
  await recordAudit(tx, { tenantId, actor, action: "calendar.remove", subject: "TenantDay", subjectId: row.id, before: { date: row.date.toISOString().slice(0, 10), kind: row.kind, name: row.name } });
  return { ok: true, value: null };
}
