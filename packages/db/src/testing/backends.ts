// Test helper: runs a block of tests against both backends, PGlite in a temporary folder and a fresh
// database on the PostgreSQL server (TEST_POSTGRES_URL). Without a reachable server the PostgreSQL
// block is skipped with the reason in its title, or fails when CI is set.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, it } from "vitest";
import { migrate } from "../migrate.ts";
import { openDb } from "../open-db.ts";
import type { Db } from "../open-db.ts";

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function probeServer(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

const serverProblem = await probeServer();

export type Backend = {
  kind: Db["kind"];
  /** Why this backend is skipped, if it is. */
  skip?: string;
  /** A fresh, empty database (opened as the owner; `url` on a server) and how to throw it away. */
  create(): Promise<{ db: Db; url?: string; dispose(): Promise<void> }>;
};

const pglite: Backend = {
  kind: "pglite",
  async create() {
    const dataDir = await mkdtemp(path.join(tmpdir(), "cong-db-test-"));
    const db = await openDb({ dataDir });
    return {
      db,
      async dispose() {
        await db.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: Backend = {
  kind: "postgres",
  skip: serverProblem && !process.env.CI ? `PostgreSQL server unreachable at ${new URL(TEST_POSTGRES_URL).host}: ${serverProblem}` : undefined,
  async create() {
    if (serverProblem) throw new Error(`PostgreSQL server unreachable (CI is set, so this fails): ${serverProblem}`);
    const name = `cong_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = withDatabase(TEST_POSTGRES_URL, name);
    const db = await openDb({ databaseUrl: url });
    return {
      db,
      url,
      async dispose() {
        await db.close();
        const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      },
    };
  },
};

export const backends: Backend[] = [pglite, postgres];

if (postgres.skip) console.warn(`[@cong/db tests] PostgreSQL backend skipped: ${postgres.skip} (set CI to make this a failure)`);

/**
 * `describe` once per backend, with something opened on it before the block's tests (`open`) and closed
 * after them; the body gets a getter for it. A skipped backend shows as one skipped test with the reason.
 */
export function describeEach<T>(
  title: string,
  open: (backend: Backend) => Promise<T>,
  close: (opened: T) => Promise<void>,
  body: (get: () => T, kind: Db["kind"]) => void,
  options: { setupTimeout?: number } = {},
) {
  for (const backend of backends) {
    if (backend.skip) {
      describe(`${title} [${backend.kind}]`, () => {
        it.skip(`skipped: ${backend.skip}`, () => {});
      });
      continue;
    }
    describe(`${title} [${backend.kind}]`, () => {
      let current: T | undefined;
      beforeAll(async () => {
        current = await open(backend);
      }, options.setupTimeout);
      afterAll(async () => {
        if (current !== undefined) await close(current);
      });
      body(() => {
        if (current === undefined) throw new Error(`${title}: not opened yet`);
        return current;
      }, backend.kind);
    });
  }
}

/**
 * `describe` once per backend. The body gets a getter for the database, created (and migrated unless
 * `migrated: false`) before the block's tests and dropped after them.
 */
export function describeBackends(title: string, body: (ctx: { db: () => Db; kind: Db["kind"] }) => void, options: { migrated?: boolean } = {}) {
  describeEach(
    title,
    async (backend) => {
      const created = await backend.create();
      if (options.migrated !== false) await migrate(created.db);
      return created;
    },
    (created) => created.dispose(),
    (get, kind) => body({ kind, db: () => get().db }),
  );
}
