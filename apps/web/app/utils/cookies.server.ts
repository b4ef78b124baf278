// Reading and writing the few cookies the app sets. All are host-only (no Domain attribute), so a
// province's cookies never travel to another province's subdomain; HttpOnly and SameSite=Lax always,
// Secure in production.
import type { AppLoadContext } from "@remix-run/node";

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function serializeCookie(context: AppLoadContext, name: string, value: string, options: { maxAge?: number; expires?: Date } = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "HttpOnly", "SameSite=Lax"];
  if (context.env.NODE_ENV === "production") parts.push("Secure");
  if (options.expires) parts.push(`Expires=${options.expires.toUTCString()}`);
  if (options.maxAge !== undefined) parts.push(`Max-Age=${options.maxAge}`);
  return parts.join("; ");
}
