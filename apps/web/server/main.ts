// The server: parse env (fail fast), open + migrate the database, seed the tenant packs, then serve
// the Remix build. SIGTERM/SIGINT close the server and the database.
import { fileURLToPath } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { parseEnv, type Env } from "@cong/config/env";
import { formatProblem } from "@cong/config/load";
import path from "node:path";
import { createMailer, createStorage, listTenants, resolveTenant, seedRegulations, startJobs, type Jobs } from "@cong/core";
import { migrate, openDb, seedTenants } from "@cong/db";
import { createApp } from "./create-app.ts";
import { createRemixHandler } from "./remix-handler.ts";
import { ensureDemoAccounts, printDemoAccounts } from "./demo-accounts.ts";
import { resolveSecret } from "./secret.ts";

function readEnv(): Env {
  try {
    return parseEnv();
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

try {
  const migrated = await migrate(db);
  console.log(`database (${db.kind}): ${migrated.applied.length} migration(s) applied, ${migrated.alreadyApplied.length} already applied`);
  const seed = await seedTenants(db, env.TENANTS_DIR, { platformDomain: env.PLATFORM_DOMAIN });
  for (const r of seed.results) console.log(`tenant ${r.slug}: ${r.status}`);
  for (const f of seed.failed) {
    console.error(`tenant pack ${f.dir} was not loaded:`);
    for (const p of f.problems) console.error(`  ${formatProblem(p)}`);
  }
} catch (error) {
  console.error(`could not prepare the database: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}

let demoAccounts: Awaited<ReturnType<typeof ensureDemoAccounts>> = [];
if (env.NODE_ENV !== "production") {
  try {
    demoAccounts = await ensureDemoAccounts(db, env.DATA_DIR);
    for (const r of await seedRegulations(db, env.TENANTS_DIR)) if (r.created > 0) console.log(`tenant ${r.slug}: ${r.created} regulation(s) published as documents`);
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

const app = createApp({
  env,
  db,
  resolve: (host) => resolveTenant(db, host),
  clientDir: `${buildDir}client`,
  handler: createRemixHandler({ build, env, db, services: { mailer, secret, outboxDir, storage, jobs: jobs! } }),
});

const server = app.listen(env.PORT, env.HOST, async () => {
  const port = env.PORT;
  console.log(`Cổng listening on ${env.HOST}:${port}`);
  console.log(`  platform: http://${env.PLATFORM_DOMAIN}:${port}`);
  for (const t of await listTenants(db)) console.log(`  ${t.slug}: http://${t.slug}.${env.PLATFORM_DOMAIN}:${port}`);
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
