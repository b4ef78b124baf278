// CSRF: a random per-browser cookie and, in every form, an HMAC under the server's secret of that cookie
// bound to the host the form was served on and to the session it was served in (the signed double-submit
// pattern). Another site can neither read the cookie nor forge the signature; a pair taken on one
// province, on the apex, or before signing in is worth nothing on another host or in another session,
// even when a sibling subdomain manages to plant the cookie.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { readCookie, serializeCookie } from "~/utils/cookies.server";
import { SESSION_COOKIE } from "~/utils/session.server";

export const CSRF_COOKIE = "cong_csrf";
export const CSRF_FIELD = "_csrf";
const VALID = /^[A-Za-z0-9_-]{22,64}$/;

// What a token is bound to: the host, the session cookie (or none) and the browser's random value. Each
// part is on its own line, and none can hold a line break, so two bindings never read the same.
function sign(secret: string, request: Request, value: string): string {
  const host = (request.headers.get("host") ?? "").toLowerCase();
  const session = readCookie(request, SESSION_COOKIE) ?? "";
  return createHmac("sha256", secret).update(`csrf\n${host}\n${session.replace(/[\r\n]/g, "")}\n${value}`).digest("base64url");
}

/** The token for this browser's forms, and the cookie to set when the browser had none. */
export function csrfToken(request: Request, context: AppLoadContext): { token: string; setCookie: string | null } {
  const existing = readCookie(request, CSRF_COOKIE);
  if (existing && VALID.test(existing)) return { token: sign(context.services.secret, request, existing), setCookie: null };
  const value = randomBytes(18).toString("base64url");
  return { token: sign(context.services.secret, request, value), setCookie: serializeCookie(context, CSRF_COOKIE, value, { maxAge: 60 * 60 * 24 * 7 }) };
}

/** Whether the request carries a well-formed CSRF cookie at all (checked before its body is read). */
export function csrfCookieValid(request: Request): boolean {
  const value = readCookie(request, CSRF_COOKIE);
  return value !== null && VALID.test(value);
}

export function csrfValid(request: Request, context: AppLoadContext, submitted: unknown): boolean {
  const value = readCookie(request, CSRF_COOKIE);
  if (!value || !VALID.test(value) || typeof submitted !== "string") return false;
  const expected = Buffer.from(sign(context.services.secret, request, value));
  const given = Buffer.from(submitted);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
