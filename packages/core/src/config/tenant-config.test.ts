// The provincial admin's configuration use cases against a real database (PGlite in a temporary folder)
// seeded from the real packs in tenants/: a save changes the rows, the stored pack and the audit log
// together; a refused save changes nothing; export and import round-trip; one province cannot reach another.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePackText, type TenantPack } from "@cong/config";
import { migrate, openDb, seedTenants, withTenant, writePack, type Db } from "@cong/db";
import { inUnit } from "@cong/db/testing";
import { getPortalHome, resolveTenant } from "../index.ts";
import { applyPackImport, type ApplyPackImportOptions } from "./apply-pack-import.ts";
import { editSectionDuties } from "./edit-duties.ts";
import { editAgency, removeAgency } from "./edit-agency.ts";
import { editSection, removeSection } from "./edit-section.ts";
import { editSettings } from "./edit-settings.ts";
import { exportTenantPack } from "./export-tenant-pack.ts";
import type { FormInput } from "./form-input.ts";
import { getTenantConfig } from "./get-tenant-config.ts";
import { previewPackImport, type PreviewPackImportOptions } from "./preview-pack-import.ts";
import { saveTenantConfig, type SaveTenantConfigOptions } from "./save-tenant-config.ts";

const tenantsDir = fileURLToPath(new URL("../../../../tenants", import.meta.url));
const actor = { id: null, email: "admin@qn.test", ip: "127.0.0.1" };
const platformDomain = "localhost";
let db: Db;
let dir: string;
let qn: string;
let na: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cong-config-"));
  db = await openDb({ dataDir: dir });
  await migrate(db);
  const seeded = await seedTenants(db, tenantsDir);
  expect(seeded.failed).toEqual([]);
  qn = (await resolveTenant(db, { kind: "subdomain", slug: "quang-ninh" }))!.id;
  na = (await resolveTenant(db, { kind: "subdomain", slug: "nghe-an" }))!.id;
});

afterAll(async () => {
  await db?.close();
  await rm(dir, { recursive: true, force: true });
});

// The use cases as a request calls them: in a unit of work in the province's scope.
type NoTx<T> = Omit<T, "tx">;
const save = (o: NoTx<SaveTenantConfigOptions>) => inUnit(db, o.tenantId, (tx) => saveTenantConfig({ tx, ...o }));
const previewImport = (o: NoTx<PreviewPackImportOptions>) => inUnit(db, o.tenantId, (tx) => previewPackImport({ tx, ...o }));
const applyImport = (o: NoTx<ApplyPackImportOptions>) => inUnit(db, o.tenantId, (tx) => applyPackImport({ tx, ...o }));
const getConfig = (tenantId: string) => inUnit(db, tenantId, (tx) => getTenantConfig({ tx, tenantId }));
const exportPack = (tenantId: string) => inUnit(db, tenantId, (tx) => exportTenantPack({ tx, tenantId }));

async function current(tenantId: string): Promise<TenantPack> {
  const config = await getConfig(tenantId);
  if (!config) throw new Error("no config");
  return config.pack;
}

/** Everything a configuration save can touch, read as the owner (no RLS): equal snapshots, nothing changed. */
async function snapshot(tenantId: string) {
  const o = db.owner;
  return {
    tenant: await o.tenant.findUnique({ where: { id: tenantId } }),
    domains: await o.tenantDomain.findMany({ where: { tenantId }, orderBy: { host: "asc" } }),
    agencies: await o.agency.findMany({ where: { tenantId }, orderBy: { key: "asc" } }),
    sections: await o.section.findMany({ where: { tenantId }, orderBy: { slug: "asc" } }),
    categories: await o.sectionCategory.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
    duties: await o.duty.findMany({ where: { tenantId }, orderBy: { position: "asc" }, omit: { id: true } }),
    audit: await o.auditLog.count({ where: { tenantId } }),
  };
}

/** The section form as the admin page posts it, from a section of the pack. */
function sectionForm(pack: TenantPack, slug: string): FormInput {
  const s = pack.sections.find((x) => x.slug === slug)!;
  const loc = (v: Record<string, string | undefined> | undefined) => Object.fromEntries(pack.locales.offered.map((l) => [l, v?.[l] ?? ""]));
  return {
    kind: s.kind,
    names: loc(s.names),
    description: loc(s.description),
    order: String(s.order),
    ...(s.enabled ? { enabled: "on" } : {}),
    ...(s.review ? { review: "on" } : {}),
    url: s.url ?? "",
    source: s.source ?? "",
    categories: [
      ...s.categories.map((c) => ({ slug: c.slug, names: loc(c.names), order: String(c.order), ...(c.enabled ? { enabled: "on" } : {}) })),
      { slug: "", names: loc(undefined), order: "" },
    ],
  };
}

describe("saveTenantConfig", () => {
  it("renames a section: the row, the stored pack and the citizen's home page change, and the audit entry keeps before and after", async () => {
    const before = await current(qn);
    const form = sectionForm(before, "videos");
    const result = await save({
      platformDomain,
      tenantId: qn,
      actor,
      action: "config.section.update",
      edit: (pack) => editSection(pack, "videos", { ...form, names: { vi: "Video về phòng chống dịch", en: "Videos", zh: "视频" } }),
    });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.value.changes).toEqual([
      { area: "sections", op: "changed", key: "videos", field: "names", before: { vi: "Videos", en: "Videos", zh: "视频" }, after: { vi: "Video về phòng chống dịch", en: "Videos", zh: "视频" } },
    ]);

    const row = await db.owner.section.findFirst({ where: { tenantId: qn, slug: "videos" } });
    expect(row?.names).toEqual({ vi: "Video về phòng chống dịch", en: "Videos", zh: "视频" });
    expect((await current(qn)).sections.find((s) => s.slug === "videos")?.names.vi).toBe("Video về phòng chống dịch");
    const home = await withTenant(db, qn, (tx) => getPortalHome({ tx, tenantId: qn }));
    expect(home?.sections.map((s) => s.names.vi)).toContain("Video về phòng chống dịch");

    const audit = await db.owner.auditLog.findFirst({ where: { tenantId: qn, action: "config.section.update" }, orderBy: { at: "desc" } });
    expect(audit).toMatchObject({ subject: "Tenant", subjectId: qn, actorEmail: "admin@qn.test" });
    expect(audit?.before).toEqual({ "sections:videos.names": { vi: "Videos", en: "Videos", zh: "视频" } });
    expect(audit?.after).toEqual({ "sections:videos.names": { vi: "Video về phòng chống dịch", en: "Videos", zh: "视频" } });
  });

  it("refuses a bad colour, an unknown agency in the matrix and an empty Vietnamese name by field, and changes nothing", async () => {
    const pack = await current(qn);
    const untouched = await snapshot(qn);

    const colour = await save({
      platformDomain,
      tenantId: qn,
      actor,
      edit: (p) => editSettings(p, { ...settingsForm(p), branding: { colors: { primary: "đỏ" } } }),
    });
    expect(colour.ok).toBe(false);
    if (!colour.ok) expect(colour.errors["branding.colors.primary"]).toEqual(["Phải là mã màu dạng #b71c1c."]);

    const agency = await save({
      platformDomain,
      tenantId: qn,
      actor,
      lang: "en",
      edit: (p) => editSectionDuties(p, "videos", { duties: [{ agency: "so-khong-co", role: "update", source: "3591/QĐ-UBND Điều 4.3" }] }),
    });
    expect(agency.ok).toBe(false);
    if (!agency.ok) expect(agency.errors).toEqual({ "duties[0].agency": ["There is no agency “so-khong-co” in the configuration."] });

    const name = await save({
      platformDomain,
      tenantId: qn,
      actor,
      edit: (p) => editSection(p, "tin-gia", { ...sectionForm(pack, "tin-gia"), names: { vi: " ", en: "Fake news", zh: "虚假新闻" } }),
    });
    expect(name.ok).toBe(false);
    if (!name.ok) expect(name.errors["names.vi"]).toEqual(["Cần nhập nội dung tiếng Việt."]);

    expect(await snapshot(qn)).toEqual(untouched);
  });

  it("names a problem outside the form by where it lies: removing an agency the matrix still uses", async () => {
    const untouched = await snapshot(qn);
    const result = await save({ platformDomain, tenantId: qn, actor, edit: (p) => removeAgency(p, "cdc") });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const matrix = Object.entries(result.errors).filter(([k]) => k.startsWith("matrix["));
    expect(matrix.length).toBeGreaterThan(0);
    // The agency is gone from the edited pack, so its name comes from the current one.
    expect(matrix[0]?.[1][0]).toMatch(/^Phân công: Trung tâm Kiểm soát bệnh tật tỉnh — .+ › Cơ quan: Không có cơ quan “cdc” trong cấu hình\.$/);
    expect(await snapshot(qn)).toEqual(untouched);
  });

  it("refuses a changed slug", async () => {
    const untouched = await snapshot(qn);
    const result = await save({ platformDomain, tenantId: qn, actor, edit: (p) => ({ pack: { ...p, slug: "quang-ninh-2" } }) });
    expect(result).toEqual({ ok: false, errors: { slug: ["Không được đổi mã tỉnh: gói này là của “quang-ninh-2”, không phải “quang-ninh”."] } });
    expect(await snapshot(qn)).toEqual(untouched);
  });

  it("refuses a save made from a version someone else has changed since", async () => {
    const { version } = (await getConfig(qn))!;
    const first = await save({ platformDomain, tenantId: qn, actor, version, edit: (p) => editSection(p, "tin-gia", { ...sectionForm(p, "tin-gia"), order: "30" }) });
    expect(first.ok).toBe(true);
    const untouched = await snapshot(qn);
    const second = await save({ platformDomain, tenantId: qn, actor, version, edit: (p) => editSection(p, "tin-gia", { ...sectionForm(p, "tin-gia"), order: "31" }) });
    expect(second.ok).toBe(false);
    if (!second.ok) expect(Object.keys(second.errors)).toEqual(["form"]);
    expect(await snapshot(qn)).toEqual(untouched);
  });

  it("adds a section with a sub-category, then removes it and its duties", async () => {
    const added = await save({
      platformDomain,
      tenantId: qn,
      actor,
      edit: (p) => editSection(p, null, { slug: "tiem-chung", kind: "page", names: { vi: "Tiêm chủng", en: "Vaccination", zh: "疫苗接种" }, order: "40", enabled: "on" }),
    });
    expect(added.ok).toBe(true);
    const withCategory = await save({
      platformDomain,
      tenantId: qn,
      actor,
      edit: (p) => {
        const form = sectionForm(p, "tiem-chung");
        (form.categories as FormInput[])[0] = { slug: "lich-tiem", names: { vi: "Lịch tiêm", en: "Schedule", zh: "接种日程" }, order: "1", enabled: "on" };
        return editSection(p, "tiem-chung", form);
      },
    });
    expect(withCategory.ok).toBe(true);
    const duties = await save({
      platformDomain,
      tenantId: qn,
      actor,
      edit: (p) =>
        editSectionDuties(p, "tiem-chung", {
          duties: [{ agency: "so-y-te", role: "update", categories: "lich-tiem", deadline: { kind: "daily-at", times: "06:00, 18:00" }, source: "3591/QĐ-UBND Điều 7.1" }],
        }),
    });
    expect(duties.ok).toBe(true);
    const section = await db.owner.section.findFirst({ where: { tenantId: qn, slug: "tiem-chung" }, include: { categories: true, duties: true } });
    expect(section?.categories.map((c) => c.slug)).toEqual(["lich-tiem"]);
    expect(section?.duties.map((d) => d.deadline)).toEqual([{ kind: "daily-at", times: ["06:00", "18:00"] }]);

    const removed = await save({ platformDomain, tenantId: qn, actor, action: "config.section.remove", edit: (p) => removeSection(p, "tiem-chung") });
    expect(removed.ok).toBe(true);
    if (removed.ok) expect(removed.value.changes.map((c) => `${c.op} ${c.area} ${c.key}`)).toEqual(["removed sections tiem-chung", "removed matrix so-y-te/tiem-chung"]);
    expect(await db.owner.section.findFirst({ where: { tenantId: qn, slug: "tiem-chung" } })).toBeNull();
    expect(await db.owner.duty.count({ where: { tenantId: qn, section: { slug: "tiem-chung" } } })).toBe(0);
    expect((await current(qn)).sections.some((s) => s.slug === "tiem-chung")).toBe(false);
    expect((await withTenant(db, qn, (tx) => getPortalHome({ tx, tenantId: qn })))?.sections.some((s) => s.slug === "tiem-chung")).toBe(false);
  });

  it("refuses to remove a section that content points at, as an error on the form, leaving everything as it was", async () => {
    const section = await db.owner.section.findFirstOrThrow({ where: { tenantId: qn, slug: "tin-gia" } });
    const item = await db.owner.item.create({ data: { tenantId: qn, sectionId: section.id, kind: "article", slug: "tin-gia-1" } });
    try {
      const untouched = await snapshot(qn);
      const result = await save({ platformDomain, tenantId: qn, actor, edit: (p) => removeSection(p, "tin-gia") });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.form?.[0]).toMatch(/^Không xóa được vì đã có nội dung gắn với: Fake News - Tin giả\./);
      expect(await snapshot(qn)).toEqual(untouched);
    } finally {
      await db.owner.item.delete({ where: { id: item.id } });
    }
  });

  it("leaves the request's transaction usable after a refused write, and writes nothing when the request rolls back", async () => {
    const section = await db.owner.section.findFirstOrThrow({ where: { tenantId: qn, slug: "tin-gia" } });
    const item = await db.owner.item.create({ data: { tenantId: qn, sectionId: section.id, kind: "article", slug: "tin-gia-2" } });
    try {
      const untouched = await snapshot(qn);
      // The refused write is undone back to before it, not the whole request: the request reads on.
      const { refused, config } = await inUnit(db, qn, async (tx) => ({
        refused: await saveTenantConfig({ tx, platformDomain, tenantId: qn, actor, edit: (p) => removeSection(p, "tin-gia") }),
        config: await getTenantConfig({ tx, tenantId: qn }),
      }));
      expect(refused.ok).toBe(false);
      expect(config?.pack.sections.some((s) => s.slug === "tin-gia")).toBe(true);
      expect(await snapshot(qn)).toEqual(untouched);
    } finally {
      await db.owner.item.delete({ where: { id: item.id } });
    }
    const untouched = await snapshot(qn);
    const saved = await inUnit(db, qn, (tx) => saveTenantConfig({ tx, platformDomain, tenantId: qn, actor, edit: (p) => editSection(p, "tin-gia", { ...sectionForm(p, "tin-gia"), order: "32" }) }), { commit: false });
    expect(saved.ok).toBe(true);
    expect(await snapshot(qn)).toEqual(untouched);
  });

  it("refuses to remove an agency that accounts belong to", async () => {
    const agency = await db.owner.agency.create({ data: { tenantId: qn, key: "to-tam", names: { vi: "Tổ tạm" }, kind: "other" } });
    // The pack must know the agency too: add it through the form, then give it a member.
    const added = await save({ platformDomain, tenantId: qn, actor, edit: (p) => editAgency(p, null, { id: "to-tam", names: { vi: "Tổ tạm", en: "Temporary group", zh: "临时组" }, kind: "other" }) });
    expect(added.ok).toBe(true);
    const user = await db.owner.user.create({ data: { tenantId: qn, email: "to-tam@qn.test", name: "Thành viên", roles: ["editor"] } });
    await db.owner.userAgency.create({ data: { userId: user.id, agencyId: agency.id, tenantId: qn } });
    const result = await save({ platformDomain, tenantId: qn, actor, edit: (p) => removeAgency(p, "to-tam") });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.form).toEqual(["Không xóa được cơ quan “Tổ tạm” vì còn 1 tài khoản thuộc cơ quan này; hãy chuyển các tài khoản sang cơ quan khác trước."]);
    expect(await db.owner.userAgency.count({ where: { userId: user.id } })).toBe(1);
  });

  it("keeps the loaded pack's hash, so seeding the unchanged files again does not undo the admin's edit", async () => {
    const result = await save({
      platformDomain,
      tenantId: qn,
      actor,
      edit: (p) => editSection(p, "gop-y", { ...sectionForm(p, "gop-y"), names: { vi: "Góp ý, phản ánh", en: "Feedback", zh: "意见反馈" } }),
    });
    expect(result.ok).toBe(true);
    const again = await seedTenants(db, tenantsDir);
    expect(again.results.find((r) => r.slug === "quang-ninh")?.status).toBe("unchanged");
    expect((await db.owner.section.findFirst({ where: { tenantId: qn, slug: "gop-y" } }))?.names).toMatchObject({ vi: "Góp ý, phản ánh" });
  });
});

function settingsForm(p: TenantPack): FormInput {
  const loc = (v: Record<string, string | undefined> | undefined) => Object.fromEntries(p.locales.offered.map((l) => [l, v?.[l] ?? ""]));
  return {
    name: loc(p.name),
    portalTitle: loc(p.portalTitle),
    domains: p.domains.join("\n"),
    locales: { default: p.locales.default, offered: [...p.locales.offered] },
    timeZone: p.timeZone,
    branding: { logo: p.branding.logo ?? "", colors: { primary: p.branding.colors.primary, secondary: p.branding.colors.secondary ?? "", accent: p.branding.colors.accent ?? "" } },
    contacts: { address: loc(p.contacts.address), email: p.contacts.email ?? "", phone: p.contacts.phone ?? "" },
    hotlines: p.hotlines.map((h) => ({ label: loc(h.label), number: h.number, agency: h.agency ?? "" })),
    attribution: loc(p.attribution),
  };
}

describe("export and import", () => {
  it("exports a YAML pack that imports again with no change", async () => {
    const exported = await exportPack(qn);
    expect(exported?.fileName).toBe("pack.yaml");
    const parsed = parsePackText(exported!.text);
    expect(parsed.ok && (parsed.value as { slug: string }).slug).toBe("quang-ninh");
    const preview = await previewImport({ platformDomain, tenantId: qn, text: exported!.text });
    expect(preview.ok).toBe(true);
    if (preview.ok) expect(preview.value.changes).toEqual([]);
  });

  it("previews exactly what an edited pack changes, then applies it in one go", async () => {
    const exported = (await exportPack(qn))!;
    const text = exported.text
      .replace("names: { vi: Fake News - Tin giả, en: Fake news, zh: 虚假新闻 }", "names: { vi: Tin giả, en: Fake news, zh: 虚假新闻 }")
      .replace("domains: [ covid19.quangninh.gov.vn ]", "domains: [ covid19.quangninh.gov.vn, covid.quangninh.gov.vn ]");
    expect(text).not.toBe(exported.text);
    const untouched = await snapshot(qn);
    const preview = await previewImport({ platformDomain, tenantId: qn, text });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value.changes).toEqual([
      { area: "domains", op: "added", key: "covid.quangninh.gov.vn", after: "covid.quangninh.gov.vn" },
      { area: "sections", op: "changed", key: "tin-gia", field: "names", before: { vi: "Fake News - Tin giả", en: "Fake news", zh: "虚假新闻" }, after: { vi: "Tin giả", en: "Fake news", zh: "虚假新闻" } },
    ]);
    expect(await snapshot(qn)).toEqual(untouched);

    const applied = await applyImport({ platformDomain, tenantId: qn, actor, canonical: preview.value.canonical, version: preview.value.version });
    expect(applied.ok).toBe(true);
    expect((await db.owner.section.findFirst({ where: { tenantId: qn, slug: "tin-gia" } }))?.names).toMatchObject({ vi: "Tin giả" });
    expect((await resolveTenant(db, { kind: "domain", host: "covid.quangninh.gov.vn" }))?.id).toBe(qn);
    const audit = await db.owner.auditLog.findFirst({ where: { tenantId: qn, action: "config.import" } });
    expect(Object.keys(audit?.after as object).sort()).toEqual(["domains:covid.quangninh.gov.vn", "sections:tin-gia.names"]);

    // The same preview cannot be applied twice over a configuration that has moved on.
    const again = await applyImport({ platformDomain, tenantId: qn, actor, canonical: preview.value.canonical, version: preview.value.version });
    expect(again.ok).toBe(false);
  });

  it("lists every problem of an invalid pack with its path, and a syntax error with its line", async () => {
    const exported = (await exportPack(qn))!;
    const bad = exported.text.replace('primary: "#b71c1c"', 'primary: "red"').replace("timeZone: Asia/Ho_Chi_Minh", "timeZone: Mars/Olympus");
    const preview = await previewImport({ platformDomain, tenantId: qn, text: bad, lang: "en" });
    expect(preview.ok).toBe(false);
    if (!preview.ok) {
      expect(preview.errors["branding.colors.primary"]).toEqual(["Must be a colour like #b71c1c."]);
      expect(preview.errors.timeZone).toEqual(["Must be an IANA time zone such as Asia/Ho_Chi_Minh."]);
    }
    const syntax = await previewImport({ platformDomain, tenantId: qn, text: "slug: quang-ninh\nslug: again\n", lang: "en" });
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) expect(syntax.errors.text?.[0]).toMatch(/^Line 2, column 1: /);
  });
});

describe("one province cannot reach another", () => {
  it("refuses Quảng Ninh a pack of Nghệ An and a domain of Nghệ An, and leaves Nghệ An untouched", async () => {
    const ngheAn = await snapshot(na);
    const naPack = await current(na);
    const slug = await save({ platformDomain, tenantId: qn, actor, edit: () => ({ pack: naPack }) });
    expect(slug.ok).toBe(false);
    if (!slug.ok) expect(Object.keys(slug.errors)).toContain("slug");

    const domain = await save({
      platformDomain,
      tenantId: qn,
      actor,
      edit: (p) => editSettings(p, { ...settingsForm(p), domains: `${p.domains.join("\n")}\nthongtincovid19.nghean.gov.vn` }),
    });
    expect(domain.ok).toBe(false);
    if (!domain.ok) expect(domain.errors.domains).toEqual(["Tên miền “thongtincovid19.nghean.gov.vn” đang thuộc về một tỉnh khác."]);
    expect(await snapshot(na)).toEqual(ngheAn);
  });

  it("cannot write over another province's rows even by naming its id: row-level security stops it", async () => {
    const ngheAn = await snapshot(na);
    const naPack = await current(na);
    const renamed = { ...naPack, sections: naPack.sections.map((s, i) => (i === 0 ? { ...s, names: { vi: "Bị ghi đè" } } : s)) };
    await expect(withTenant(db, qn, (tx) => writePack(tx, { tenantId: na, pack: renamed, hash: "x" }))).rejects.toThrow();
    expect(await snapshot(na)).toEqual(ngheAn);
  });
});
