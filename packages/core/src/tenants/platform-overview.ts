// The platform console's view of the provinces: each one's domains, when its configuration last changed,
// and how many active accounts and admins it has. It runs in the operator's scope as the runtime role:
// provinces and domains are readable there; the counts, which no scope can see (each province's accounts
// are visible only to that province), come from the one function granted for them,
// platform_tenant_accounts() (migration 20261128110000_runtime_login), which answers only in this scope.
import type { Localized } from "@cong/config";
import type { Tx } from "@cong/db";
import { asLocalized } from "../json.ts";

export type TenantOverview = { id: string; slug: string; name: Localized; domains: string[]; updatedAt: Date; activeUsers: number; admins: number };

type AccountCounts = { tenant_id: string; active_users: number; admins: number };

/** tx: the operators' console's scope (the apex), the only one platform_tenant_accounts() answers in. */
export async function platformOverview({ tx }: { tx: Tx }): Promise<TenantOverview[]> {
  const tenants = await tx.tenant.findMany({ orderBy: { slug: "asc" }, include: { domains: { select: { host: true } } } });
  const counts = await tx.$queryRaw<AccountCounts[]>`select tenant_id, active_users, admins from platform_tenant_accounts()`;
  const byTenant = new Map(counts.map((c) => [c.tenant_id, c]));
  return tenants.map((t) => ({
    id: t.id,
    slug: t.slug,
    name: asLocalized(t.name),
    domains: t.domains.map((d) => d.host).sort(),
    updatedAt: t.updatedAt,
    activeUsers: byTenant.get(t.id)?.active_users ?? 0,
    admins: byTenant.get(t.id)?.admins ?? 0,
  }));
}
