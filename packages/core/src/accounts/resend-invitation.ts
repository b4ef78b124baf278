// A new invitation link for an account that has not set its password yet; the older link stops working.
import type { Tx, UnitHooks } from "@cong/db";
import type { Language } from "@cong/i18n";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import type { Mailer } from "../mail/mailer.ts";
import type { Scope } from "../scope.ts";
import { invalid, type Checked } from "../validation.ts";
import { issueLink, linkMail } from "./one-time-links.ts";

export async function resendInvitation(options: {
  tx: Tx;
  /** The invitation is mailed after the request commits. */
  unit: UnitHooks;
  tenantId: Scope;
  userId: string;
  actor: AuditActor;
  mail: { mailer: Mailer; baseUrl: string; portalName: string; lang: Language };
}): Promise<Checked<{ email: string }>> {
  const { tx, unit, tenantId, userId, actor, mail } = options;
  const user = await tx.user.findFirst({ where: { id: userId, tenantId, active: true, passwordHash: null }, select: { id: true, email: true, name: true } });
  if (!user) return invalid("form", "errors.userNotFound");
  const token = await issueLink(tx, tenantId, user.id, "invite");
  await recordAudit(tx, { tenantId, actor, action: "user.invite-resent", subject: "User", subjectId: user.id });
  const message = linkMail("invite", user.email, user.name, token, mail);
  unit.afterCommit(() => mail.mailer.send(message));
  return { ok: true, value: { email: message.to } };
}
