// The real server in-process for HTTP tests on both databases: the built Remix app (run `npm run build`
// first; scripts/test.sh builds before Vitest) behind the real Express app, on a fresh PGlite folder or a
// fresh database on the PostgreSQL server, migrated and seeded with the three provinces' packs and their
// regulations, with real accounts, real storage on disk, the file mail outbox and the real job queue.
// Tests talk to it over HTTP with any Host header and can look at the database directly.
import http from "node:http";
import { mkdtemp, rm, stat, readdir } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { parseEnv } from "@cong/config/env";
import { createMailer, createStorage, listTenants, resolveTenant, startJobs, type Jobs } from "@cong/core";
import { openDb, withPlatform, type Db } from "@cong/db";
import { createPrepared, createRuntimeLogin, type Backend, type RuntimeLogin } from "@cong/db/testing";
import { createApp } from "../../server/create-app.ts";
import { answerKeptPages } from "../../server/kept-pages.ts";
import { createPageCache } from "../../server/page-cache.ts";
import { createRemixHandler } from "../../server/remix-handler.ts";
import { Client } from "./client.ts";
import { ACCOUNTS, PASSWORD, PROVINCES_TEMPLATE, seedProvinces, type AccountKey } from "./provinces.ts";

const webDir = fileURLToPath(new URL("../../", import.meta.url));
const repoRoot = path.resolve(webDir, "../..");
const SECRET = "http-tests-only-secret-0123456789abcdef0123456789";
export { ACCOUNTS, PASSWORD, TENANTS_DIR, type AccountKey } from "./provinces.ts";
export type TestServer = {
  /** The database as its owner, for looking at what requests did (the server itself logs in as below). */
  db: Db;
  /** The database the server itself uses: a runtime login on the PostgreSQL server, the same PGlite. */
  servedDb: Db;
  /** How many transactions the server has opened so far (on the database it serves from). */
  transactions(): number;
  /** The prepared database, for a second instance to join (TestServerOptions.alongside). */
  database: { db: Db; url?: string; tenants: Map<string, string>; dispose(): Promise<void> };
  port: number;
  /** The id of each province by slug. */
  tenants: Map<string, string>;
  dataDir: string;
  /** A new browser-like client (its own cookies) on a province's host, or the apex with null. */
  client(slug: string | null): Client;
  /** A client signed in as one of ACCOUNTS through the real sign-in form. */
  signedIn(key: AccountKey): Promise<Client>;
  close(): Promise<void>;
};

// The build the tests run must be the code under test: refuse a missing or older build, by name.
async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestMtime(full));
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, (await stat(full)).mtimeMs);
  }
  return newest;
}

let buildPromise: Promise<ServerBuild> | undefined;
export function loadBuild(): Promise<ServerBuild> {
  buildPromise ??= (async () => {
    const entry = path.join(webDir, "build/server/index.js");
    const built = await stat(entry).catch(() => null);
    if (!built) throw new Error("apps/web/build is missing: run `npm run build` before the HTTP tests (npm test does)");
    const bundled = [path.join(webDir, "app"), ...["i18n", "authz", "schedule"].map((p) => path.join(repoRoot, "packages", p, "src"))];
    const sources = Math.max(...(await Promise.all(bundled.map(newestMtime))));
    if (sources > built.mtimeMs) throw new Error("apps/web/build is older than the app's sources: run `npm run build` before the HTTP tests");
    return (await import(pathToFileURL(entry).href)) as ServerBuild;
  })();
  return buildPromise;
}

/**
 * env: variables over the test server's own (e.g. a small SIGNIN_ATTEMPTS, a TRUST_PROXY).
 * alongside: a second app instance on the first one's database (its own page cache, queue and login).
 */
export type TestServerOptions = { env?: Record<string, string>; alongside?: TestServer };

type Database = { db: Db; url?: string; tenants: Map<string, string>; dispose(): Promise<void> };

// A fresh database as seedProvinces leaves one: a copy of the run's template when there is one.
async function prepareDatabase(backend: Backend): Promise<Database> {
  const created = await createPrepared(backend, PROVINCES_TEMPLATE, seedProvinces);
  try {
    const tenants = new Map((await withPlatform(created.db, (tx) => listTenants({ tx }))).map((t) => [t.slug, t.id]));
    return { db: created.db, url: created.url, tenants, dispose: () => created.dispose() };
  } catch (error) {
    await created.dispose();
    throw error;
  }
}

/** A second app instance on a running test server's database, as a second machine behind the proxy. */
export function startInstanceAlongside(first: TestServer, options: Omit<TestServerOptions, "alongside"> = {}): Promise<TestServer> {
  return startTestServer(null, { ...options, alongside: first });
}

export async function startTestServer(backend: Backend | null, options: TestServerOptions = {}): Promise<TestServer> {
  const build = await loadBuild();
  const shared = options.alongside?.database;
  if (!shared && !backend) throw new Error("startTestServer: a backend, or a server to run alongside");
  const database = shared ?? (await prepareDatabase(backend!));
  const { db, tenants } = database;
  const dataDir = await mkdtemp(path.join(tmpdir(), "cong-http-"));
  let jobs: Jobs | undefined;
  let server: Server | undefined;
  let served: Db | undefined;
  let login: RuntimeLogin | undefined;
  const release = async () => {
    await served?.close().catch(() => {});
    if (!shared) await database.dispose();
    await login?.drop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const env = parseEnv({ NODE_ENV: "production", PLATFORM_DOMAIN: "localhost", DATA_DIR: dataDir, SESSION_SECRET: SECRET, SIGNIN_ATTEMPTS: "10000", ...options.env });
    // On the PostgreSQL server the app logs in as production does: a member of cong_app only. PGlite is
    // one process's database: instances in this process share it.
    if (database.url) {
      login = await createRuntimeLogin(database.url);
      served = await openDb({ databaseUrl: login.url });
    }
    const runtime = served ?? options.alongside?.servedDb ?? db;
    const outboxDir = path.join(dataDir, "outbox");
    const mailer = createMailer({ from: env.MAIL_FROM, outboxDir });
    const storage = createStorage({ kind: "local", dir: path.join(dataDir, "uploads") });
    // The real queue; its workers poll rarely, so the only background writes happen at start.
    jobs = await startJobs({ db: runtime, mailer, tenantUrl: (slug) => `http://${slug}.localhost`, pollSeconds: 3600, log: () => {} });
    const pageCache = env.PAGE_CACHE_MB > 0 ? createPageCache({ db: runtime, maxBytes: env.PAGE_CACHE_MB * 1024 * 1024 }) : undefined;
    // Every transaction the server opens, counted (a request should open one: its unit of work).
    const counted = runtime.owner as unknown as { $transaction: (...args: unknown[]) => Promise<unknown> };
    const original = counted.$transaction.bind(counted);
    let transactions = 0;
    counted.$transaction = (...args: unknown[]) => {
      transactions++;
      return original(...args);
    };
    const app = createApp({
      env,
      db: runtime,
      resolve: (host) => resolveTenant(runtime, host),
      clientDir: path.join(webDir, "build/client"),
      handler: createRemixHandler({ build, env, db: runtime, pageCache, services: { mailer, secret: SECRET, outboxDir, storage, jobs } }),
    });
    // As main.ts: kept public pages answered before Express.
    server = http.createServer(pageCache ? answerKeptPages({ db: runtime, pageCache, platformDomain: env.PLATFORM_DOMAIN, production: env.NODE_ENV === "production" }, app) : app).listen(0, "127.0.0.1");
    await new Promise((resolve) => server!.once("listening", resolve));
    const port = (server.address() as AddressInfo).port;
    const client = (slug: string | null) => new Client(port, slug === null ? "localhost" : `${slug}.localhost`);
    return {
      db,
      servedDb: runtime,
      transactions: () => transactions,
      database,
      port,
      tenants,
      dataDir,
      client,
      async signedIn(key) {
        const a = ACCOUNTS[key];
        const c = client(a.slug);
        await c.signIn(a.email, PASSWORD);
        return c;
      },
      async close() {
        server?.closeAllConnections();
        await new Promise<void>((resolve) => server!.close(() => resolve()));
        await jobs?.stop();
        await release();
      },
    };
  } catch (error) {
    server?.close();
    await jobs?.stop().catch(() => {});
    await release();
    throw error;
  }
}
