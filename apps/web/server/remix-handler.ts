// Remix behind Express, with the load context every loader gets. Our own glue rather than
// @remix-run/express, for both bodies: when an action stops reading a request body (over its route's
// limit, a refused form), @remix-run/express destroys the socket, so the client never sees the 413 (here
// the rest is drained politely, discard-body.ts); and its response writer ignores backpressure
// (sendResponse below).
//
// Always in Remix's production mode: in development mode Remix sends error stacks (server paths, code)
// to the browser, and no mode may do that here.
import type { IncomingMessage } from "node:http";
import type { RequestHandler, Response as ExpressResponse } from "express";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { Env } from "@cong/config/env";
import { forgetTenants, type TenantSummary } from "@cong/core";
import { checkDb, openUnitOfWork, type Db } from "@cong/db";
import type { Services } from "~/load-context";
import { siteOf } from "./create-app.ts";
import { isStaffPath } from "../app/utils/cache.ts";
import { answerFrom, applyCachePolicy } from "./cache-policy.ts";
import { mayUseKeptPage, pageKey, type PageCache } from "./page-cache.ts";
import { discardBody } from "./discard-body.ts";

export type RemixHandlerOptions = { build: ServerBuild; env: Env; db: Db; services: Services; pageCache?: PageCache };

export function createRemixHandler({ build, env, db, services, pageCache }: RemixHandlerOptions): RequestHandler {
  const handle = createRequestHandler(build, "production");
  const health = () => checkDb(db);
  return async (req, res, next) => {
    try {
      const site = siteOf(res);
      const path = req.path.replace(/\.data$/, "");
      const ifNoneMatch = req.headers["if-none-match"];
      // A public answer is kept under the province's current content version, for kept-pages.ts to write
      // until the version changes. Signed-in staff always get a fresh render (some answers, a draft's
      // file, depend on who asks), as the nginx microcache does for them.
      const key =
        pageCache && mayUseKeptPage(req.method, req.headers.cookie) && site.kind === "tenant" && !isStaffPath(path) ? await keyFor(pageCache, site.tenant, req) : null;
      // One render per page at a time: visitors asking the same page meanwhile wait for it (here, or in
      // kept-pages.ts when they arrive after it began) and are answered with what it keeps.
      const coalesce = key !== null && (req.method === "GET" || req.method === "HEAD");
      const inFlight = coalesce ? pageCache!.rendering(key) : undefined;
      if (inFlight) {
        await inFlight;
        const kept = pageCache!.get(key!);
        if (kept) {
          res.setHeader("X-Page-Cache", "hit");
          await sendResponse(res, answerFrom(kept, ifNoneMatch));
          return;
        }
      }
      const rendered = coalesce ? pageCache!.beginRender(key!) : null;
      try {
        const request = remixRequest(req, res);
        const unit = openUnitOfWork(db, site.kind === "tenant" ? { kind: "tenant", tenantId: site.tenant.id } : site.kind === "apex" ? { kind: "operator" } : { kind: "platform" });
        let response: Response;
        try {
          response = await handle(request, { health, env, site, ip: req.ip ?? null, nonce: String(res.locals.nonce), services, unit });
        } catch (error) {
          await unit.finish(false).catch(() => {});
          throw error;
        }
        // The loaders and actions are done (the page renders from their data): commit before answering, so
        // a redirect's next page sees what was written; a failed request writes nothing. A failed commit
        // reaches the error handler (503), never a success page.
        await unit.finish(response.status < 500);
        // Whoever just wrote sees it at once on this instance; other instances within the version's TTL.
        if (pageCache && site.kind === "tenant" && req.method !== "GET" && req.method !== "HEAD") pageCache.forget(site.tenant.id);
        // A province's configuration (name, domains, map…) is part of its host's cached summary.
        if (site.kind === "tenant" && req.method === "POST" && path.startsWith("/admin/config")) forgetTenants(db);
        const { response: answer, page } = await applyCachePolicy({ method: req.method, path }, response);
        if (page && key) {
          pageCache!.set(key, page);
          res.setHeader("X-Page-Cache", "miss");
        }
        rendered?.();
        await sendResponse(res, page ? answerFrom(page, ifNoneMatch) : answer);
        // A body nobody read (a loader answered a POST, an action refused early) is drained, not left
        // hanging.
        if (!req.complete) {
          if (request.body && !request.body.locked) await request.body.cancel().catch(() => {});
          else discardBody(req, res);
        }
      } finally {
        rendered?.();
      }
    } catch (error) {
      next(error);
    }
  };
}

// Null when the province's version cannot be read (then nothing is kept).
async function keyFor(cache: PageCache, tenant: TenantSummary, req: IncomingMessage & { originalUrl: string }): Promise<string | null> {
  const version = await cache.version(tenant.id);
  return version === null ? null : pageKey(tenant, version, req.headers.cookie, req.originalUrl);
}

function remixRequest(req: IncomingMessage & { protocol: string; originalUrl: string }, res: ExpressResponse): Request {
  // The Host header, already checked by siteMiddleware, names the site; the scheme follows the proxy.
  const url = new URL(`${req.protocol}://${req.headers.host}${req.originalUrl}`);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  // Loaders and actions stop once the answer can no longer be written (the client went away).
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = bodyStream(req, res);
    init.duplex = "half";
  }
  return new Request(url, init);
}

// The request body as a web stream with backpressure; cancelling it drains the rest instead of
// destroying the connection the answer still has to go out on.
function bodyStream(req: IncomingMessage, res: ExpressResponse): ReadableStream<Uint8Array> {
  let finished = false;
  const onData = (chunk: Buffer) => {
    current?.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if ((current?.desiredSize ?? 0) <= 0) req.pause();
  };
  let current: ReadableStreamDefaultController<Uint8Array> | null = null;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      current = controller;
      req.on("data", onData);
      req.once("end", () => {
        if (finished) return;
        finished = true;
        controller.close();
      });
      req.once("error", (error) => {
        if (finished) return;
        finished = true;
        controller.error(error);
      });
      req.pause();
    },
    pull() {
      req.resume();
    },
    cancel() {
      finished = true;
      current = null;
      req.off("data", onData);
      discardBody(req, res);
    },
  });
}

/**
 * Writes a fetch Response to Express: status, headers, then the body piped at the client's pace. Not
 * @remix-run/node's writeReadableStreamToWritable, which ignores write() saying the socket is full
 * (react-router issue 15049): a slow client made it read a whole file into memory. Piped, a body is read
 * only as fast as the client takes it and cancelled (closing the file or S3 connection behind it) when
 * the client goes away.
 */
export async function sendResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  // A route's own header replaces the server-wide default (a file's stricter CSP, for one); only
  // Set-Cookie may repeat.
  for (const [key, value] of response.headers.entries()) {
    if (key === "set-cookie") res.append(key, value);
    else res.setHeader(key, value);
  }
  if (!response.body) {
    res.end();
    return;
  }
  try {
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res);
  } catch (error) {
    // The client left: the pipe has cancelled the body already, and there is nobody to answer.
    if ((error as NodeJS.ErrnoException).code === "ERR_STREAM_PREMATURE_CLOSE") return;
    throw error;
  }
}
