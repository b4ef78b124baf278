// Who may keep an answer, decided in one place for every GET (docs/decisions/0011): citizen pages, feeds,
// the sitemap and the read API are public — any cache may keep them for a second and serve them stale
// for half a minute while it fetches a fresh copy, browsers revalidate every time, and a weak ETag (the
// digest of the bytes) turns an unchanged page into a 304. Staff pages (/admin) and any answer that sets
// a cookie are private and never stored. How a public page's cache is invalidated: it is not; it expires
// after s-maxage (1 s), so a publish is visible everywhere within about a second.
import { createHash } from "node:crypto";
import { isStaffPath } from "../app/utils/cache.ts";

export const PUBLIC_CACHE = "public, max-age=0, s-maxage=1, stale-while-revalidate=30";
export const PRIVATE_CACHE = "private, no-store";
// Answers a shared cache may keep: what a page is, or that it is not (a crawler's 404 is a page too).
const PUBLIC_STATUSES = new Set([200, 404, 410]);

export type CacheRequest = { method: string; path: string; ifNoneMatch: string | undefined };

function noStore(response: Response, headers: Headers): Response {
  headers.set("Cache-Control", PRIVATE_CACHE);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** The response with its Cache-Control, Vary and ETag set, or a 304 when the client has these bytes. */
export async function withCachePolicy(request: CacheRequest, response: Response): Promise<Response> {
  const headers = new Headers(response.headers);
  if (request.method !== "GET" && request.method !== "HEAD") return headers.has("Cache-Control") ? response : noStore(response, headers);
  // A shared cache must never hand one visitor's cookie to the next.
  if (headers.has("Set-Cookie") || isStaffPath(request.path)) return noStore(response, headers);
  if (headers.has("Cache-Control")) return response;
  if (!PUBLIC_STATUSES.has(response.status)) return noStore(response, headers);

  headers.set("Cache-Control", PUBLIC_CACHE);
  // The language may still come from the lng cookie (until each language has its own address).
  headers.append("Vary", "Cookie");
  if (headers.has("ETag") || !response.body) return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const etag = `W/"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;
  headers.set("ETag", etag);
  if (response.status === 200 && matches(request.ifNoneMatch, etag)) {
    const kept = new Headers();
    for (const name of ["Cache-Control", "ETag", "Vary", "Content-Location", "Expires", "Last-Modified"]) {
      const value = headers.get(name);
      if (value !== null) kept.set(name, value);
    }
    return new Response(null, { status: 304, headers: kept });
  }
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers });
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
