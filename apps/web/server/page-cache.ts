// The app's own cache of complete public answers (docs/decisions/0011): kept in memory per province,
// content version, language cookie and address, so a warm page costs no rendering and no query but one
// version read per province every VERSION_TTL_MS. How it is invalidated: the version is a counter the
// database bumps in the same transaction as any change a public page shows (content_version, kept by a
// trigger), so an answer cached under an older version is simply never asked for again and ages out of
// the LRU. Every app instance reads the same counter: a publish anywhere is served everywhere within
// VERSION_TTL_MS plus one render.
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { TenantSummary } from "@cong/core";
import { withTenant, type Db } from "@cong/db";

export const VERSION_TTL_MS = 250;

export type CachedPage = {
  status: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
  /** The body gzipped, made the first time a client asks for it (kept-pages.ts). */
  gzip?: Buffer;
};

export type PageCache = {
  /** The province's content version, or null when it cannot be read (then nothing is cached). */
  version(tenantId: string): Promise<string | null>;
  get(key: string): CachedPage | undefined;
  set(key: string, page: CachedPage): void;
  /** Reads the province's version again on the next request (after a write through this instance). */
  forget(tenantId: string): void;
};

export function createPageCache(o: { db: Db; maxBytes: number; versionTtlMs?: number }): PageCache {
  const ttl = o.versionTtlMs ?? VERSION_TTL_MS;
  const pages = new LRUCache<string, CachedPage>({
    maxSize: o.maxBytes,
    // The body, room for its gzipped copy, and the headers.
    sizeCalculation: (page) => Math.ceil(page.body.byteLength * 1.3) + 512,
    // Old versions are never asked for again; this only bounds how long they sit in memory.
    ttl: 10 * 60_000,
  });
  const versions = new Map<string, { value: string | null; at: number; pending: Promise<string | null> | null }>();

  const read = async (tenantId: string): Promise<string | null> => {
    try {
      const row = await withTenant(o.db, tenantId, (tx) => tx.contentVersion.findUnique({ where: { tenantId }, select: { version: true } }));
      return row ? String(row.version) : "0";
    } catch {
      return null;
    }
  };

  return {
    async version(tenantId) {
      const now = Date.now();
      let entry = versions.get(tenantId);
      if (entry && now - entry.at < ttl) return entry.value;
      if (entry?.pending) return entry.pending;
      // One read per province at a time, however many requests wait for it.
      const pending = read(tenantId).then((value) => {
        versions.set(tenantId, { value, at: Date.now(), pending: null });
        return value;
      });
      entry = { value: entry?.value ?? null, at: entry?.at ?? 0, pending };
      versions.set(tenantId, entry);
      return pending;
    },
    get: (key) => pages.get(key),
    forget: (tenantId) => {
      versions.delete(tenantId);
    },
    set: (key, page) => {
      if (o.maxBytes > 0) pages.set(key, page);
    },
  };
}

// What a public answer depends on: the province and its content version, the province's summary as the
// host lookup gave it (cached a few seconds by resolveTenant: a page rendered with a summary older than
// the version is keyed by that older summary, so it lives no longer than it), the language cookie (until
// languages have their own addresses) and the address.
const stamps = new WeakMap<TenantSummary, string>();
export function pageKey(tenant: TenantSummary, version: string, cookie: string | undefined, url: string): string {
  let stamp = stamps.get(tenant);
  if (!stamp) stamps.set(tenant, (stamp = createHash("sha256").update(JSON.stringify(tenant)).digest("base64url").slice(0, 16)));
  const lng = /(?:^|;\s*)lng=([^;]*)/.exec(cookie ?? "")?.[1] ?? "";
  return `${tenant.id}\n${version}\n${stamp}\n${lng}\n${url}`;
}

/** Whether the request may be answered from the page cache at all: an anonymous GET or HEAD. */
export function mayUseKeptPage(method: string | undefined, cookie: string | undefined): boolean {
  return (method === "GET" || method === "HEAD") && !/(?:^|;\s*)cong_session=/.test(cookie ?? "");
}
