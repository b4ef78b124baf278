// Host -> site, once per request and before Remix: a malformed or oversized Host is answered with 400
// here (never a 500 further in); otherwise the apex, a tenant or an unknown host goes to res.locals.site.
import type { RequestHandler } from "express";
import { parseHost, type TenantHost, type TenantSummary } from "@cong/core";
import type { Site } from "~/load-context";
import { contentSecurityPolicy } from "./security-headers.ts";

export type ResolveTenant = (host: TenantHost) => Promise<TenantSummary | null>;

export async function siteForHost(
  hostHeader: string | undefined,
  platformDomain: string,
  resolve: ResolveTenant,
): Promise<Site | null> {
  const parsed = parseHost(hostHeader, platformDomain);
  switch (parsed.kind) {
    case "invalid":
      return null;
    case "apex":
      return { kind: "apex" };
    case "subdomain":
    case "domain": {
      const tenant = await resolve(parsed);
      if (tenant) return { kind: "tenant", tenant };
      return { kind: "unknown", host: parsed.kind === "subdomain" ? `${parsed.slug}.${platformDomain}` : parsed.host };
    }
  }
}

export function siteMiddleware(options: { platformDomain: string; resolve: ResolveTenant }): RequestHandler {
  return async (req, res, next) => {
    // The Host header alone decides the site (the reverse proxy passes it through). A client's own
    // X-Forwarded-Host must not steer the URL Remix builds, nor crash it with a bad port.
    delete req.headers["x-forwarded-host"];
    try {
      const site = await siteForHost(req.headers.host, options.platformDomain, options.resolve);
      if (!site) {
        res.status(400).type("text/plain; charset=utf-8").send("400 Bad Request: invalid Host header\n");
        return;
      }
      res.locals.site = site;
      // A province whose map reads a basemap from elsewhere: its pages may fetch from there too.
      if (site.kind === "tenant" && site.tenant.mapOrigins.length > 0) res.setHeader("Content-Security-Policy", contentSecurityPolicy(String(res.locals.nonce ?? ""), site.tenant.mapOrigins));
      next();
    } catch (error) {
      next(error);
    }
  };
}
