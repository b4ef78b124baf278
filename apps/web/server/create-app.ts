// The Express app: security headers, Host -> site, requests no page could send refused, static assets,
// then Remix with the load context. `handler` is Remix's request handler (remix-handler.ts); the Host
// tests pass a stub.
import { readdirSync } from "node:fs";
import path from "node:path";
import type { ErrorRequestHandler, RequestHandler } from "express";
import express from "express";
import compression from "compression";
import type { Env } from "@cong/config/env";
import type { Db } from "@cong/db";
import type { Site } from "~/load-context";
import { MAX_REQUEST_BYTES } from "@cong/core";
import { requestShape } from "./request-shape.ts";
import { securityHeaders } from "./security-headers.ts";
import { siteMiddleware, type ResolveTenant } from "./site-middleware.ts";

export type CreateAppOptions = {
  env: Env;
  db: Db;
  resolve: ResolveTenant;
  /** Remix's handler; it reads res.locals.site for the load context. */
  handler: RequestHandler;
  /** build/client of the Remix build, when serving its static files. */
  clientDir?: string;
};

export function createApp({ env, resolve, handler, clientDir }: CreateAppOptions) {
  const app = express();
  app.disable("x-powered-by");
  // The client's address (req.ip, which the sign-in limits count) and scheme come from X-Forwarded-For
  // and X-Forwarded-Proto only when the peer is a configured proxy (TRUST_PROXY); by default nobody's.
  app.set("trust proxy", env.TRUST_PROXY);
  app.use(securityHeaders({ production: env.NODE_ENV === "production" }));
  app.use(sameOriginWrites);
  app.use(siteMiddleware({ platformDomain: env.PLATFORM_DOMAIN, resolve }));
  app.use(requestShape({ maxBodyBytes: MAX_REQUEST_BYTES }));
  app.use(compression());
  if (clientDir) {
    // Fingerprinted by Vite: cache for a year.
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }));
    // The build's other public files (favicon…), looked up by name: a page request never touches the disk.
    const served = new Set(listFiles(clientDir).filter((f) => !f.startsWith("/assets/")));
    const files = express.static(clientDir, { maxAge: "1h", index: false });
    app.use((req, res, next) => ((req.method === "GET" || req.method === "HEAD") && served.has(req.path) ? files(req, res, next) : next()));
  }
  app.all("*", handler);
  app.use(errorHandler);
  return app;
}

/** Every file under dir, as URL paths ("/favicon.ico"), read once at start. */
function listFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), `${prefix}/${entry.name}`));
    else out.push(`${prefix}/${entry.name}`);
  }
  return out;
}

// A write from another site's page is refused before it reaches an action (the forms' CSRF tokens are the
// second check). Browsers send Origin on cross-site POSTs; when it is absent the token still guards.
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
const sameOriginWrites: RequestHandler = (req, res, next) => {
  const origin = req.headers.origin;
  if (SAFE.has(req.method) || origin === undefined) return next();
  let host: string | null = null;
  try {
    host = origin === "null" ? null : new URL(origin).host;
  } catch {
    host = null;
  }
  if (host !== null && host === req.headers.host) return next();
  res.status(403).type("text/plain; charset=utf-8").send("403 Forbidden: cross-site request refused\n");
};

// Message only: a stack can carry request data, and logs must never hold personal data. What reaches
// here is the server's fault (the database unreachable, a bug), never the client's: 503, no detail.
const errorHandler: ErrorRequestHandler = (error, req, res, next) => {
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  console.error(`error on ${req.method} ${req.path}: ${message}`);
  if (res.headersSent) {
    next(error);
    return;
  }
  res.status(503).type("text/plain; charset=utf-8").send("503 Service Unavailable: please try again shortly\n");
};

export function siteOf(res: { locals: Record<string, unknown> }): Site {
  return res.locals.site as Site;
}
