// The use cases against a real database (PGlite in a temporary folder) seeded from the real packs in
// tenants/: each tenant sees its own catalogue and nothing of the others.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, openDb, seedTenants, withTenant, type Db } from "@cong/db";
import { inUnit } from "@cong/db/testing";
import { getPortalHome, listSections, listTenants, resolveTenant } from "./index.ts";

const tenantsDir = fileURLToPath(new URL("../../../tenants", import.meta.url));
let db: Db;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cong-core-"));
  db = await openDb({ dataDir: dir });
  await migrate(db);
  const seeded = await seedTenants(db, tenantsDir);
  expect(seeded.failed).toEqual([]);
});

afterAll(async () => {
  await db?.close();
  await rm(dir, { recursive: true, force: true });
});

async function tenantId(slug: string): Promise<string> {
  const tenant = await resolveTenant(db, { kind: "subdomain", slug });
  if (!tenant) throw new Error(`no tenant ${slug}`);
  return tenant.id;
}

describe("resolveTenant", () => {
  it("finds a tenant by its subdomain and by its production domain", async () => {
    const bySlug = await resolveTenant(db, { kind: "subdomain", slug: "quang-ninh" });
    expect(bySlug).toMatchObject({ slug: "quang-ninh", defaultLocale: "vi", locales: ["vi", "en", "zh"] });
    const byDomain = await resolveTenant(db, { kind: "domain", host: "covid19.quangninh.gov.vn" });
    expect(byDomain?.id).toBe(bySlug?.id);
  });

  it("answers null for a host nobody owns", async () => {
    expect(await resolveTenant(db, { kind: "subdomain", slug: "ha-noi" })).toBeNull();
    expect(await resolveTenant(db, { kind: "domain", host: "example.com" })).toBeNull();
  });
});

describe("listTenants", () => {
  it("lists the three provinces with their titles", async () => {
    const tenants = await inUnit(db, { kind: "platform" }, (tx) => listTenants({ tx }));
    expect(tenants.map((t) => t.slug).sort()).toEqual(["nghe-an", "quang-ninh", "thanh-hoa"]);
    expect(tenants.every((t) => t.portalTitle.vi.length > 0)).toBe(true);
  });
});

describe("getPortalHome", () => {
  it("gives the tenant's enabled sections in order, with its lead and operating units", async () => {
    const home = await tenantId("quang-ninh").then((id) => withTenant(db, id, (tx) => getPortalHome({ tx, tenantId: id })));
    expect(home?.tenant.slug).toBe("quang-ninh");
    const names = home!.sections.map((s) => s.names.vi);
    expect(names).toContain("Cẩm nang phòng chống COVID-19");
    expect(names).not.toContain("Số liệu ca bệnh");
    expect(home!.leadUnit?.names.vi).toBeTruthy();
    expect(home!.operator?.names.vi).toBeTruthy();
    expect(home!.attribution.vi).toBeTruthy();
  });

  it("answers null for a tenant that does not exist", async () => {
    expect(await withTenant(db, "00000000-0000-4000-8000-000000000000", (tx) => getPortalHome({ tx, tenantId: "00000000-0000-4000-8000-000000000000" }))).toBeNull();
  });
});

describe("listSections", () => {
  it("lists every section in order with its owning agencies and their duties, for that tenant only", async () => {
    const sections = await tenantId("nghe-an").then((id) => withTenant(db, id, (tx) => listSections({ tx, tenantId: id })));
    const names = sections.map((s) => s.names.vi);
    expect(names).toContain("Số liệu ca bệnh");
    expect(names).not.toContain("Cẩm nang phòng chống COVID-19");
    expect(names).not.toContain("Đăng ký về quê");
    const orders = sections.map((s) => s.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    const owned = sections.find((s) => s.agencies.length > 0);
    expect(owned?.agencies[0]?.duties[0]).toMatchObject({ role: expect.any(String), source: expect.any(String) });
  });
});
