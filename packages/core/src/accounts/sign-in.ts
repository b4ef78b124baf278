// Email and password sign-in on one host: the province's accounts on its host, operators on the apex.
// Every failure looks the same to the person trying (no hint whether the account exists or is locked).
// Wrong passwords are counted per account AND client address: five from one address lock the account
// for that address for 15 minutes, so someone typing wrong passwords cannot lock a provincial admin out
// of her own office. The count is kept in the database (attempt_counter), so every app instance honours
// it, and it is taken before the password is checked, so a burst of parallel guesses gets no more.
import type { Tx } from "@cong/db";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { attemptKey } from "../limits/attempt-key.ts";
import { clientAddress } from "../limits/client-address.ts";
import type { Limit } from "../limits/limits.ts";
import { clearAttempts, countAttempt } from "../limits/take-attempt.ts";
import type { Scope } from "../scope.ts";
import { parseWith, type Lang } from "../validation.ts";
import { verifyPassword } from "./password.ts";
import { createSession } from "./sessions.ts";

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
const PASSWORD_LIMIT: Limit = { name: "password/account+address", max: MAX_FAILURES, windowMs: LOCK_MINUTES * 60_000 };

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "errors.emailRequired").max(254, "errors.emailInvalid"),
  password: z.string().min(1, "errors.passwordRequired").max(256, "errors.passwordTooLong"),
});

export type SignInOptions = {
  tx: Tx;
  /** The server secret the attempt counters' keys are made with. */
  secret: string;
  tenantId: Scope;
  input: unknown;
  ip: string | null;
  userAgent: string | null;
  lang?: Lang;
  now?: Date;
};
export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; userId: string }
  | { ok: false; errors: Record<string, string[]> }
  | { ok: false; reason: "invalid" };

export async function signIn({ tx, secret, tenantId, input, ip, userAgent, lang, now = new Date() }: SignInOptions): Promise<SignInResult> {
  const parsed = parseWith(signInSchema, input, lang);
  if (!parsed.ok) return parsed;
  const { email, password } = parsed.value;

  const account = await tx.user.findFirst({ where: { tenantId, email }, select: { id: true, email: true, passwordHash: true, active: true } });
  // The password hash is part of the key: a new password (reset by mail) starts afresh everywhere.
  const accountKey = account ? attemptKey(secret, PASSWORD_LIMIT.name, [account.id, account.passwordHash ?? "", clientAddress(ip)]) : null;
  const found = account && accountKey ? { user: account, key: accountKey, attempt: await countAttempt(tx, accountKey, PASSWORD_LIMIT) } : null;
  // The hash is checked even when the account is missing, locked or inactive: the same time, the same answer.
  const matches = await verifyPassword(found?.user.passwordHash ?? null, password);
  if (!found) return { ok: false, reason: "invalid" };
  const { user, key, attempt } = found;
  const locked = !attempt.allowed;
  const actor = { id: user.id, email: user.email, ip };

  if (!matches || locked || !user.active) {
    // The attempt that used the last try and failed is the one that locks (exactly one, even in parallel).
    if (!matches && !locked && attempt.remaining === 0)
      await recordAudit(tx, { tenantId, actor, action: "user.lock", subject: "User", subjectId: user.id, after: { minutes: LOCK_MINUTES } });
    await recordAudit(tx, { tenantId, actor, action: "session.refused", subject: "User", subjectId: user.id, after: { locked, active: user.active } });
    return { ok: false, reason: "invalid" };
  }

  await clearAttempts(tx, key);
  await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now }, select: { id: true } });
  await recordAudit(tx, { tenantId, actor, action: "session.create", subject: "User", subjectId: user.id });
  const session = await createSession({ tx, tenantId, userId: user.id, ip, userAgent, now });
  return { ok: true, token: session.token, expiresAt: session.expiresAt, userId: user.id };
}
