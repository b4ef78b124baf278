// Sets an account's password directly: for the operator's command line and the embedded demo, never a
// web form (people change their own password through a one-time link). Ends the account's sessions.
import type { Tx } from "@cong/db";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import type { Scope } from "../scope.ts";
import { invalid, parseWithAsync, type Checked } from "../validation.ts";
import { hashPassword, passwordSchema } from "./password.ts";

export async function setPassword(options: { tx: Tx; tenantId: Scope; email: string; password: string; actor: AuditActor }): Promise<Checked<{ id: string }>> {
  const { tx, tenantId, email, actor } = options;
  const user = await tx.user.findFirst({ where: { tenantId, email: email.toLowerCase() }, select: { id: true, email: true, name: true } });
  if (!user) return invalid("email", "errors.userNotFound");
  const pw = await parseWithAsync(passwordSchema({ email: user.email, name: user.name }), options.password);
  if (!pw.ok) return { ok: false, errors: { password: pw.errors.form ?? [] } };
  const passwordHash = await hashPassword(pw.value);
  const now = new Date();
  await tx.user.update({ where: { id: user.id }, data: { passwordHash, updatedAt: now }, select: { id: true } });
  await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
  await recordAudit(tx, { tenantId, actor, action: "user.password-set", subject: "User", subjectId: user.id });
  return { ok: true, value: { id: user.id } };
}
