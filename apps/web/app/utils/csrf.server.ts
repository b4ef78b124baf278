// CSRF: a random per-browser cookie and, in every form, an HMAC of it under the server's secret (the
// signed double-submit pattern). Another site can neither read the cookie nor forge the signature; a
// sibling subdomain that planted a cookie still cannot sign it.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { readCookie, serializeCookie } from "~/utils/cookies.server";

export const CSRF_COOKIE = "cong_csrf";
export const CSRF_FIELD = "_csrf";
const VALID = /^[A-Za-z0-9_-]{22,64}$/;

function sign(secret: string, value: string): string {
  return createHmac("sha256", secret).update(`csrf:${value}`).digest("base64url");
}

/** The token for this browser's forms, and the cookie to set when the browser had none. */
export function csrfToken(request: Request, context: AppLoadContext): { token: string; setCookie: string | null } {
  const existing = readCookie(request, CSRF_COOKIE);
  if (existing && VALID.test(existing)) return { token: sign(context.services.secret, existing), setCookie: null };
  const value = randomBytes(18).toString("base64url");
  return { token: sign(context.services.secret, value), setCookie: serializeCookie(context, CSRF_COOKIE, value, { maxAge: 60 * 60 * 24 * 7 }) };
}

export function csrfValid(request: Request, context: AppLoadContext, submitted: unknown): boolean {
  const value = readCookie(request, CSRF_COOKIE);
  if (!value || !VALID.test(value) || typeof submitted !== "string") return false;
  const expected = Buffer.from(sign(context.services.secret, value));
  const given = Buffer.from(submitted);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
