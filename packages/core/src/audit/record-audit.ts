// Appends one entry to the audit log inside the caller's transaction, so the entry and the change it
// describes commit or roll back together. Secrets never enter it: password hashes and tokens are cut out.
import type { Prisma, Tx } from "@cong/db";

export type AuditActor = { id: string | null; email: string | null; ip: string | null };
export type AuditEntry = {
  tenantId: string | null;
  actor: AuditActor;
  action: string;
  subject: string;
  subjectId?: string | null;
  before?: unknown;
  after?: unknown;
};

const SECRET_KEYS = new Set(["passwordHash", "password", "tokenHash", "token", "password_hash", "token_hash"]);

function clean(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (key, v) => (SECRET_KEYS.has(key) ? undefined : v))) as Prisma.InputJsonValue;
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      tenantId: entry.tenantId,
      actorId: entry.actor.id,
      actorEmail: entry.actor.email,
      action: entry.action,
      subject: entry.subject,
      subjectId: entry.subjectId ?? null,
      before: clean(entry.before),
      after: clean(entry.after),
      ip: entry.actor.ip,
    },
    select: { id: true },
  });
}

export const SYSTEM_ACTOR: AuditActor = { id: null, email: "system", ip: null };
