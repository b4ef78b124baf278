// Applies the hand-written SQL migrations in prisma/migrations/<stamp>_<name>/migration.sql (Prisma's
// schema engine cannot be downloaded here). Each pending migration runs in its own transaction as the
// owner and is recorded with a checksum; an applied migration whose file changed is refused, because
// the database no longer matches what the file says.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "./open-db.ts";

export type MigrateOptions = { migrationsDir?: string };
export type MigrateResult = { applied: string[]; alreadyApplied: string[]; migrationsDir: string };

/** Walks up from each start until a folder containing prisma/migrations is found. */
export function findMigrationsDir(starts: string[] = [path.dirname(fileURLToPath(import.meta.url)), process.cwd()]): string {
  for (const start of starts) {
    let dir = path.resolve(start);
    for (;;) {
      const candidate = path.join(dir, "prisma", "migrations");
      if (existsSync(candidate)) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`cannot find prisma/migrations above ${starts.join(" or ")}`);
}

export function checksum(sql: string): string {
  // Line endings do not change what a migration does (a Windows checkout must not look "edited").
  return createHash("sha256").update(sql.replace(/\r\n/g, "\n")).digest("hex");
}

type MigrationFile = { name: string; sql: string; checksum: string };

async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const file = path.join(dir, name, "migration.sql");
    if (!existsSync(file)) continue;
    const sql = await readFile(file, "utf8");
    files.push({ name, sql, checksum: checksum(sql) });
  }
  return files;
}

const CREATE_TABLE = `
  create table if not exists _cong_migrations (
    name text primary key,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`;
// Two processes migrating at once (two app instances starting) take turns.
const LOCK = "select pg_advisory_xact_lock(7020251122)";

const notOwner = (name: string) =>
  `the database login "${name}" is not the owner (a superuser or a role with BYPASSRLS that owns Cổng's tables): ` +
  "migrations, db:seed, tenant:add and user:create run with the owner's login; set DATABASE_OWNER_URL to it (infra/postgres/README.md)";

export type Login = {
  /** The role the connection logged in as. */
  name: string;
  /** Superuser or BYPASSRLS: may migrate and seed. A runtime login (member of cong_app only) may not. */
  mayMigrate: boolean;
};

/** Who the database connection is: the owner, or a runtime login that must not migrate. */
export async function inspectLogin(db: Db): Promise<Login> {
  const [me] = await db.owner.$queryRaw<{ name: string; may: boolean }[]>`
    select current_user::text as name, (rolsuper or rolbypassrls) as may from pg_roles where rolname = current_user`;
  return { name: me?.name ?? "unknown", mayMigrate: me?.may ?? false };
}

export type MigrationStatus = { pending: string[]; changed: string[] };

/**
 * Compares the migration files with what the database recorded, without changing anything: what a
 * runtime login checks at start instead of migrating. Throws when the record cannot be read.
 */
export async function migrationStatus(db: Db, options: MigrateOptions = {}): Promise<MigrationStatus> {
  const files = await readMigrations(options.migrationsDir ?? findMigrationsDir());
  const { rows } = await db.executeSql("select name, checksum from _cong_migrations", []);
  const applied = new Map(rows.map((r) => [String(r.name), String(r.checksum)]));
  return {
    pending: files.filter((f) => !applied.has(f.name)).map((f) => f.name),
    changed: files.filter((f) => applied.has(f.name) && applied.get(f.name) !== f.checksum).map((f) => f.name),
  };
}

/**
 * The server's start-up check when its login may not migrate: every migration applied, none edited
 * since. Otherwise it throws a message that says what to run.
 */
export async function assertMigrated(db: Db, options: MigrateOptions = {}): Promise<void> {
  const run = "Run `npm run db:migrate` with the owner's login (DATABASE_OWNER_URL), then start the server again.";
  let status: MigrationStatus;
  try {
    status = await migrationStatus(db, options);
  } catch (error) {
    // No table yet (42P01), or one this login may not read (42501: created before the grant in
    // 20261128110000_runtime_login): either way the database is older than the code.
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`the database has not been migrated for this version of Cổng (cannot read _cong_migrations: ${message}). ${run}`);
  }
  if (status.changed.length > 0)
    throw new Error(`migration(s) changed since they were applied: ${status.changed.join(", ")}. Restore the original file(s); put changes in a new migration.`);
  if (status.pending.length > 0)
    throw new Error(`the database is missing ${status.pending.length} migration(s): ${status.pending.join(", ")}. ${run}`);
}

export async function migrate(db: Db, options: MigrateOptions = {}): Promise<MigrateResult> {
  const migrationsDir = options.migrationsDir ?? findMigrationsDir();
  const files = await readMigrations(migrationsDir);

  const applied = new Map<string, string>();
  await db.script(async (tx) => {
    await tx.query(LOCK);
    const [me] = await tx.query<{ name: string; ok: boolean }>(
      "select current_user::text as name, (rolsuper or rolbypassrls) as ok from pg_roles where rolname = current_user",
    );
    // Row-level security is forced on every table: an owner without BYPASSRLS could not seed tenants.
    if (me && !me.ok) throw new Error(notOwner(me.name));
    await tx.exec(CREATE_TABLE);
    for (const row of await tx.query<{ name: string; checksum: string }>("select name, checksum from _cong_migrations")) {
      applied.set(row.name, row.checksum);
    }
  });

  const changed = files.filter((f) => applied.has(f.name) && applied.get(f.name) !== f.checksum);
  if (changed.length > 0) {
    throw new Error(
      `refusing to migrate: already applied migration(s) changed since they ran: ${changed.map((f) => f.name).join(", ")}. ` +
        "Restore the original file(s) and put the change in a new migration.",
    );
  }

  const result: MigrateResult = { applied: [], alreadyApplied: [], migrationsDir };
  for (const file of files) {
    if (applied.has(file.name)) {
      result.alreadyApplied.push(file.name);
      continue;
    }
    const ran = await db.script(async (tx) => {
      await tx.query(LOCK);
      const [done] = await tx.query<{ checksum: string }>("select checksum from _cong_migrations where name = $1", [file.name]);
      if (done) {
        if (done.checksum !== file.checksum) throw new Error(`refusing to migrate: ${file.name} changed since it ran`);
        return false; // applied by a concurrent process meanwhile
      }
      try {
        await tx.exec(file.sql);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`migration ${file.name} failed: ${message}`, { cause: error });
      }
      await tx.query("insert into _cong_migrations (name, checksum, applied_at) values ($1, $2, now())", [file.name, file.checksum]);
      return true;
    });
    (ran ? result.applied : result.alreadyApplied).push(file.name);
  }
  return result;
}
