// One-time links by mail: a password reset (1 hour) and an invitation (7 days). Asking for a reset
// always answers the same, whether or not the address has an account.
import type { Tx, UnitHooks } from "@cong/db";
import { translate, type Language } from "@cong/i18n";
import { z } from "zod";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import type { Mailer } from "../mail/mailer.ts";
import type { Scope } from "../scope.ts";
import { parseWith, parseWithAsync, type Checked } from "../validation.ts";
import { emailSchema, hashPassword, passwordSchema } from "./password.ts";
import { looksLikeToken, newToken, tokenHash } from "./tokens.ts";

export const RESET_MINUTES = 60;
export const INVITE_DAYS = 7;
const MAX_RESETS_PER_HOUR = 3;

export type LinkKind = "reset" | "invite";
type MailContext = { mailer: Mailer; baseUrl: string; portalName: string; lang: Language };

export async function issueLink(tx: Tx, tenantId: Scope, userId: string, kind: LinkKind, now = new Date()): Promise<string> {
  const token = newToken();
  const ttl = kind === "reset" ? RESET_MINUTES * 60_000 : INVITE_DAYS * 86_400_000;
  // A new link replaces the older unused ones of the same kind.
  await tx.authToken.updateMany({ where: { userId, kind, usedAt: null }, data: { usedAt: now } });
  await tx.authToken.create({ data: { tenantId, userId, kind, tokenHash: tokenHash(token), expiresAt: new Date(now.getTime() + ttl), createdAt: now }, select: { id: true } });
  return token;
}

export function linkMail(kind: LinkKind, to: string, name: string, token: string, ctx: MailContext) {
  const url = `${ctx.baseUrl}/admin/${kind === "reset" ? "reset" : "invite"}/${token}`;
  const vars = { name, url, portal: ctx.portalName, minutes: RESET_MINUTES, days: INVITE_DAYS };
  return {
    to,
    subject: translate(ctx.lang, `mail.${kind}.subject`, vars),
    text: translate(ctx.lang, `mail.${kind}.body`, vars),
  };
}

/** The mail goes out after the request commits (unit.afterCommit): never a link the database does not hold. */
export async function requestPasswordReset(options: { tx: Tx; unit: UnitHooks; tenantId: Scope; email: unknown; mail: MailContext; ip: string | null; now?: Date }): Promise<Checked<null>> {
  const parsed = parseWith(z.object({ email: emailSchema }), { email: options.email }, options.mail.lang);
  if (!parsed.ok) return parsed;
  const { tx, tenantId, now = new Date() } = options;
  const email = parsed.value.email;
  const user = await tx.user.findFirst({ where: { tenantId, email, active: true }, select: { id: true, name: true, passwordHash: true } });
  if (!user || user.passwordHash === null) return { ok: true, value: null };
  const recent = await tx.authToken.count({ where: { userId: user.id, kind: "reset", createdAt: { gt: new Date(now.getTime() - 3_600_000) } } });
  if (recent >= MAX_RESETS_PER_HOUR) return { ok: true, value: null };
  const token = await issueLink(tx, tenantId, user.id, "reset", now);
  await recordAudit(tx, { tenantId, actor: { id: user.id, email, ip: options.ip }, action: "user.reset-requested", subject: "User", subjectId: user.id });
  const message = linkMail("reset", email, user.name, token, options.mail);
  options.unit.afterCommit(() => options.mail.mailer.send(message));
  return { ok: true, value: null };
}

/** The account a valid, unused, unexpired link of this kind opens, or null. */
export async function findLink({ tx, tenantId, kind, token, now = new Date() }: { tx: Tx; tenantId: Scope; kind: LinkKind; token: unknown; now?: Date }) {
  if (!looksLikeToken(token)) return null;
  const row = await tx.authToken.findUnique({ where: { tokenHash: tokenHash(token) }, include: { user: { select: { id: true, email: true, name: true, active: true } } } });
  if (!row || row.kind !== kind || row.usedAt || row.expiresAt <= now || row.tenantId !== tenantId || !row.user.active) return null;
  return { userId: row.user.id, email: row.user.email, name: row.user.name };
}

/**
 * Sets the password through a link (reset or invitation), uses the link up and ends every open session
 * of the account: whoever had the old password is out.
 */
export async function usePasswordLink(options: { tx: Tx; tenantId: Scope; kind: LinkKind; token: unknown; password: unknown; confirm: unknown; ip: string | null; lang?: Language; now?: Date }): Promise<Checked<{ userId: string }> | { ok: false; reason: "expired" }> {
  const { tx, tenantId, kind, now = new Date() } = options;
  const link = await findLink({ tx, tenantId, kind, token: options.token, now });
  if (!link) return { ok: false, reason: "expired" };
  const pw = await parseWithAsync(passwordSchema({ email: link.email, name: link.name }), options.password, options.lang);
  if (!pw.ok) return { ok: false, errors: { password: pw.errors.form ?? [] } };
  if (options.confirm !== pw.value) return { ok: false, errors: { confirm: ["errors.passwordMismatch"] } };
  const passwordHash = await hashPassword(pw.value);
  const actor: AuditActor = { id: link.userId, email: link.email, ip: options.ip };
  // Claim the link in the same statement that checks it, so two submissions cannot both use it.
  const claimed = await tx.authToken.updateMany({
    where: { tokenHash: tokenHash(options.token as string), usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) return { ok: false, reason: "expired" } as const;
  await tx.user.update({ where: { id: link.userId }, data: { passwordHash, updatedAt: now }, select: { id: true } });
  await tx.session.updateMany({ where: { userId: link.userId, revokedAt: null }, data: { revokedAt: now } });
  await recordAudit(tx, { tenantId, actor, action: kind === "reset" ? "user.password-reset" : "user.invitation-accepted", subject: "User", subjectId: link.userId });
  return { ok: true, value: { userId: link.userId } } as const;
}
