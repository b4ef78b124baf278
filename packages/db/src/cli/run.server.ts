// Shared frame of the db CLIs: parse the environment, open and migrate the database, run the command,
// always close (PGlite keeps the process alive otherwise) and exit 0 or 1.
import { parseEnv } from "@cong/config/env";
import type { Env } from "@cong/config/env";
import { migrate } from "../migrate.ts";
import type { MigrateResult } from "../migrate.ts";
import { openDb } from "../open-db.ts";
import type { Db } from "../open-db.ts";
import { redact } from "../health.ts";

export type CliContext = { env: Env; db: Db; migrated: MigrateResult };

export async function runCli(name: string, command: (ctx: CliContext) => Promise<number>): Promise<never> {
  let code = 1;
  let db: Db | undefined;
  try {
    const env = parseEnv();
    db = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    const where = db.kind === "pglite" ? `PGlite in ${env.DATA_DIR}/pglite` : "PostgreSQL server (DATABASE_URL)";
    const migrated = await migrate(db);
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
