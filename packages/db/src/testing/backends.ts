// Test helper: the two backends every database test runs on, PGlite in a temporary folder and a fresh
// database on the PostgreSQL server (TEST_POSTGRES_URL); without a reachable server the PostgreSQL one
// is skipped (./describe.ts says why in the block's title), or fails when CI is set. Each can also make
// a template, a database prepared once per run that blocks copy (./templates.ts). No Vitest import: the
// run's global setup uses this module outside a worker.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
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
  /**
   * A fresh database (opened as the owner; `url` on a server) and how to throw it away: empty, or a copy
   * of a template prepared for this run (a PGlite folder, a server database).
   */
  create(from?: TemplateRef): Promise<Created>;
  /**
   * A template for this run: a database prepared once (from empty, or from a copy of another template
   * of this backend) and closed; where it is, and how to remove it.
   */
  template(name: string, prepare: (db: Db) => Promise<unknown>, from?: string): Promise<{ ref: string; dispose(): Promise<void> }>;
};
export type Created = { db: Db; url?: string; dispose(): Promise<void> };
/** Where a template of each backend is: a closed PGlite data folder, a database on the server. */
export type TemplateRef = { pglite?: string; postgres?: string };


const pglite: Backend = {
  kind: "pglite",
  async create(from) {
    const dataDir = await mkdtemp(path.join(tmpdir(), "cong-db-test-"));
    // A closed PGlite folder copied opens in a second where a new one takes four (initdb).
    if (from?.pglite) await cp(from.pglite, dataDir, { recursive: true });
    const db = await openDb({ dataDir });
    return {
      db,
      async dispose() {
        await db.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
  async template(name, prepare, from) {
    const dataDir = await mkdtemp(path.join(tmpdir(), `cong-template-${name}-`));
    const remove = () => rm(dataDir, { recursive: true, force: true });
    if (from) await cp(from, dataDir, { recursive: true });
    await prepareClosed(await openDb({ dataDir }), prepare, remove);
    return { ref: dataDir, dispose: remove };
  },
};

const postgres: Backend = {
  kind: "postgres",
  skip: serverProblem && !process.env.CI ? `PostgreSQL server unreachable at ${new URL(TEST_POSTGRES_URL).host}: ${serverProblem}` : undefined,
  async create(from) {
    const name = await newServerDatabase("cong_test", from?.postgres);
    const url = withDatabase(TEST_POSTGRES_URL, name);
    const db = await openDb({ databaseUrl: url });
    return {
      db,
      url,
      async dispose() {
        await db.close();
        await onServer(`drop database if exists ${name} with (force)`);
      },
    };
  },
  async template(name, prepare, from) {
    const ref = await newServerDatabase(`cong_template_${name}`, from);
    const dispose = () => onServer(`drop database if exists ${ref} with (force)`);
    // A database is copied only while nobody is connected to it: closed once prepared.
    await prepareClosed(await openDb({ databaseUrl: withDatabase(TEST_POSTGRES_URL, ref) }), prepare, dispose);
    return { ref, dispose };
  },
};

/** Prepares a template's database and closes it; if preparing fails, removes it too. */
async function prepareClosed(db: Db, prepare: (db: Db) => Promise<unknown>, remove: () => Promise<void>): Promise<void> {
  try {
    await prepare(db);
  } catch (error) {
    await db.close();
    await remove();
    throw error;
  }
  await db.close();
}

/** A new database on the server, empty or a copy of `template`; its name. */
async function newServerDatabase(prefix: string, template?: string): Promise<string> {
  if (serverProblem) throw new Error(`PostgreSQL server unreachable (CI is set, so this fails): ${serverProblem}`);
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await onServer(template ? `create database ${name} template ${template}` : `create database ${name}`);
  return name;
}

/** One statement on the server as its admin login (TEST_POSTGRES_URL unless another is given). */
export async function onServer(sql: string, url = TEST_POSTGRES_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export const backends: Backend[] = [pglite, postgres];

if (postgres.skip) console.warn(`[@cong/db tests] PostgreSQL backend skipped: ${postgres.skip} (set CI to make this a failure)`);
