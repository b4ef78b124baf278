// The app's own cache of complete public answers (docs/decisions/0011): kept in memory per province,
// content version, language cookie and address, so a warm page costs no rendering and no query but one
// version read per province every VERSION_TTL_MS, in the background (the kept version is answered
// meanwhile, never one older than VERSION_MAX_STALE_MS). How it is invalidated: the version is a counter the
// database bumps in the same transaction as any change a public page shows (content_version, kept by a
// trigger), so an answer cached under an older version is simply never asked for again and ages out of
// the LRU. Every app instance reads the same counter: a publish anywhere is served everywhere within
// VERSION_MAX_STALE_MS plus one render.
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { keptReads, type TenantSummary } from "@cong/core";
import { withTenant, type Db } from "@cong/db";

export const VERSION_TTL_MS = 250;
export const VERSION_MAX_STALE_MS = 750;

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
  /**
   * A render of this page on its way (remix-handler.ts): a request for the same page meanwhile waits for
   * it and is answered with what it keeps, instead of rendering it too. Resolves when the render is done,
   * kept or not, or after RENDER_WAIT_MS at the latest.
   */
  rendering(key: string): Promise<void> | undefined;
  /** Marks a render of the page as begun (unless one is already); call the answer once it is done. */
  beginRender(key: string): () => void;
};

export const RENDER_WAIT_MS = 5_000;

export function createPageCache(o: { db: Db; maxBytes: number; versionTtlMs?: number; versionMaxStaleMs?: number }): PageCache {
  const ttl = o.versionTtlMs ?? VERSION_TTL_MS;
  const pages = new LRUCache<string, CachedPage>({
    maxSize: o.maxBytes,
    // The body, room for its gzipped copy, and the headers.
    sizeCalculation: (page) => Math.ceil(page.body.byteLength * 1.3) + 512,
    // Old versions are never asked for again; this only bounds how long they sit in memory.
    ttl: 10 * 60_000,
  });
  // One read per province at a time, however many requests wait for it; the kept version is answered
  // while the next one is read, up to VERSION_MAX_STALE_MS after it was read (kept-reads.ts).
  const versions = keptReads<string, string | null>({
    freshMs: ttl,
    maxStaleMs: o.versionMaxStaleMs ?? VERSION_MAX_STALE_MS,
    read: async (tenantId) => {
      try {
        const row = await withTenant(o.db, tenantId, (tx) => tx.contentVersion.findUnique({ where: { tenantId }, select: { version: true } }));
        return row ? String(row.version) : "0";
      } catch {
        return null;
      }
    },
  });

  // When a version changes (a publish), every visitor of a page asks for it at once: one renders it.
  const renders = new Map<string, Promise<void>>();

  return {
    version: (tenantId) => versions.get(tenantId),
    get: (key) => pages.get(key),
    forget: (tenantId) => versions.forget(tenantId),
    rendering: (key) => renders.get(key),
    beginRender(key) {
      if (renders.has(key)) return () => {};
      let release!: () => void;
      const done = new Promise<void>((resolve) => (release = resolve));
      const finish = () => {
        clearTimeout(timer);
        if (renders.get(key) === done) renders.delete(key);
        release();
      };
      const timer = setTimeout(finish, RENDER_WAIT_MS);
      timer.unref();
      renders.set(key, done);
      return finish;
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
