// Opens Cổng's database: the embedded PGlite under DATA_DIR by default, or a PostgreSQL server when a
// URL is given. Server-only. The returned `owner` client is the login's unscoped client: opened with the
// owner's URL (operator commands, the embedded database) it sees every tenant, so it is reached through
// ./owner.server.ts; opened with the server's runtime login (production, docs/decisions/0008) it has
// cong_app's rights only. Request code uses withTenant/withPlatform/withOperator either way.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/prisma/client.ts";

/** One SQL connection in a transaction, for running migration scripts (several statements at once). */
export type ScriptTx = {
  /** Runs a script of one or more statements, without parameters. */
  exec(sql: string): Promise<void>;
  query<R extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
};

export type Db = {
  kind: "pglite" | "postgres";
  /**
   * The login's unscoped client. As the owner it sees every tenant: migrations and seeding only. As a
   * runtime login it has cong_app's rights, with no tenant set (row-level security shows nothing).
   */
  owner: PrismaClient;
  /** Runs fn in one owner transaction on the raw driver; commits when fn resolves, rolls back when it throws. */
  script<T>(fn: (tx: ScriptTx) => Promise<T>): Promise<T>;
  /**
   * One statement (or, without values, a script) on the raw driver as the login, outside any transaction:
   * for the job queue's own tables and the start-up checks. Never call it inside withTenant on PGlite:
   * one connection, one lock.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
};

export type OpenDbOptions = { databaseUrl?: string; dataDir?: string };

export async function openDb(options: OpenDbOptions = {}): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(path.join(options.dataDir ?? ".data", "pglite"));
}

async function openPglite(dir: string): Promise<Db> {
  await mkdir(dir, { recursive: true });
  // unaccent and pg_trgm: diacritic-insensitive search ("quang ninh" finds "Quảng Ninh") needs them.
  const lite = await PGlite.create(dir, { extensions: { unaccent, pg_trgm } });
  const owner = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  let closed = false;
  return {
    kind: "pglite",
    owner,
    script: (fn) =>
      lite.transaction((tx) =>
        fn({
          exec: async (sql) => {
            await tx.exec(sql);
          },
          query: async <R extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
            (await tx.query<R>(sql, params)).rows,
        }),
      ),
    async executeSql(text, values) {
      if (values && values.length > 0) return { rows: (await lite.query<Record<string, unknown>>(text, values)).rows };
      const results = await lite.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
    async close() {
      if (closed) return;
      closed = true;
      await owner.$disconnect();
      // Without close() the PGlite process lingers ~10 s; $disconnect() does not close it.
      await lite.close();
    },
  };
}

async function openPostgres(databaseUrl: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client losing its server must not crash the process; the next query reports the problem.
  pool.on("error", () => {});
  const owner = new PrismaClient({ adapter: new PrismaPg(pool) });
  let closed = false;
  return {
    kind: "postgres",
    owner,
    async script(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          exec: async (sql) => {
            // No parameters: the simple query protocol, which takes several statements.
            await client.query(sql);
          },
          query: async <R extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
            (await client.query<R>(sql, params)).rows,
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async executeSql(text, values) {
      return { rows: (await pool.query<Record<string, unknown>>(text, values)).rows };
    },
    async close() {
      if (closed) return;
      closed = true;
      await owner.$disconnect();
      await pool.end();
    },
  };
}
