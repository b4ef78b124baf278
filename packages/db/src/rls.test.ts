// The second wall (CONVENTIONS rule 6): under the runtime role cong_app, Postgres itself hides and
// protects other tenants' rows, whatever the app asks for.
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadPack } from "./load-pack.ts";
import { withOperator, withPlatform, withTenant } from "./scoped.ts";
import { describeBackends } from "./testing/describe.ts";
import { fixturePack, tempTenantsDir } from "./testing/fixtures.ts";

const TENANT_OWNED = [
  "admin_level", "admin_unit", "agency", "app_user", "attachment", "audit_log", "auth_token", "clock_event", "content_version", "due_instance", "duty",
  "figure", "figure_feed_pull", "figure_revision", "figure_series", "figure_series_agency", "figure_total", "item",
  "item_revision", "item_translation", "map_boundary", "place", "place_kind", "place_kind_agency", "place_status", "reminder", "search_entry", "section", "section_category", "session", "tenant_day", "update_event", "user_agency",
];
// Append-only for the runtime role: no update or delete at all (proved in their own tests).
const APPEND_ONLY = new Set(["audit_log", "figure_feed_pull", "figure_revision", "item_revision", "place_status"]);
// Written only by the database's own trigger: the runtime role may read, never write (proved below).
const TRIGGER_WRITTEN = new Set(["content_version", "figure_total", "search_entry"]);
const REFUSED = /row-level security|42501|permission denied/i;

describeBackends("row-level security", ({ db }) => {
  let a = "";
  let b = "";
  let tenantsDir = "";
  let tables: string[] = [];

  const countAs = async (tenantId: string | null, table: string, where = "") => {
    const sql = `select count(*)::int as n from "${table}" ${where}`;
    const run = (tx: { $queryRawUnsafe<T>(q: string): Promise<T> }) => tx.$queryRawUnsafe<{ n: number }[]>(sql).then((r) => r[0]!.n);
    return tenantId === null ? withPlatform(db(), run) : withTenant(db(), tenantId, run);
  };
  const ownerCount = async (table: string, tenantId: string) =>
    (await db().owner.$queryRawUnsafe<{ n: number }[]>(`select count(*)::int as n from "${table}" where tenant_id = $1::uuid`, tenantId))[0]!.n;
  const snapshot = async (tenantId: string) => {
    const out: Record<string, unknown> = {};
    // Rows as text: every column type reads back, tsvector included.
    for (const t of tables) out[t] = await db().owner.$queryRawUnsafe(`select r::text as row from "${t}" r where tenant_id = $1::uuid order by 1`, tenantId);
    return JSON.stringify(out);
  };

  beforeAll(async () => {
    tenantsDir = await tempTenantsDir();
    await loadPack(db(), await fixturePack(tenantsDir, { slug: "tinh-a" }));
    await loadPack(db(), await fixturePack(tenantsDir, { slug: "tinh-b", units: 5 }));
    const rows = await db().owner.tenant.findMany({ select: { id: true, slug: true } });
    a = rows.find((r) => r.slug === "tinh-a")!.id;
    b = rows.find((r) => r.slug === "tinh-b")!.id;
    // Accounts of both provinces and of a platform operator, with a session, a token and an audit entry each.
    for (const tenantId of [a, b, null]) {
      const user = await db().owner.user.create({
        data: { tenantId, email: `u-${tenantId ?? "op"}@example.vn`, name: "U", roles: tenantId ? ["editor"] : ["operator"] },
      });
      if (tenantId) {
        const agency = await db().owner.agency.findFirstOrThrow({ where: { tenantId } });
        await db().owner.userAgency.create({ data: { userId: user.id, agencyId: agency.id, tenantId } });
      }
      await db().owner.session.create({ data: { tenantId, userId: user.id, tokenHash: `h-${user.id}`, expiresAt: new Date(Date.now() + 3_600_000) } });
      await db().owner.authToken.create({ data: { tenantId, userId: user.id, kind: "reset", tokenHash: `t-${user.id}`, expiresAt: new Date(Date.now() + 3_600_000) } });
      await db().owner.auditLog.create({ data: { tenantId, actorId: user.id, action: "test", subject: "User", subjectId: user.id } });
      if (tenantId) {
        // A published item with a translation, a revision, an attachment and its update event.
        const section = await db().owner.section.findFirstOrThrow({ where: { tenantId } });
        const file = await db().owner.attachment.create({ data: { tenantId, storageKey: `k/${user.id}`, fileName: "a.pdf", mime: "application/pdf", size: 1, sha256: "x" } });
        const item = await db().owner.item.create({ data: { tenantId, sectionId: section.id, kind: "document", status: "published", slug: "van-ban", fileId: file.id } });
        await db().owner.itemTranslation.create({ data: { itemId: item.id, tenantId, locale: "vi", title: "Văn bản", searchText: "van ban" } });
        await db().owner.itemRevision.create({ data: { tenantId, itemId: item.id, version: 1, action: "create", status: "draft", snapshot: {} } });
        await db().owner.updateEvent.create({ data: { tenantId, sectionId: section.id, itemId: item.id, kind: "publish", at: new Date() } });
        // the deadline engine's rows: a calendar day, a clock event, a due instance and its reminder
        const agency = await db().owner.agency.findFirstOrThrow({ where: { tenantId } });
        await db().owner.tenantDay.create({ data: { tenantId, date: new Date("2026-02-21T00:00:00Z"), kind: "working-day" } });
        const event = await db().owner.clockEvent.create({ data: { tenantId, kind: "question-asked", at: new Date(), sectionId: section.id } });
        const due = await db().owner.dueInstance.create({
          data: { tenantId, dutyKey: "k", agencyId: agency.id, sectionId: section.id, role: "answer", rule: {}, source: "x", key: "event:1", dueAt: new Date(), opensAt: new Date(), eventId: event.id },
        });
        await db().owner.reminder.create({ data: { tenantId, dueInstanceId: due.id, kind: "before", userId: user.id } });
        // figures: a series, the agency that enters it, a figure and its revision
        const series = await db().owner.figureSeries.create({ data: { tenantId, key: "ca-mac-moi", names: { vi: "Ca mắc mới" }, sectionId: section.id, measure: "count", province: "entered", times: ["00:00"] } });
        await db().owner.figureSeriesAgency.create({ data: { seriesId: series.id, agencyId: agency.id, tenantId } });
        const figure = await db().owner.figure.create({ data: { tenantId, seriesId: series.id, unitCode: "01", slot: new Date(), value: 3n, agencyId: agency.id } });
        await db().owner.figureRevision.create({ data: { tenantId, figureId: figure.id, newValue: 3n } });
        await db().owner.figureFeedPull.create({ data: { tenantId, seriesId: series.id, ok: true, rows: 1 } });
        // the map's outline of the province
        await db().owner.mapBoundary.create({ data: { tenantId, code: "01", name: "Tỉnh", level: "province", geometry: { type: "Polygon", coordinates: [[[105, 19], [106, 19], [106, 20], [105, 19]]] } } });
        // places: a kind, the agency that keeps it, a place and its first status
        const kind = await db().owner.placeKind.create({ data: { tenantId, kind: "quarantine", sectionId: section.id } });
        await db().owner.placeKindAgency.create({ data: { kindId: kind.id, agencyId: agency.id, tenantId } });
        const place = await db().owner.place.create({ data: { tenantId, kindId: kind.id, names: { vi: "Khu cách ly" }, sortName: "khu cach ly", lon: 105.7, lat: 18.7 } });
        await db().owner.placeStatus.create({ data: { tenantId, placeId: place.id, status: "open" } });
      }
    }
    const owned = await db().owner.$queryRaw<{ relname: string; rls: boolean; forced: boolean; part: boolean }[]>`
      select c.relname::text, c.relrowsecurity as rls, c.relforcerowsecurity as forced, c.relispartition as part
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
        and c.relname <> 'tenant_domain'`;
    // A partitioned table's parts are checked for RLS too, and read through their parent.
    tables = owned.filter((t) => !t.part).map((t) => t.relname).sort();
    for (const t of owned) {
      expect({ table: t.relname, rls: t.rls, forced: t.forced }).toEqual({ table: t.relname, rls: true, forced: true });
    }
  });
  afterAll(async () => {
    await rm(tenantsDir, { recursive: true, force: true });
  });

  it("discovers every tenant-owned table, each with RLS enabled and forced", () => {
    expect(tables).toEqual(TENANT_OWNED);
  });

  it("shows no tenant-owned row when no tenant is set, but the tenants and their domains", async () => {
    for (const t of tables) {
      expect(await ownerCount(t, b), `${t} has fixture rows`).toBeGreaterThan(0);
      expect(await countAs(null, t), t).toBe(0);
    }
    const seen = await withPlatform(db(), (tx) => tx.tenant.findMany({ select: { slug: true, domains: { select: { host: true } } }, orderBy: { slug: "asc" } }));
    expect(seen).toEqual([
      { slug: "tinh-a", domains: [{ host: "tinh-a.example.vn" }] },
      { slug: "tinh-b", domains: [{ host: "tinh-b.example.vn" }] },
    ]);
    // even asking for another tenant's rows by id through the client finds nothing
    expect(await withPlatform(db(), (tx) => tx.adminUnit.findMany({ where: { tenantId: a } }))).toEqual([]);
  });

  it("with tenant A set, reads exactly A's rows and none of B's", async () => {
    for (const t of tables) {
      expect(await countAs(a, t), t).toBe(await ownerCount(t, a));
      expect(await countAs(a, t, `where tenant_id = '${b}'`), t).toBe(0);
    }
    const units = await withTenant(db(), a, (tx) => tx.adminUnit.findMany({ where: { tenantId: b } }));
    expect(units).toEqual([]);
  });

  it("with tenant A set, cannot insert B's rows nor move A's rows to B", async () => {
    await expect(
      withTenant(db(), a, (tx) => tx.agency.create({ data: { tenantId: b, key: "intruder", names: { vi: "X" }, kind: "other" } })),
    ).rejects.toThrow(REFUSED);
    await expect(
      withTenant(db(), a, (tx) => tx.$executeRawUnsafe(`insert into admin_unit (tenant_id, code, name, type, level_key) values ('${b}', '99', 'x', 'x', 'province')`)),
    ).rejects.toThrow(REFUSED);
    await expect(withTenant(db(), a, (tx) => tx.agency.updateMany({ where: { tenantId: a }, data: { tenantId: b } }))).rejects.toThrow(REFUSED);
    // A can write its own rows
    const created = await withTenant(db(), a, (tx) => tx.agency.create({ data: { tenantId: a, key: "own", names: { vi: "Own" }, kind: "other" } }));
    expect(created.tenantId).toBe(a);
    await db().owner.agency.delete({ where: { id: created.id } });
    expect(await db().owner.agency.count({ where: { key: "intruder" } })).toBe(0);
  });

  it("with tenant A set, updates and deletes of B's rows affect nothing", async () => {
    const before = await snapshot(b);
    for (const t of tables) {
      if (APPEND_ONLY.has(t) || TRIGGER_WRITTEN.has(t)) continue; // no update or delete at all: proved below
      const updated = await withTenant(db(), a, (tx) => tx.$executeRawUnsafe(`update "${t}" set tenant_id = tenant_id where tenant_id = '${b}'`));
      expect(updated, `update ${t}`).toBe(0);
      const deleted = await withTenant(db(), a, (tx) => tx.$executeRawUnsafe(`delete from "${t}" where tenant_id = '${b}'`));
      expect(deleted, `delete ${t}`).toBe(0);
    }
    const viaClient = await withTenant(db(), a, async (tx) => ({
      updated: (await tx.section.updateMany({ where: { tenantId: b }, data: { enabled: false } })).count,
      deleted: (await tx.adminUnit.deleteMany({})).count,
    }));
    // deleteMany({}) removed A's own units only
    expect(viaClient.updated).toBe(0);
    expect(viaClient.deleted).toBeGreaterThan(0);
    expect(await snapshot(b)).toBe(before);
  });

  it("reads its own content version and cannot write any, while its own writes bump it", async () => {
    const version = async (tenantId: string) => (await db().owner.contentVersion.findUniqueOrThrow({ where: { tenantId } })).version;
    for (const sql of [`update content_version set version = 0 where tenant_id = '${a}'`, `delete from content_version where tenant_id = '${a}'`, `insert into content_version (tenant_id) values ('${a}')`])
      await expect(withTenant(db(), a, (tx) => tx.$executeRawUnsafe(sql)), sql).rejects.toThrow(REFUSED);
    expect(await withTenant(db(), a, (tx) => tx.contentVersion.findMany({ select: { tenantId: true } }))).toEqual([{ tenantId: a }]);
    const [beforeA, beforeB] = [await version(a), await version(b)];
    await withTenant(db(), a, (tx) => tx.section.updateMany({ where: { tenantId: a }, data: { enabled: true } }));
    expect(await version(a)).toBeGreaterThan(beforeA);
    expect(await version(b)).toBe(beforeB);
  });

  it("reads its own figure totals and cannot write any, while its own figure writes keep them and leave B's alone", async () => {
    for (const sql of [`update figure_total set units = 0 where tenant_id = '${a}'`, `delete from figure_total where tenant_id = '${a}'`])
      await expect(withTenant(db(), a, (tx) => tx.$executeRawUnsafe(sql)), sql).rejects.toThrow(REFUSED);
    const totalOf = (tenantId: string) => db().owner.figureTotal.findFirstOrThrow({ where: { tenantId }, select: { province: true, units: true } });
    const before = await totalOf(b);
    await withTenant(db(), a, (tx) => tx.figure.updateMany({ where: { tenantId: a }, data: { value: 41n } }));
    expect(await totalOf(a)).toEqual({ province: null, units: 1 });
    expect((await db().owner.figureTotal.findFirstOrThrow({ where: { tenantId: a } })).unitsSum).toBe(41n);
    expect(await totalOf(b)).toEqual(before);
  });

  it("cannot write the platform tables, but for its own tenant's settings and domains", async () => {
    for (const scope of [null, a]) {
      const run = <T>(fn: Parameters<typeof withPlatform<T>>[1]) => (scope === null ? withPlatform(db(), fn) : withTenant(db(), scope, fn));
      await expect(
        run((tx) =>
          tx.tenant.create({
            data: {
              slug: `x-${randomUUID()}`, name: {}, portalTitle: {}, defaultLocale: "vi", locales: ["vi"], timeZone: "UTC", branding: {},
              contacts: {}, hotlines: [], attribution: {}, leadAgencyKey: "x", operatorAgencyKey: "x", pack: {}, packHash: "x",
            },
          }),
        ),
      ).rejects.toThrow(REFUSED);
      await expect(run((tx) => tx.tenantDomain.create({ data: { host: "evil.example.vn", tenantId: b } }))).rejects.toThrow(REFUSED);
      expect(await run((tx) => tx.tenantDomain.deleteMany({ where: { tenantId: b } })).then((r) => r.count)).toBe(0);
      // the slug is never the runtime role's to change
      await expect(run((tx) => tx.tenant.updateMany({ where: { id: scope ?? b }, data: { slug: "stolen" } }))).rejects.toThrow(REFUSED);
    }
    expect(await withPlatform(db(), (tx) => tx.tenant.updateMany({ data: { packHash: "tampered" } })).then((r) => r.count)).toBe(0);
    // Tenant A's admin writes A's settings and domains, and nothing of B's.
    expect(await withTenant(db(), a, (tx) => tx.tenant.updateMany({ data: { packHash: "edited-by-a" } })).then((r) => r.count)).toBe(1);
    await withTenant(db(), a, (tx) => tx.tenantDomain.create({ data: { host: "www.tinh-a.example.vn", tenantId: a } }));
    // a domain B already has cannot be taken by A
    await expect(withTenant(db(), a, (tx) => tx.tenantDomain.create({ data: { host: "tinh-b.example.vn", tenantId: a } }))).rejects.toThrow();
    expect(await db().owner.tenant.findUniqueOrThrow({ where: { id: b } }).then((t) => t.packHash)).not.toMatch(/tampered|edited/);
    expect(await db().owner.tenantDomain.findMany({ where: { tenantId: b } }).then((r) => r.map((d) => d.host))).toEqual(["tinh-b.example.vn"]);
    await db().owner.tenantDomain.delete({ where: { host: "www.tinh-a.example.vn" } });
    expect(await db().owner.tenantDomain.count()).toBe(2);
  });

  it("keeps the audit log append-only, even for a tenant's own entries", async () => {
    const mine = await withTenant(db(), a, (tx) => tx.auditLog.create({ data: { tenantId: a, action: "probe", subject: "Test" } }));
    await expect(withTenant(db(), a, (tx) => tx.auditLog.updateMany({ where: { id: mine.id }, data: { action: "forged" } }))).rejects.toThrow(REFUSED);
    await expect(withTenant(db(), a, (tx) => tx.auditLog.deleteMany({ where: { id: mine.id } }))).rejects.toThrow(REFUSED);
    await expect(withTenant(db(), a, (tx) => tx.auditLog.create({ data: { tenantId: b, action: "probe", subject: "Test" } }))).rejects.toThrow(REFUSED);
    expect(await db().owner.auditLog.findUniqueOrThrow({ where: { id: mine.id } }).then((r) => r.action)).toBe("probe");
    // item revisions are history too
    await expect(withTenant(db(), a, (tx) => tx.itemRevision.updateMany({ data: { note: "rewritten" } }))).rejects.toThrow(REFUSED);
    await expect(withTenant(db(), a, (tx) => tx.itemRevision.deleteMany({}))).rejects.toThrow(REFUSED);
  });

  it("shows platform operators' rows in the operator scope only, and no province's rows there", async () => {
    for (const t of ["app_user", "session", "auth_token", "audit_log"]) {
      expect(await withOperator(db(), (tx) => tx.$queryRawUnsafe<{ n: number }[]>(`select count(*)::int as n from "${t}" where tenant_id is null`)).then((r) => r[0]!.n), t).toBeGreaterThan(0);
      expect(await withOperator(db(), (tx) => tx.$queryRawUnsafe<{ n: number }[]>(`select count(*)::int as n from "${t}" where tenant_id is not null`)).then((r) => r[0]!.n), t).toBe(0);
      expect(await countAs(a, t, "where tenant_id is null"), t).toBe(0);
    }
    expect(await withOperator(db(), (tx) => tx.agency.count())).toBe(0);
    // a province's scope cannot create an operator account
    await expect(withTenant(db(), a, (tx) => tx.user.create({ data: { tenantId: null, email: "x@example.vn", name: "X", roles: ["operator"] } }))).rejects.toThrow(REFUSED);
  });

  it("keeps a session from pointing at another province's user", async () => {
    const userB = await db().owner.user.findFirstOrThrow({ where: { tenantId: b } });
    await expect(
      db().owner.session.create({ data: { tenantId: a, userId: userB.id, tokenHash: `cross-${randomUUID()}`, expiresAt: new Date() } }),
    ).rejects.toThrow();
  });

  it("cong_app has no BYPASSRLS, is no superuser and owns no table", async () => {
    const [role] = await db().owner.$queryRaw<{ rolbypassrls: boolean; rolsuper: boolean; rolcanlogin: boolean }[]>`
      select rolbypassrls, rolsuper, rolcanlogin from pg_roles where rolname = 'cong_app'`;
    expect(role).toEqual({ rolbypassrls: false, rolsuper: false, rolcanlogin: false });
    const [owned] = await db().owner.$queryRaw<{ n: number }[]>`
      select count(*)::int as n from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = 'cong_app'`;
    expect(owned?.n).toBe(0);
  });

  it("scopes only the transaction: the owner is itself again afterwards", async () => {
    await withTenant(db(), a, (tx) => tx.$queryRaw`select 1`);
    const [who] = await db().owner.$queryRaw<{ role: string; tenant: string | null }[]>`
      select current_user::text as role, nullif(current_setting('app.tenant_id', true), '') as tenant`;
    expect(who?.role).not.toBe("cong_app");
    expect(who?.tenant).toBeNull();
  });

  it("rejects a tenant id that is not a uuid", async () => {
    await expect(withTenant(db(), "tinh-a' or true --", async () => 1)).rejects.toThrow(/uuid/);
  });
});
