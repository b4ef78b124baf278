// Shared frame of the operator commands: parse the environment, open the database with the owner's
// login (DATABASE_OWNER_URL, else DATABASE_URL, else the embedded PGlite), migrate it, run the command,
// always close (PGlite keeps the process alive otherwise) and exit 0 or 1.
import { ownerDatabaseUrl, parseEnv } from "@cong/config/env";
import type { Env } from "@cong/config/env";
import { migrate } from "../migrate.ts";
import type { MigrateResult } from "../migrate.ts";
import { openDb } from "../open-db.ts";
import type { Db } from "../open-db.ts";
import { redact } from "../health.ts";

export type CliContext = { env: Env; db: Db; migrated: MigrateResult };
export type CliOptions = {
  /** How the database is brought up to date before the command; the SQL migrations by default. */
  migrate?: (db: Db) => Promise<MigrateResult>;
};

export async function runCli(name: string, command: (ctx: CliContext) => Promise<number>, options: CliOptions = {}): Promise<never> {
  let code = 1;
  let db: Db | undefined;
  try {
    const env = parseEnv();
    db = await openDb({ databaseUrl: ownerDatabaseUrl(env), dataDir: env.DATA_DIR });
    const where =
      db.kind === "pglite"
        ? `PGlite in ${env.DATA_DIR}/pglite`
        : `PostgreSQL server (${env.DATABASE_OWNER_URL ? "DATABASE_OWNER_URL" : "DATABASE_URL"})`;
    const migrated = await (options.migrate ?? migrate)(db);
    console.log(
      `${name}: ${where}; ${migrated.applied.length} migration(s) applied` +
        (migrated.applied.length ? ` (${migrated.applied.join(", ")})` : "") +
        `, ${migrated.alreadyApplied.length} already applied`,
    );
    code = await command({ env, db, migrated });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${name} failed: ${redact(message)}`);
    code = 1;
  } finally {
    await db?.close().catch(() => {});
  }
  process.exit(code);
}
