// The launch-day path (issue 9, docs/decisions/0011): an anonymous GET whose answer the page cache holds
// under the province's current content version is written straight from Node's request listener, before
// Express, Remix or the database: the kept bytes (gzipped once, on the first visitor who accepts gzip), the
// headers every answer carries (security-headers.ts) and the kept page's own. The host and the content
// version are the same cached reads the usual way makes (resolveTenant, PageCache.version). Whatever else
// A request for a page that another visitor's request is rendering at that moment waits for that render and
// is answered with it (a publish changes the version, and a province's visitors all ask the new page at
// once: one render, not one each). Whatever else
// — a page not kept, an address that request-shape.ts would rewrite or refuse, a signed-in visitor, a
// staff path, an unknown host, a database that cannot be read — goes the usual way.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { parseHost, resolveTenant } from "@cong/core";
import type { Db } from "@cong/db";
import { isStaffPath } from "../app/utils/cache.ts";
import { keptAnswer } from "./cache-policy.ts";
import { mayUseKeptPage, pageKey, type CachedPage, type PageCache } from "./page-cache.ts";
import { addressProblem } from "./request-shape.ts";
import { newNonce, securityHeaderList } from "./security-headers.ts";

export type KeptPagesOptions = { db: Db; pageCache: PageCache; platformDomain: string; production: boolean };

/** A listener that answers from the page cache when it can and hands every other request to `next`. */
export function answerKeptPages(o: KeptPagesOptions, next: RequestListener): RequestListener {
  return (req, res) => {
    keptPageFor(o, req).then(
      (kept) => (kept ? write(o, req, res, kept.page, kept.origins) : next(req, res)),
      () => next(req, res),
    );
  };
}

async function keptPageFor(o: KeptPagesOptions, req: IncomingMessage): Promise<{ page: CachedPage; origins: string[] } | undefined> {
  const url = req.url ?? "";
  if (!mayUseKeptPage(req.method, req.headers.cookie) || !url.startsWith("/")) return undefined;
  const q = url.indexOf("?");
  const path = (q < 0 ? url : url.slice(0, q)).replace(/\.data$/, "");
  if (isStaffPath(path) || addressProblem(url) !== null) return undefined;
  const host = parseHost(req.headers.host, o.platformDomain);
  if (host.kind !== "subdomain" && host.kind !== "domain") return undefined;
  const tenant = await resolveTenant(o.db, host);
  if (!tenant) return undefined;
  const version = await o.pageCache.version(tenant.id);
  if (version === null) return undefined;
  const key = pageKey(tenant, version, req.headers.cookie, url);
  let page = o.pageCache.get(key);
  // The page is being rendered for another visitor: its answer, once kept, is this one's too.
  const rendering = page ? undefined : o.pageCache.rendering(key);
  if (rendering) {
    await rendering;
    page = o.pageCache.get(key);
  }
  return page ? { page, origins: tenant.mapOrigins } : undefined;
}

function write(o: KeptPagesOptions, req: IncomingMessage, res: ServerResponse, page: CachedPage, origins: string[]): void {
  const answer = keptAnswer(page, req.headers["if-none-match"]);
  // As site-middleware.ts: the province's map origins are allowed on its pages.
  for (const [name, value] of securityHeaderList(newNonce(), o.production, origins)) res.setHeader(name, value);
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  res.setHeader("X-Page-Cache", "hit");
  let body: Uint8Array | null = answer.body;
  if (body && body.byteLength >= 1024 && compressible(page) && acceptsGzip(req.headers["accept-encoding"])) {
    page.gzip ??= gzipSync(body);
    body = page.gzip;
    res.setHeader("Content-Encoding", "gzip");
  }
  if (body) res.setHeader("Vary", varyWithEncoding(res.getHeader("Vary")));
  res.statusCode = answer.status;
  if (body) res.setHeader("Content-Length", body.byteLength);
  res.end(req.method === "HEAD" || !body ? undefined : body);
}

const compressible = (page: CachedPage) => /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|geo\+json|opensearchdescription\+xml))/i.test(page.headers.find(([n]) => n.toLowerCase() === "content-type")?.[1] ?? "");

// "gzip" listed without q=0.
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  });
}

function varyWithEncoding(vary: number | string | string[] | undefined): string {
  const list = (Array.isArray(vary) ? vary.join(",") : String(vary ?? "")).split(",").map((v) => v.trim()).filter(Boolean);
  if (!list.some((v) => v.toLowerCase() === "accept-encoding")) list.push("Accept-Encoding");
  return list.join(", ");
}
