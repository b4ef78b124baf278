// Host -> tenant, once per request. The answer is cached in memory for a few seconds per database so a
// page view does not cost a query; a tenant added or renamed shows up within CACHE_MS, at once on the
// instance that changed its configuration (forgetTenants).
import type { Db } from "@cong/db";
import { withPlatform } from "@cong/db";
import { toTenantSummary, tenantSummarySelect, type TenantSummary } from "./tenant-summary.ts";

export type TenantHost = { kind: "subdomain"; slug: string } | { kind: "domain"; host: string };

const CACHE_MS = 5_000;
const MAX_ENTRIES = 1_000;
const caches = new WeakMap<Db, Map<string, { value: TenantSummary | null; expires: number }>>();

const keyOf = (host: TenantHost) => (host.kind === "subdomain" ? `s:${host.slug}` : `d:${host.host}`);

export async function resolveTenant(db: Db, host: TenantHost, now: number = Date.now()): Promise<TenantSummary | null> {
  const key = keyOf(host);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.value;

  const value = await withPlatform(db, async (tx) => {
    if (host.kind === "subdomain") {
      const row = await tx.tenant.findUnique({ where: { slug: host.slug }, select: tenantSummarySelect });
      return row ? toTenantSummary(row) : null;
    }
    const domain = await tx.tenantDomain.findUnique({ where: { host: host.host }, select: { tenant: { select: tenantSummarySelect } } });
    return domain ? toTenantSummary(domain.tenant) : null;
  });
  // Unknown hosts are cached too: a scan of random subdomains must not become a query per request.
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, { value, expires: now + CACHE_MS });
  return value;
}

/** Drops what this process remembers of the database's hosts: the next request reads its tenant again. */
export function forgetTenants(db: Db): void {
  caches.delete(db);
}
