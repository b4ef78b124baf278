// Server-side sessions: the cookie holds a random token, the session table its hash. A session belongs
// to one scope (a province, or the platform for operators) and is looked up only in that scope, so a
// Nghệ An session is nothing on Quảng Ninh's host. Deactivated users and revoked sessions end at once.
import type { Tx } from "@cong/db";
import { isUserRole } from "@cong/authz";
import { asLocalized } from "../json.ts";
import type { Scope } from "../scope.ts";
import { looksLikeToken, newToken, tokenHash } from "./tokens.ts";
import type { Viewer } from "./viewer.ts";

export const SESSION_HOURS = 12;
// last_seen_at is refreshed at most this often, so reading a page does not write on every request.
const TOUCH_MS = 5 * 60_000;

export async function createSession({ tx, tenantId, userId, ip, userAgent, now = new Date() }: { tx: Tx; tenantId: Scope; userId: string; ip: string | null; userAgent: string | null; now?: Date }) {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await tx.session.create({
    data: { tenantId, userId, tokenHash: tokenHash(token), createdAt: now, lastSeenAt: now, expiresAt, ip, userAgent: userAgent?.slice(0, 300) ?? null },
    select: { id: true },
  });
  return { token, expiresAt };
}

export async function findViewer({ tx, tenantId, token, now = new Date() }: { tx: Tx; tenantId: Scope; token: unknown; now?: Date }): Promise<Viewer | null> {
  if (!looksLikeToken(token)) return null;
  const session = await tx.session.findUnique({
    where: { tokenHash: tokenHash(token) },
    include: { user: { include: { agencies: { include: { agency: { select: { id: true, key: true, names: true } } } } } } },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || session.tenantId !== tenantId) return null;
  const user = session.user;
  if (!user.active || user.tenantId !== tenantId) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_MS)
    await tx.session.update({ where: { id: session.id }, data: { lastSeenAt: now }, select: { id: true } });
  return {
    id: user.id,
    sessionId: session.id,
    tenantId: user.tenantId,
    email: user.email,
    name: user.name,
    roles: user.roles.filter(isUserRole),
    agencies: user.agencies.map((m) => ({ id: m.agency.id, key: m.agency.key, names: asLocalized(m.agency.names), memberUnit: m.unitCode })),
  };
}

export async function endSession({ tx, token, now = new Date() }: { tx: Tx; token: unknown; now?: Date }): Promise<void> {
  if (!looksLikeToken(token)) return;
  await tx.session.updateMany({ where: { tokenHash: tokenHash(token), revokedAt: null }, data: { revokedAt: now } });
}
