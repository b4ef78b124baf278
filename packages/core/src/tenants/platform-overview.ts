// The platform console's view of the provinces: each one's domains, when its configuration last changed,
// and how many active accounts and admins it has. The console is the one place that reads across
// provinces, so it goes through the owner client (CONVENTIONS rule 5), after the operator check.
import type { Localized } from "@cong/config";
import type { Db } from "@cong/db";
import { ownerClient } from "@cong/db/owner";
import { asLocalized } from "../json.ts";

export type TenantOverview = { id: string; slug: string; name: Localized; domains: string[]; updatedAt: Date; activeUsers: number; admins: number };

export async function platformOverview(db: Db): Promise<TenantOverview[]> {
  const owner = ownerClient(db);
  const tenants = await owner.tenant.findMany({ orderBy: { slug: "asc" }, include: { domains: { select: { host: true } } } });
  const counts = await owner.user.groupBy({ by: ["tenantId"], where: { active: true, tenantId: { not: null } }, _count: { _all: true } });
  const admins = await owner.user.groupBy({ by: ["tenantId"], where: { active: true, roles: { has: "admin" } }, _count: { _all: true } });
  return tenants.map((t) => ({
    id: t.id,
    slug: t.slug,
    name: asLocalized(t.name),
    domains: t.domains.map((d) => d.host).sort(),
    updatedAt: t.updatedAt,
    activeUsers: counts.find((c) => c.tenantId === t.id)?._count._all ?? 0,
    admins: admins.find((c) => c.tenantId === t.id)?._count._all ?? 0,
  }));
}
