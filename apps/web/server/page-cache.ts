// The app's own cache of complete public answers (docs/decisions/0011): kept in memory per province,
// content version, language cookie and address, so a warm page costs no rendering and no query but one
// version read per province every VERSION_TTL_MS. How it is invalidated: the version is a counter the
// database bumps in the same transaction as any change a public page shows (content_version, kept by a
// trigger), so an answer cached under an older version is simply never asked for again and ages out of
// the LRU. Every app instance reads the same counter: a publish anywhere is served everywhere within
// VERSION_TTL_MS plus one render.
import { LRUCache } from "lru-cache";
import { withTenant, type Db } from "@cong/db";

export const VERSION_TTL_MS = 250;

export type CachedPage = { status: number; headers: [string, string][]; body: Uint8Array<ArrayBuffer> };

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
    sizeCalculation: (page) => page.body.byteLength + 512,
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
