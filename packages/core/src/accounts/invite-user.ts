// A provincial admin (or, for a province's first admin, a platform operator) invites someone: the
// account is created without a password and a 7-day link is mailed to set one.
import type { Tx, UnitHooks } from "@cong/db";
import type { Language } from "@cong/i18n";
import type { AuditActor } from "../audit/record-audit.ts";
import type { Mailer } from "../mail/mailer.ts";
import type { Scope } from "../scope.ts";
import type { Checked } from "../validation.ts";
import { createUser, type CreatedUser } from "./create-user.ts";
import { issueLink, linkMail } from "./one-time-links.ts";

export type InviteUserOptions = {
  tx: Tx;
  /** The invitation is mailed after the request commits. */
  unit: UnitHooks;
  tenantId: Scope;
  input: { email: unknown; name: unknown; roles?: unknown; agencies?: unknown; unit?: unknown };
  actor: AuditActor;
  mail: { mailer: Mailer; baseUrl: string; portalName: string; lang: Language };
};

export async function inviteUser({ tx, unit, tenantId, input, actor, mail }: InviteUserOptions): Promise<Checked<CreatedUser>> {
  const created = await createUser({ tx, tenantId, input, actor, lang: mail.lang });
  if (!created.ok) return created;
  const token = await issueLink(tx, tenantId, created.value.id, "invite");
  const message = linkMail("invite", created.value.email, created.value.name, token, mail);
  unit.afterCommit(() => mail.mailer.send(message));
  return created;
}
