// The province's accounts for the admin's user list (or the operators on the apex), newest state first.
import type { Tx } from "@cong/db";
import type { Scope } from "../scope.ts";

export type UserRow = {
  id: string;
  email: string;
  name: string;
  roles: string[];
  agencies: string[];
  /** In a collective agency: the unit the member acts for (GSO code). */
  unit: string | null;
  active: boolean;
  invited: boolean;
  lastLoginAt: Date | null;
  openSessions: number;
};

export async function listUsers({ tx, tenantId, now = new Date() }: { tx: Tx; tenantId: Scope; now?: Date }): Promise<UserRow[]> {
  const rows = await tx.user.findMany({
    where: { tenantId },
    orderBy: [{ active: "desc" }, { email: "asc" }],
    include: {
      agencies: { include: { agency: { select: { key: true } } } },
      _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: now } } } } },
    },
  });
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    roles: u.roles,
    agencies: u.agencies.map((a) => a.agency.key).sort(),
    unit: u.agencies.find((a) => a.unitCode)?.unitCode ?? null,
    active: u.active,
    invited: u.passwordHash === null,
    lastLoginAt: u.lastLoginAt,
    openSessions: u._count.sessions,
  }));
}
