// Email and password sign-in on one host: the province's accounts on its host, operators on the apex.
// Every failure looks the same to the person trying (no hint whether the account exists); an account is
// locked for a while after repeated failures, and the lock is kept in the database so every app instance
// honours it.
import type { Db } from "@cong/db";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { inScope, type Scope } from "../scope.ts";
import { parseWith, type Lang } from "../validation.ts";
import { verifyPassword } from "./password.ts";
import { createSession } from "./sessions.ts";

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "errors.emailRequired").max(254, "errors.emailInvalid"),
  password: z.string().min(1, "errors.passwordRequired").max(256, "errors.passwordTooLong"),
});

export type SignInOptions = { db: Db; tenantId: Scope; input: unknown; ip: string | null; userAgent: string | null; lang?: Lang; now?: Date };
export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; userId: string }
  | { ok: false; errors: Record<string, string[]> }
  | { ok: false; reason: "invalid" };

export async function signIn({ db, tenantId, input, ip, userAgent, lang, now = new Date() }: SignInOptions): Promise<SignInResult> {
  const parsed = parseWith(signInSchema, input, lang);
  if (!parsed.ok) return parsed;
  const { email, password } = parsed.value;

  const user = await inScope(db, tenantId, (tx) =>
    tx.user.findFirst({ where: { tenantId, email }, select: { id: true, email: true, passwordHash: true, active: true, lockedUntil: true } }),
  );
  // The hash is checked even when the account is missing, locked or inactive: the same time, the same answer.
  const matches = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user) return { ok: false, reason: "invalid" };
  const locked = user.lockedUntil !== null && user.lockedUntil > now;
  const actor = { id: user.id, email: user.email, ip };

  if (!matches || locked || !user.active) {
    await inScope(db, tenantId, async (tx) => {
      if (!matches && !locked) {
        // One statement, so concurrent failures all count.
        const [row] = await tx.$queryRaw<{ failed_logins: number }[]>`
          update app_user set failed_logins = failed_logins + 1 where id = ${user.id}::uuid returning failed_logins`;
        if ((row?.failed_logins ?? 0) >= MAX_FAILURES) {
          await tx.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000), failedLogins: 0 }, select: { id: true } });
          await recordAudit(tx, { tenantId, actor, action: "user.lock", subject: "User", subjectId: user.id, after: { minutes: LOCK_MINUTES } });
        }
      }
      await recordAudit(tx, { tenantId, actor, action: "session.refused", subject: "User", subjectId: user.id, after: { locked, active: user.active } });
    });
    return { ok: false, reason: "invalid" };
  }

  await inScope(db, tenantId, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now }, select: { id: true } });
    await recordAudit(tx, { tenantId, actor, action: "session.create", subject: "User", subjectId: user.id });
  });
  const session = await createSession(db, tenantId, user.id, { ip, userAgent }, now);
  return { ok: true, token: session.token, expiresAt: session.expiresAt, userId: user.id };
}
