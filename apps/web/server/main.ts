// The server: parse env (fail fast), open the database, bring it up to date or check that it is, then
// serve the Remix build. SIGTERM/SIGINT close the server and the database.
// Two kinds of database login (docs/decisions/0008): the owner (the embedded PGlite, or one superuser URL
// in development) migrates and seeds the packs at start; a runtime login (production: a member of
// cong_app only) may not, so the server checks that every migration is applied and refuses to start
// otherwise, and tenants come from `npm run tenant:add`.
import http from "node:http";
import { fileURLToPath } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { parseEnv, serverDatabaseProblem, type Env } from "@cong/config/env";
import { formatProblem } from "@cong/config/load";
import path from "node:path";
import { createMailer, createStorage, listTenants, migrateDatabase, resolveTenant, seedDemoFigures, seedDemoPlaces, seedRegulations, startJobs, type Jobs } from "@cong/core";
import { assertMigrated, inspectLogin, openDb, seedTenants, withPlatform, type Login } from "@cong/db";
import { createApp } from "./create-app.ts";
import { answerKeptPages } from "./kept-pages.ts";
import { createPageCache } from "./page-cache.ts";
import { createRemixHandler } from "./remix-handler.ts";
import { ensureDemoAccounts, printDemoAccounts } from "./demo-accounts.ts";
import { resolveSecret } from "./secret.ts";

function readEnv(): Env {
  try {
    const env = parseEnv();
    const problem = serverDatabaseProblem(env);
    if (problem) throw new Error(problem);
    return env;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

const env = readEnv();
let secret: string;
try {
  secret = await resolveSecret(env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const db = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
const outboxDir = path.join(env.DATA_DIR, "outbox");
const mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, outboxDir });
if (mailer.kind === "outbox") console.log(`mail: no SMTP_URL, messages go to ${outboxDir}`);
const storage = env.S3_ENDPOINT
  ? createStorage({
      kind: "s3",
      endpoint: env.S3_ENDPOINT,
      bucket: env.S3_BUCKET!,
      region: env.S3_REGION,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    })
  : createStorage({ kind: "local", dir: path.join(env.DATA_DIR, "uploads") });
console.log(`attachments: ${storage.kind === "s3" ? `S3 bucket ${env.S3_BUCKET} at ${new URL(env.S3_ENDPOINT!).host}` : path.join(env.DATA_DIR, "uploads")}`);
let closing = false;

let jobs: Jobs | undefined;

async function shutdown(code: number) {
  if (closing) return;
  closing = true;
  await jobs?.stop().catch(() => {});
  await db.close().catch(() => {});
  process.exit(code);
}

let login: Login = { name: "", mayMigrate: false };
try {
  login = await inspectLogin(db);
  if (login.mayMigrate) {
    const migrated = await migrateDatabase(db);
    console.log(`database (${db.kind}): ${migrated.applied.length} migration(s) applied, ${migrated.alreadyApplied.length} already applied`);
    if (db.kind === "postgres" && env.NODE_ENV === "production")
      console.warn(
        `database: DATABASE_URL logs in as "${login.name}", which may bypass row-level security; ` +
          "in production give the server a login that is a member of cong_app only (infra/postgres/README.md)",
      );
    const seed = await seedTenants(db, env.TENANTS_DIR, { platformDomain: env.PLATFORM_DOMAIN });
    for (const r of seed.results) console.log(`tenant ${r.slug}: ${r.status}`);
    for (const f of seed.failed) {
      console.error(`tenant pack ${f.dir} was not loaded:`);
      for (const p of f.problems) console.error(`  ${formatProblem(p)}`);
    }
  } else {
    // Not the owner: never migrate nor seed; run only against a database that db:migrate prepared.
    await assertMigrated(db);
    console.log(`database (${db.kind}): runtime login "${login.name}", every migration applied; tenants come from npm run tenant:add`);
  }
  if (env.DATABASE_OWNER_URL && env.NODE_ENV === "production")
    console.warn("database: DATABASE_OWNER_URL is set, but the server never uses it: keep the owner's password out of the server's environment");
} catch (error) {
  console.error(`could not prepare the database: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}

let demoAccounts: Awaited<ReturnType<typeof ensureDemoAccounts>> = [];
if (env.NODE_ENV !== "production" && login.mayMigrate) {
  try {
    demoAccounts = await ensureDemoAccounts(db, env.DATA_DIR);
    for (const r of await seedRegulations(db, env.TENANTS_DIR)) if (r.created > 0) console.log(`tenant ${r.slug}: ${r.created} regulation(s) published as documents`);
    // A month of generated figures per province (marked as demo on the pages), so the charts show something.
    for (const r of await seedDemoFigures(db)) if (r.created > 0) console.log(`tenant ${r.slug}: ${r.created} demo figure(s) generated`);
    // A few dozen demo places per province (marked as demo), so the registries and the map show something.
    for (const r of await seedDemoPlaces(db)) if (r.created > 0) console.log(`tenant ${r.slug}: ${r.created} demo place(s) generated`);
  } catch (error) {
    console.error(`could not prepare the demo accounts: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// Background jobs in the database (pg-boss): scheduled publishing and the deadline engine's round, caught
// up at start for whatever fell due while the server was down.
const tenantUrl = (slug: string) =>
  env.NODE_ENV === "production" ? `https://${slug}.${env.PLATFORM_DOMAIN}` : `http://${slug}.${env.PLATFORM_DOMAIN}:${env.PORT}`;
try {
  jobs = await startJobs({ db, mailer, tenantUrl, pollSeconds: env.SCHEDULER_INTERVAL, log: (line) => console.log(line) });
} catch (error) {
  console.error(`could not start the background jobs: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}

const buildDir = fileURLToPath(new URL("../build/", import.meta.url));
const build = (await import(new URL("../build/server/index.js", import.meta.url).href)) as ServerBuild;

const pageCache = env.PAGE_CACHE_MB > 0 ? createPageCache({ db, maxBytes: env.PAGE_CACHE_MB * 1024 * 1024 }) : undefined;
const app = createApp({
  env,
  db,
  resolve: (host) => resolveTenant(db, host),
  clientDir: `${buildDir}client`,
  handler: createRemixHandler({ build, env, db, pageCache, services: { mailer, secret, outboxDir, storage, jobs: jobs! } }),
});

// Kept public pages are answered before Express (kept-pages.ts); everything else goes to the app.
const listener = pageCache ? answerKeptPages({ db, pageCache, platformDomain: env.PLATFORM_DOMAIN, production: env.NODE_ENV === "production" }, app) : app;
const server = http.createServer(listener).listen(env.PORT, env.HOST, async () => {
  const port = env.PORT;
  console.log(`Cổng listening on ${env.HOST}:${port}`);
  console.log(`  platform: http://${env.PLATFORM_DOMAIN}:${port}`);
  for (const t of await withPlatform(db, (tx) => listTenants({ tx }))) console.log(`  ${t.slug}: http://${t.slug}.${env.PLATFORM_DOMAIN}:${port}`);
  // The embedded demo's sign-in details; never in production, where accounts come from user:create.
  if (env.NODE_ENV !== "production") printDemoAccounts(demoAccounts, env.PLATFORM_DOMAIN, port);
});
server.on("error", async (error) => {
  console.error(`could not listen on ${env.HOST}:${env.PORT}: ${error.message}`);
  await shutdown(1);
});

function stop(signal: string) {
  if (closing) return;
  console.log(`${signal}: shutting down`);
  server.close(() => void shutdown(0));
  server.closeIdleConnections();
  // Browsers hold keep-alive connections open; do not wait for them forever.
  setTimeout(() => {
    server.closeAllConnections();
    void shutdown(0);
  }, 3_000).unref();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
