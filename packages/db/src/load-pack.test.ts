// Loading tenant packs: a new pack is created, an unchanged one writes nothing, an edited one replaces
// the tenant's rows, and a failed load leaves the previous version whole.
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadPack, seedTenants } from "./load-pack.ts";
import { findMigrationsDir } from "./migrate.ts";
import { checkPackConflicts } from "./pack-conflicts.server.ts";
import { describeBackends } from "./testing/describe.ts";
import { fixturePack, tempTenantsDir, writeFixturePack } from "./testing/fixtures.ts";

const REPO_TENANTS = path.join(path.dirname(path.dirname(findMigrationsDir())), "tenants");
const REAL_SLUGS = ["nghe-an", "quang-ninh", "thanh-hoa"];
const realPacksReady = REAL_SLUGS.every((s) => ["pack.yaml", "pack.yml", "pack.json"].some((f) => existsSync(path.join(REPO_TENANTS, s, f))));

describeBackends("loadPack", ({ db }) => {
  let dir = "";
  beforeAll(async () => {
    dir = await tempTenantsDir();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const children = async (slug: string) => {
    const t = await db().owner.tenant.findUniqueOrThrow({
      where: { slug },
      include: {
        domains: true,
        adminLevels: { orderBy: { rank: "asc" } },
        agencies: { orderBy: { key: "asc" } },
        sections: { orderBy: { position: "asc" }, include: { categories: { orderBy: { position: "asc" } } } },
        duties: { orderBy: { position: "asc" }, include: { agency: true, section: true } },
        _count: { select: { adminUnits: true } },
      },
    });
    return t;
  };

  it("creates a tenant with every child row, then reports an unchanged pack without writing", async () => {
    const pack = await fixturePack(dir, { slug: "tinh-thu", domains: ["tinhthu.gov.vn", "www.tinhthu.gov.vn"], units: 2_500 });
    const started = Date.now();
    expect(await loadPack(db(), pack)).toEqual({ slug: "tinh-thu", status: "created" });
    expect(Date.now() - started).toBeLessThan(30_000);

    const t = await children("tinh-thu");
    expect(t.name).toEqual({ vi: "Tỉnh tinh-thu", en: "tinh-thu Province" });
    expect(t.defaultLocale).toBe("vi");
    expect(t.locales).toEqual(["vi"]);
    expect(t.timeZone).toBe("Asia/Ho_Chi_Minh");
    expect(t.leadAgencyKey).toBe("so-y-te");
    expect(t.operatorAgencyKey).toBe("so-tt");
    expect((t.pack as { slug: string }).slug).toBe("tinh-thu");
    expect(t.packHash).toMatch(/^[0-9a-f]{64}$/);
    expect(t.domains.map((d) => d.host).sort()).toEqual(["tinhthu.gov.vn", "www.tinhthu.gov.vn"]);
    expect(t.adminLevels.map((l) => [l.key, l.validUntil?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["province", null],
      ["district", "2025-06-30"],
    ]);
    expect(t._count.adminUnits).toBe(2_501);
    expect(t.agencies.map((a) => [a.key, a.parentKey, a.unitCode, a.scopeLevel])).toEqual([
      ["so-tt", "ubnd", null, null],
      ["so-y-te", "ubnd", null, null],
      ["ubnd", null, "22", null],
      ["ubnd-huyen", null, null, "district"],
    ]);
    expect(t.sections.map((s) => [s.slug, s.position, s.review, s.categories.map((c) => c.slug)])).toEqual([
      ["tin-tuc", 1, false, ["trong-tinh", "trong-nuoc"]],
      ["hoi-dap", 2, true, []],
    ]);
    expect(t.duties.map((d) => [d.position, d.agency.key, d.section.slug, d.role, d.categories])).toEqual([
      [0, "so-y-te", "tin-tuc", "update", ["trong-tinh"]],
      [1, "so-y-te", "tin-tuc", "review", []],
      [2, "so-tt", "hoi-dap", "answer", []],
    ]);
    expect(t.duties[0]?.deadline).toEqual({ kind: "daily-at", times: ["06:00", "18:00"] });

    const again = await fixturePack(dir, { slug: "tinh-thu", domains: ["tinhthu.gov.vn", "www.tinhthu.gov.vn"], units: 2_500 });
    expect(await loadPack(db(), again)).toEqual({ slug: "tinh-thu", status: "unchanged" });
    const after = await children("tinh-thu");
    expect(after.updatedAt).toEqual(t.updatedAt);
    expect(after.sections.map((s) => s.id)).toEqual(t.sections.map((s) => s.id));
  });

  it("updates an edited pack in place: agencies and sections keep their ids, and memberships survive", async () => {
    const before = await children("tinh-thu");
    const soYTe = before.agencies.find((a) => a.key === "so-y-te")!;
    const member = await db().owner.user.create({ data: { tenantId: before.id, email: "bs@tinhthu.gov.vn", name: "BS", roles: ["editor"] } });
    await db().owner.userAgency.create({ data: { userId: member.id, agencyId: soYTe.id, tenantId: before.id } });
    const edited = await fixturePack(dir, { slug: "tinh-thu", domains: ["tinhthu.gov.vn"], units: 10, sectionName: "Tin tức – sự kiện" });
    expect(await loadPack(db(), edited)).toEqual({ slug: "tinh-thu", status: "updated" });
    const after = await children("tinh-thu");
    expect(after.id).toBe(before.id);
    expect(after.createdAt).toEqual(before.createdAt);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(after.packHash).not.toBe(before.packHash);
    expect(after.sections[0]?.names).toEqual({ vi: "Tin tức – sự kiện" });
    expect(after.domains.map((d) => d.host)).toEqual(["tinhthu.gov.vn"]);
    expect(after._count.adminUnits).toBe(11);
    expect(after.duties).toHaveLength(3);
    expect(after.sections.map((x) => x.id)).toEqual(before.sections.map((x) => x.id));
    expect(after.agencies.map((x) => x.id)).toEqual(before.agencies.map((x) => x.id));
    expect(after.sections[0]?.categories.map((c) => c.id)).toEqual(before.sections[0]?.categories.map((c) => c.id));
    expect(await db().owner.userAgency.count({ where: { userId: member.id, agencyId: soYTe.id } })).toBe(1);

    // an agency removed from the pack takes its memberships with it
    const without = await fixturePack(dir, { slug: "tinh-thu", domains: ["tinhthu.gov.vn"], units: 10, sectionName: "Tin tức – sự kiện" }, (p) => {
      const agencies = p.agencies as { id: string }[];
      p.agencies = agencies.filter((a) => a.id !== "ubnd-huyen");
    });
    expect(await loadPack(db(), without)).toEqual({ slug: "tinh-thu", status: "updated" });
    expect((await children("tinh-thu")).agencies.map((a) => a.key)).toEqual(["so-tt", "so-y-te", "ubnd"]);
    expect(await db().owner.userAgency.count({ where: { userId: member.id } })).toBe(1);
    await db().owner.user.delete({ where: { id: member.id } });
  });

  it("leaves nothing half-saved when a load fails", async () => {
    await loadPack(db(), await fixturePack(dir, { slug: "tinh-khac", domains: ["tinhkhac.gov.vn"] }));
    const before = await children("tinh-khac");

    // An edit that fails half-way (the domain belongs to another tenant) keeps the previous version.
    const clash = await fixturePack(dir, { slug: "tinh-khac", domains: ["tinhkhac.gov.vn", "tinhthu.gov.vn"], units: 50, sectionName: "Đổi tên" });
    await expect(loadPack(db(), clash)).rejects.toThrow();
    expect(await children("tinh-khac")).toEqual(before);

    // A new tenant whose load fails is not created at all.
    const fresh = await fixturePack(dir, { slug: "tinh-moi", domains: ["tinhkhac.gov.vn"] });
    await expect(loadPack(db(), fresh)).rejects.toThrow();
    expect(await db().owner.tenant.findUnique({ where: { slug: "tinh-moi" } })).toBeNull();
    const units = await db().owner.$queryRaw<{ n: number }[]>`
      select count(*)::int as n from admin_unit u where not exists (select 1 from tenant t where t.id = u.tenant_id and t.slug in ('tinh-thu', 'tinh-khac'))`;
    expect(units[0]?.n).toBe(0);
  });

  it("tenant:add's check finds duplicate domains and slugs in the folder and in the database", async () => {
    const folder = await tempTenantsDir();
    try {
      await writeFixturePack(folder, { slug: "tinh-mot", domains: ["mot.gov.vn"] });
      const two = await writeFixturePack(folder, { slug: "tinh-hai", domains: ["hai.gov.vn", "mot.gov.vn", "tinhthu.gov.vn"] });
      const check = await checkPackConflicts(db(), two);
      expect(check.ok).toBe(false);
      const messages = check.ok ? [] : check.problems.map((p) => `${p.path}: ${p.message}`);
      expect(messages).toEqual([
        expect.stringMatching(/^domains\[1\]: domain "mot.gov.vn" is already used by .*tinh-mot/),
        expect.stringMatching(/^domains\[2\]: domain "tinhthu.gov.vn" already reaches tenant "tinh-thu"/),
      ]);
      // a slug used by another folder is refused (readPack: the slug must equal the folder's name)
      const dup = await writeFixturePack(folder, { slug: "tinh-ba", domains: ["ba.gov.vn"] }, (p) => {
        p.slug = "tinh-mot";
      });
      const dupCheck = await checkPackConflicts(db(), dup);
      expect(dupCheck.ok ? [] : dupCheck.problems.map((p) => p.path)).toContain("slug");

      const ok = await checkPackConflicts(db(), await writeFixturePack(folder, { slug: "tinh-bon", domains: ["bon.gov.vn"] }));
      expect(ok.ok).toBe(true);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    // re-adding a tenant that is in the database already is an update, not a conflict
    const other = await tempTenantsDir();
    try {
      const same = await writeFixturePack(other, { slug: "tinh-thu", domains: ["tinhthu.gov.vn"] });
      expect(await checkPackConflicts(db(), same)).toMatchObject({ ok: true });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("tenant:add and seeding refuse the platform's hosts among a pack's domains, naming each", async () => {
    const folder = await tempTenantsDir();
    try {
      const dir = await writeFixturePack(folder, { slug: "tinh-nam", domains: ["nam.gov.vn", "tinh-khac.cong.gov.vn", "cong.gov.vn", "tinh-nam.cong.gov.vn", "a.b.cong.gov.vn"] });
      const check = await checkPackConflicts(db(), dir, { platformDomain: "cong.gov.vn" });
      expect(check.ok ? [] : check.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
        'domains[1]: domain "tinh-khac.cong.gov.vn" is under the platform\'s domain cong.gov.vn: only the platform gives out those addresses',
        'domains[2]: domain "cong.gov.vn" is the platform\'s own host (cong.gov.vn), not a province\'s',
        'domains[3]: domain "tinh-nam.cong.gov.vn" is this province\'s own address on the platform, served without being listed: leave it out',
        'domains[4]: domain "a.b.cong.gov.vn" is under the platform\'s domain cong.gov.vn: only the platform gives out those addresses',
      ]);
      expect(!check.ok && check.problems.every((p) => p.line !== undefined)).toBe(true);
      const seeded = await seedTenants(db(), folder, { platformDomain: "cong.gov.vn" });
      expect([seeded.results, seeded.failed.map((f) => f.problems.length)]).toEqual([[], [4]]);
      expect(await db().owner.tenant.findUnique({ where: { slug: "tinh-nam" } })).toBeNull();
      // Under another platform domain the same hosts are nobody's: the pack loads.
      expect(await checkPackConflicts(db(), dir, { platformDomain: "localhost" })).toMatchObject({ ok: true });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("seedTenants loads the valid packs and names the bad ones", async () => {
    const folder = await tempTenantsDir();
    try {
      await writeFixturePack(folder, { slug: "seed-a", domains: ["seed-a.gov.vn"] });
      await writeFixturePack(folder, { slug: "seed-b", domains: ["seed-b.gov.vn"] });
      await writeFixturePack(folder, { slug: "seed-c", domains: ["seed-c.gov.vn"] }, (p) => {
        p.leadUnit = { agency: "no-such-agency", source: "1/QĐ-UBND Điều 3" };
      });
      await writeFixturePack(folder, { slug: "seed-d", domains: ["tinhthu.gov.vn"] });
      const first = await seedTenants(db(), folder);
      expect(first.results).toEqual([
        { slug: "seed-a", status: "created" },
        { slug: "seed-b", status: "created" },
      ]);
      expect(first.failed.map((f) => path.basename(f.dir))).toEqual(["seed-c", "seed-d"]);
      expect(first.failed[0]?.problems.some((p) => p.message.includes("no-such-agency"))).toBe(true);
      expect(first.failed[1]?.problems.map((p) => p.message)).toEqual(['domain "tinhthu.gov.vn" already reaches tenant "tinh-thu" in the database']);
      expect(await db().owner.tenant.findUnique({ where: { slug: "seed-d" } })).toBeNull();
      const second = await seedTenants(db(), folder);
      expect(second.results.map((r) => r.status)).toEqual(["unchanged", "unchanged"]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it.skipIf(!realPacksReady)(`seeds the real tenants/ folder (${REAL_SLUGS.join(", ")})${realPacksReady ? "" : " — skipped: packs not written yet"}`, async () => {
    const { results, failed } = await seedTenants(db(), REPO_TENANTS);
    expect(failed).toEqual([]);
    expect(results.map((r) => r.slug).sort()).toEqual(REAL_SLUGS);
    for (const slug of REAL_SLUGS) {
      const t = await db().owner.tenant.findUniqueOrThrow({ where: { slug }, include: { _count: { select: { adminUnits: true, duties: true } } } });
      expect(t._count.adminUnits, slug).toBeGreaterThan(0);
      expect(t._count.duties, slug).toBeGreaterThan(0);
    }
  });
});
