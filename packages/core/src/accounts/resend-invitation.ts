// A new invitation link for an account that has not set its password yet; the older link stops working.
import type { Db } from "@cong/db";
import type { Language } from "@cong/i18n";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import type { Mailer } from "../mail/mailer.ts";
import { inScope, type Scope } from "../scope.ts";
import { invalid, type Checked } from "../validation.ts";
import { issueLink, linkMail } from "./one-time-links.ts";

export async function resendInvitation(options: {
  db: Db;
  tenantId: Scope;
  userId: string;
  actor: AuditActor;
  mail: { mailer: Mailer; baseUrl: string; portalName: string; lang: Language };
}): Promise<Checked<{ email: string }>> {
  const { db, tenantId, userId, actor, mail } = options;
  const message = await inScope(db, tenantId, async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, tenantId, active: true, passwordHash: null }, select: { id: true, email: true, name: true } });
    if (!user) return null;
    const token = await issueLink(tx, tenantId, user.id, "invite");
    await recordAudit(tx, { tenantId, actor, action: "user.invite-resent", subject: "User", subjectId: user.id });
    return linkMail("invite", user.email, user.name, token, mail);
  });
  if (!message) return invalid("form", "errors.userNotFound");
  await mail.mailer.send(message);
  return { ok: true, value: { email: message.to } };
}
