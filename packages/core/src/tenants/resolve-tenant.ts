// Host -> tenant, once per request. The answer is kept in memory per database (kept-reads.ts) so a page
// view does not cost a query: read again in the background once it is FRESH_MS old, never answered older
// than MAX_STALE_MS; a tenant added or renamed shows up within FRESH_MS plus one read while requests keep
// coming, at once on the instance that changed its configuration (forgetTenants).
import type { Db } from "@cong/db";
import { withPlatform } from "@cong/db";
import { keptReads, type KeptReads } from "./kept-reads.ts";
import { toTenantSummary, tenantSummarySelect, type TenantSummary } from "./tenant-summary.ts";

export type TenantHost = { kind: "subdomain"; slug: string } | { kind: "domain"; host: string };

const FRESH_MS = 5_000;
const MAX_STALE_MS = 15_000;
const MAX_ENTRIES = 1_000;
const caches = new WeakMap<Db, KeptReads<string, TenantSummary | null>>();

const keyOf = (host: TenantHost) => (host.kind === "subdomain" ? `s:${host.slug}` : `d:${host.host}`);

export async function resolveTenant(db: Db, host: TenantHost): Promise<TenantSummary | null> {
  let cache = caches.get(db);
  if (!cache) {
    // Unknown hosts are kept too: a scan of random subdomains must not become a query per request.
    cache = keptReads({ read: (key) => readTenant(db, key), freshMs: FRESH_MS, maxStaleMs: MAX_STALE_MS, maxEntries: MAX_ENTRIES });
    caches.set(db, cache);
  }
  return cache.get(keyOf(host));
}

function readTenant(db: Db, key: string): Promise<TenantSummary | null> {
  const value = key.slice(2);
  return withPlatform(db, async (tx) => {
    if (key.startsWith("s:")) {
      const row = await tx.tenant.findUnique({ where: { slug: value }, select: tenantSummarySelect });
      return row ? toTenantSummary(row) : null;
    }
    const domain = await tx.tenantDomain.findUnique({ where: { host: value }, select: { tenant: { select: tenantSummarySelect } } });
    return domain ? toTenantSummary(domain.tenant) : null;
  });
}

/** Drops what this process remembers of the database's hosts: the next request reads its tenant again. */
export function forgetTenants(db: Db): void {
  caches.get(db)?.forget();
}
