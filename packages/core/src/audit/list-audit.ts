// Browsing the audit log: newest first, filtered by action, actor, subject and date range, a page at a
// time. The runtime role reads only its own scope's entries (RLS) and can never change one.
import { endOfLocalDay, startOfLocalDay } from "@cong/schedule";
import { calendarDateSchema } from "@cong/config";
import type { Prisma, Tx } from "@cong/db";
import { z } from "zod";
import type { Scope } from "../scope.ts";
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
export async function listAudit({ tx, tenantId, input, timeZone, lang }: { tx: Tx; tenantId: Scope; input: unknown; timeZone: string; lang?: Lang }): Promise<Checked<{ rows: AuditRow[]; more: boolean; filter: AuditFilter; actions: string[] }>> {
  const parsed = parseWith(auditFilterSchema, input, lang);
  if (!parsed.ok) return parsed;
  const f = parsed.value;
  const where: Prisma.AuditLogWhereInput = { tenantId };
  if (f.action) where.action = { startsWith: f.action };
  if (f.actor) where.actorEmail = { contains: f.actor.toLowerCase() };
  if (f.subject) where.subject = f.subject;
  if (f.from || f.to)
    where.at = {
      ...(f.from ? { gte: startOfLocalDay(f.from, timeZone) } : {}),
      ...(f.to ? { lt: endOfLocalDay(f.to, timeZone) } : {}),
    };
  const rows = await tx.auditLog.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (f.page - 1) * AUDIT_PAGE, take: AUDIT_PAGE + 1 });
  const actions = await auditActions(tx, tenantId);
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

/**
 * The actions a province's log holds, for the filter: a loose index scan on (tenant_id, action), one
 * index probe per distinct action, instead of reading every entry (a busy province logs millions).
 */
export async function auditActions(tx: Tx, tenantId: Scope): Promise<string[]> {
  const rows =
    tenantId === null
      ? await tx.$queryRaw<{ action: string | null }[]>`
          with recursive a(action) as (
            (select action from audit_log where tenant_id is null order by action limit 1)
            union all
            select (select l.action from audit_log l where l.tenant_id is null and l.action > a.action order by l.action limit 1) from a where a.action is not null
          ) select action from a where action is not null`
      : await tx.$queryRaw<{ action: string | null }[]>`
          with recursive a(action) as (
            (select action from audit_log where tenant_id = ${tenantId}::uuid order by action limit 1)
            union all
            select (select l.action from audit_log l where l.tenant_id = ${tenantId}::uuid and l.action > a.action order by l.action limit 1) from a where a.action is not null
          ) select action from a where action is not null`;
  return rows.map((r) => r.action!);
}
