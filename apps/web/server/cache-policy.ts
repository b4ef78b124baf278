// Who may keep an answer, decided in one place for every GET (docs/decisions/0011): citizen pages, feeds,
// the sitemap and the read API are public — any cache may keep them for a second and serve them stale
// for half a minute while it fetches a fresh copy, browsers revalidate every time, and a weak ETag (the
// digest of the bytes) turns an unchanged page into a 304. Staff pages (/admin) and any answer that sets
// a cookie are private and never stored. Shared caches are not told when a page changes: they keep it for
// s-maxage (1 s); the app's own page cache (page-cache.ts) follows the database's content version.
import { createHash } from "node:crypto";
import { isStaffPath } from "../app/utils/cache.ts";
import type { CachedPage } from "./page-cache.ts";

export const PUBLIC_CACHE = "public, max-age=0, s-maxage=1, stale-while-revalidate=30";
export const PRIVATE_CACHE = "private, no-store";
// Answers a shared cache may keep: what a page is, or that it is not (a crawler's 404 is a page too).
const PUBLIC_STATUSES = new Set([200, 404, 410]);
// What a 304 repeats of the answer it stands for (RFC 9110 15.4.5).
const KEPT_ON_304 = ["Cache-Control", "ETag", "Vary", "Content-Location", "Expires", "Last-Modified"];

export type CacheRequest = { method: string; path: string };

function withHeaders(response: Response, headers: Headers): Response {
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * The response with its Cache-Control set, and, when it is public, the complete answer with its ETag as
 * a page any cache may keep (the body is read to digest it).
 */
export async function applyCachePolicy(request: CacheRequest, response: Response): Promise<{ response: Response; page: CachedPage | null }> {
  const headers = new Headers(response.headers);
  const privately = () => {
    headers.set("Cache-Control", PRIVATE_CACHE);
    return { response: withHeaders(response, headers), page: null };
  };
  if (request.method !== "GET" && request.method !== "HEAD") return headers.has("Cache-Control") ? { response, page: null } : privately();
  // A shared cache must never hand one visitor's cookie to the next.
  if (headers.has("Set-Cookie") || isStaffPath(request.path)) return privately();
  if (headers.has("Cache-Control")) return { response, page: null };
  if (!PUBLIC_STATUSES.has(response.status)) return privately();

  headers.set("Cache-Control", PUBLIC_CACHE);
  // The language may still come from the lng cookie (until each language has its own address).
  headers.append("Vary", "Cookie");
  const body = new Uint8Array(await response.arrayBuffer());
  if (!headers.has("ETag")) headers.set("ETag", `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`);
  const page: CachedPage = { status: response.status, headers: [...headers.entries()], body };
  return { response: answerFrom(page, undefined), page };
}

/** A kept page as the answer to this request: 304 when the client already has these bytes. */
export function answerFrom(page: CachedPage, ifNoneMatch: string | undefined): Response {
  const answer = keptAnswer(page, ifNoneMatch);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/** A kept page as plain parts (no web streams): its bytes, or a 304 with the headers a 304 keeps. */
export function keptAnswer(page: CachedPage, ifNoneMatch: string | undefined): { status: number; headers: [string, string][]; body: Uint8Array<ArrayBuffer> | null } {
  const etag = page.headers.find(([name]) => name.toLowerCase() === "etag")?.[1];
  if (page.status === 200 && etag && matches(ifNoneMatch, etag)) {
    const kept = new Set(KEPT_ON_304.map((n) => n.toLowerCase()));
    return { status: 304, headers: page.headers.filter(([name]) => kept.has(name.toLowerCase())), body: null };
  }
  return { status: page.status, headers: page.headers, body: page.body.byteLength > 0 ? page.body : null };
}

// If-None-Match compares weakly: W/"x" matches "x" and W/"x"; "*" matches any.
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === bare;
  });
}
