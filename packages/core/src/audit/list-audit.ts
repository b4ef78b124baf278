// Browsing the audit log: newest first, filtered by action, actor, subject and date range, a page at a
// time. The runtime role reads only its own scope's entries (RLS) and can never change one.
import { endOfLocalDay, startOfLocalDay } from "@cong/schedule";
import { calendarDateSchema } from "@cong/config";
import type { Db, Prisma } from "@cong/db";
import { z } from "zod";
import { inScope, type Scope } from "../scope.ts";
import { parseWith, type Checked, type Lang } from "../validation.ts";

const dateOnly = z.union([z.literal(""), calendarDateSchema("errors.dateInvalid")]).optional();
// Postgres refuses text holding NUL: a filter with a control character is refused here, not a 500 there.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const filterText = (max: number) => z.string().trim().max(max).refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "errors.invalidValue").optional();
export const auditFilterSchema = z.object({
  action: filterText(60),
  actor: filterText(254),
  subject: filterText(60),
  from: dateOnly,
  to: dateOnly,
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export type AuditRow = {
  id: string;
  at: Date;
  actorEmail: string | null;
  action: string;
  subject: string;
  subjectId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
};

export const AUDIT_PAGE = 50;

/** timeZone: the province's (the platform's on the apex); the filter's days are its local days. */
export async function listAudit(db: Db, tenantId: Scope, input: unknown, options: { timeZone: string; lang?: Lang }): Promise<Checked<{ rows: AuditRow[]; more: boolean; filter: AuditFilter; actions: string[] }>> {
  const parsed = parseWith(auditFilterSchema, input, options.lang);
  if (!parsed.ok) return parsed;
  const f = parsed.value;
  const where: Prisma.AuditLogWhereInput = { tenantId };
  if (f.action) where.action = { startsWith: f.action };
  if (f.actor) where.actorEmail = { contains: f.actor.toLowerCase() };
  if (f.subject) where.subject = f.subject;
  if (f.from || f.to)
    where.at = {
      ...(f.from ? { gte: startOfLocalDay(f.from, options.timeZone) } : {}),
      ...(f.to ? { lt: endOfLocalDay(f.to, options.timeZone) } : {}),
    };
  const { rows, actions } = await inScope(db, tenantId, async (tx) => ({
    rows: await tx.auditLog.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (f.page - 1) * AUDIT_PAGE, take: AUDIT_PAGE + 1 }),
    actions: (await tx.auditLog.findMany({ where: { tenantId }, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } })).map((a) => a.action),
  }));
  return {
    ok: true,
    value: {
      rows: rows.slice(0, AUDIT_PAGE).map((r) => ({ id: r.id, at: r.at, actorEmail: r.actorEmail, action: r.action, subject: r.subject, subjectId: r.subjectId, before: r.before, after: r.after, ip: r.ip })),
      more: rows.length > AUDIT_PAGE,
      filter: f,
      actions,
    },
  };
}
