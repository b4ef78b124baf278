// The server's production login (docs/decisions/0008): a role that may log in and is a member of cong_app
// only. A SQL injection inside a request's transaction that undoes `SET LOCAL ROLE cong_app` gains
// nothing, and everything the server does at run time works with that login: scoped reads and writes,
// health, the platform console, the job queue, the start-up check. PostgreSQL only: the embedded PGlite
// has one user.
import { appendFile, cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertMigrated, checkDb, findMigrationsDir, inspectLogin, loadPack, migrate, openDb, withTenant, type Db } from "@cong/db";
import { backends, createRuntimeLogin, inUnit, fixturePack, tempTenantsDir, type RuntimeLogin } from "@cong/db/testing";
import { listUsers } from "./accounts/list-users.ts";
import { createUser } from "./accounts/create-user.ts";
import { SYSTEM_ACTOR } from "./audit/record-audit.ts";
import { startJobs, type Jobs } from "./jobs/start-jobs.ts";
import { createMailer } from "./mail/mailer.ts";
import { migrateDatabase } from "./migrate-database.ts";
import { listTenants } from "./tenants/list-tenants.ts";
import { platformOverview } from "./tenants/platform-overview.ts";

const postgres = backends.find((b) => b.kind === "postgres")!;
const REFUSED = /permission denied|must be owner|must be superuser|must have admin option|row-level security|42501/i;

async function until(check: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("timed out");
}

describe("the server's runtime login [postgres]", () => {
  if (postgres.skip) {
    it.skip(`skipped: ${postgres.skip}`, () => {});
    return;
  }
  let owner: { db: Db; url?: string; dispose(): Promise<void> };
  let login: RuntimeLogin;
  let web: Db;
  let tenantsDir = "";
  let outbox = "";
  let a = "";
  let b = "";
  const running: Jobs[] = [];

  /** Runs sql inside a request transaction of tenant A after the injection's RESET ROLE. */
  const afterReset = (sql: string) =>
    withTenant(web, a, async (tx) => {
      await tx.$executeRawUnsafe("RESET ROLE");
      return tx.$queryRawUnsafe<Record<string, unknown>[]>(sql);
    });

  beforeAll(async () => {
    owner = await postgres.create();
    // What `npm run db:migrate` and `npm run tenant:add` do, with the owner's login.
    await migrateDatabase(owner.db);
    tenantsDir = await tempTenantsDir();
    await loadPack(owner.db, await fixturePack(tenantsDir, { slug: "tinh-a" }));
    await loadPack(owner.db, await fixturePack(tenantsDir, { slug: "tinh-b" }));
    const rows = await owner.db.owner.tenant.findMany({ select: { id: true, slug: true } });
    a = rows.find((r) => r.slug === "tinh-a")!.id;
    b = rows.find((r) => r.slug === "tinh-b")!.id;
    const accounts = [
      { tenantId: a, email: "admin@tinh-a.vn", roles: ["admin"] },
      { tenantId: a, email: "editor@tinh-a.vn", roles: ["editor"] },
      { tenantId: b, email: "editor@tinh-b.vn", roles: ["editor"] },
    ];
    for (const u of accounts) {
      const created = await inUnit(owner.db, u.tenantId, (tx) => createUser({ tx, tenantId: u.tenantId, input: { email: u.email, name: "U", roles: u.roles, agencies: ["so-y-te"] }, actor: SYSTEM_ACTOR }));
      expect(created.ok).toBe(true);
    }
    // The server's login, as a DBA creates it for production.
    login = await createRuntimeLogin(owner.url!);
    web = await openDb({ databaseUrl: login.url });
    outbox = await mkdtemp(path.join(tmpdir(), "cong-runtime-login-"));
  });
  afterAll(async () => {
    for (const j of running) await j.stop();
    await web?.close();
    await login?.drop();
    await owner?.dispose();
    await rm(tenantsDir, { recursive: true, force: true });
    await rm(outbox, { recursive: true, force: true });
  });

  it("is a member of cong_app only, and may not migrate", async () => {
    expect(await inspectLogin(web)).toEqual({ name: login.name, mayMigrate: false });
    const [me] = await web.owner.$queryRaw<{ superuser: boolean; bypass: boolean; member_of: string[] }[]>`
      select r.rolsuper as superuser, r.rolbypassrls as bypass,
             array(select g.rolname::text from pg_auth_members m join pg_roles g on g.oid = m.roleid where m.member = r.oid) as member_of
      from pg_roles r where r.rolname = current_user`;
    expect(me).toEqual({ superuser: false, bypass: false, member_of: ["cong_app"] });
    await expect(migrate(web)).rejects.toThrow(/"cong_test_web_\w+" is not the owner.*DATABASE_OWNER_URL/);
    // what the server checks at start instead
    await expect(assertMigrated(web)).resolves.toBeUndefined();
  });

  it("gains nothing from RESET ROLE inside a request: another province's rows stay invisible", async () => {
    const seen = await withTenant(web, a, async (tx) => {
      await tx.$executeRawUnsafe("RESET ROLE");
      const [who] = await tx.$queryRaw<{ me: string }[]>`select current_user::text as me`;
      const count = async (table: string, tenantId: string) =>
        (await tx.$queryRawUnsafe<{ n: number }[]>(`select count(*)::int as n from "${table}" where tenant_id = $1::uuid`, tenantId))[0]!.n;
      return { who: who!.me, ownAgencies: await count("agency", a), otherAgencies: await count("agency", b), otherUsers: await count("app_user", b) };
    });
    expect(seen).toEqual({ who: login.name, ownAgencies: expect.any(Number), otherAgencies: 0, otherUsers: 0 });
    expect(seen.ownAgencies).toBeGreaterThan(0);
    // The same injection on the owner's login (how the server connected before) sees every province.
    const asOwner = await withTenant(owner.db, a, async (tx) => {
      await tx.$executeRawUnsafe("RESET ROLE");
      return (await tx.$queryRaw<{ n: number }[]>`select count(*)::int as n from agency where tenant_id = ${b}::uuid`)[0]!.n;
    });
    expect(asOwner).toBeGreaterThan(0);
  });

  it("cannot become anyone else", async () => {
    for (const sql of ["SET ROLE postgres", "SET SESSION AUTHORIZATION postgres", "ALTER ROLE CURRENT_USER BYPASSRLS", "GRANT postgres TO CURRENT_USER"]) {
      await expect(afterReset(sql), sql).rejects.toThrow(REFUSED);
    }
  });

  it("after RESET ROLE, DDL and writes outside row-level security are refused", async () => {
    const refused = [
      "create table public.intruder (x int)",
      "create table pgboss.intruder (x int)",
      "create function public.intruder() returns int language sql as 'select 1'",
      "alter table agency disable row level security",
      "alter table agency no force row level security",
      "drop policy agency_tenant_isolation on agency",
      "drop table agency",
      "truncate agency",
      `insert into tenant (slug) values ('intruder')`,
      "update tenant set slug = 'intruder'",
      "delete from tenant",
      "insert into _cong_migrations (name, checksum) values ('29990101000000_intruder', 'x')",
      "delete from _cong_migrations",
      `insert into agency (tenant_id, key, names, kind) values ('${b}', 'intruder', '{}', 'other')`,
    ];
    for (const sql of refused) await expect(afterReset(sql), sql).rejects.toThrow(REFUSED);
    expect(await owner.db.owner.tenant.count()).toBe(2);
    expect(await owner.db.owner.agency.count({ where: { key: "intruder" } })).toBe(0);
  });

  it("does the server's work: health, scoped reads and writes, the platform console", async () => {
    expect(await checkDb(web)).toEqual({ ok: true });
    expect((await inUnit(web, { kind: "platform" }, (tx) => listTenants({ tx }))).map((t) => t.slug)).toEqual(["tinh-a", "tinh-b"]);
    const created = await inUnit(web, a, (tx) => createUser({ tx, tenantId: a, input: { email: "new@tinh-a.vn", name: "New", roles: ["editor"], agencies: ["so-y-te"] }, actor: SYSTEM_ACTOR }));
    expect(created.ok).toBe(true);
    expect((await inUnit(web, a, (tx) => listUsers({ tx, tenantId: a }))).map((u) => u.email)).toEqual(["admin@tinh-a.vn", "editor@tinh-a.vn", "new@tinh-a.vn"]);
    const overview = await inUnit(web, null, (tx) => platformOverview({ tx }));
    expect(overview.map((t) => ({ slug: t.slug, domains: t.domains, activeUsers: t.activeUsers, admins: t.admins }))).toEqual([
      { slug: "tinh-a", domains: ["tinh-a.example.vn"], activeUsers: 3, admins: 1 },
      { slug: "tinh-b", domains: ["tinh-b.example.vn"], activeUsers: 1, admins: 0 },
    ]);
    // The counts answer only in the operator's scope, not in a province's.
    const inTenant = await withTenant(web, a, (tx) => tx.$queryRaw<unknown[]>`select * from platform_tenant_accounts()`);
    expect(inTenant).toEqual([]);
  });

  it("starts the job queue and runs its jobs", async () => {
    const jobs = await startJobs({
      db: web,
      mailer: createMailer({ from: "t@cong.vn", outboxDir: outbox }),
      tenantUrl: (slug) => `http://${slug}.localhost`,
      pollSeconds: 0.5,
      log: () => {},
    });
    running.push(jobs);
    await jobs.nudgeDeadlines();
    const completed = async (queue: string) =>
      Number((await owner.db.executeSql("select count(*)::int as n from pgboss.job where name = $1 and state = 'completed'", [queue])).rows[0]?.n);
    // the jobs queued at start, fetched, run (a deadline round over both provinces) and completed by this login
    await until(async () => (await completed("deadlines")) > 0 && (await completed("publish-due")) > 0);
  });

  it("refuses to start on a database that db:migrate has not prepared, and says what to run", async () => {
    // A migration newer than the database: named, with the command.
    const copy = await mkdtemp(path.join(tmpdir(), "cong-migrations-"));
    try {
      await cp(findMigrationsDir(), copy, { recursive: true });
      await mkdir(path.join(copy, "29990101000000_future"));
      await appendFile(path.join(copy, "29990101000000_future", "migration.sql"), "select 1;\n");
      await expect(assertMigrated(web, { migrationsDir: copy })).rejects.toThrow(
        /missing 1 migration\(s\): 29990101000000_future\. Run `npm run db:migrate` with the owner's login/,
      );
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
    // A database migrated by an older version, without the job queue: neither the check nor the queue starts.
    const old = await postgres.create();
    const oldDir = await mkdtemp(path.join(tmpdir(), "cong-migrations-"));
    const url = new URL(login.url);
    url.pathname = new URL(old.url!).pathname;
    const oldWeb = await openDb({ databaseUrl: url.toString() });
    try {
      await cp(path.join(findMigrationsDir(), "20261122000000_init"), path.join(oldDir, "20261122000000_init"), { recursive: true });
      await migrate(old.db, { migrationsDir: oldDir });
      await expect(assertMigrated(oldWeb)).rejects.toThrow(/cannot read _cong_migrations: permission denied.*npm run db:migrate/);
      const start = startJobs({ db: oldWeb, mailer: createMailer({ from: "t@cong.vn", outboxDir: outbox }), tenantUrl: (s) => s, pollSeconds: 1, log: () => {} });
      await expect(start).rejects.toThrow(/job queue is not ready .*npm run db:migrate/);
    } finally {
      await oldWeb.close();
      await old.dispose();
      await rm(oldDir, { recursive: true, force: true });
    }
  });
});
