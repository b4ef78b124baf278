// Headers on every response. Scripts run only from this origin or with this response's nonce (Remix's
// hydration scripts carry it), so an injected inline script does not run; styles still allow inline
// attributes (tenant colours). No site may frame the portal; HSTS in production.
import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";

/** origins: the other origins a province's map reads from (TenantSummary.mapOrigins), for fetch and images. */
export function contentSecurityPolicy(nonce: string, origins: readonly string[] = []): string {
  const also = origins.map((o) => ` ${o}`).join("");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${also}`,
    "media-src 'self'",
    "font-src 'self'",
    `connect-src 'self'${also}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The headers every answer carries, with this answer's nonce (also written by the kept-page path). */
export function securityHeaderList(nonce: string, production: boolean, origins: readonly string[] = []): [string, string][] {
  const list: [string, string][] = [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-Frame-Options", "DENY"],
    ["Content-Security-Policy", contentSecurityPolicy(nonce, origins)],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(self)"],
  ];
  if (production) list.push(["Strict-Transport-Security", "max-age=31536000; includeSubDomains"]);
  return list;
}

export const newNonce = () => randomBytes(16).toString("base64");

export function securityHeaders(options: { production: boolean }): RequestHandler {
  return (_req, res, next) => {
    const nonce = newNonce();
    res.locals.nonce = nonce;
    for (const [name, value] of securityHeaderList(nonce, options.production)) res.setHeader(name, value);
    next();
  };
}
