// The series and place kind forms as edits of the pack, saved through the same door as every config
// form (a real PGlite seeded from tenants/): an added or changed series reaches its row, the stored pack
// and the audit log; bad input is named by the form's field and changes nothing; a series with figures
// or a kind with places is not removed.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TenantPack } from "@cong/config";
import { migrate, openDb, seedTenants, type Db } from "@cong/db";
import { inUnit } from "@cong/db/testing";
import { resolveTenant } from "../index.ts";
import { editFigureSeries, removeFigureSeries } from "./edit-figure-series.ts";
import { editPlaceKind, removePlaceKind } from "./edit-place-kind.ts";
import type { FormInput } from "./form-input.ts";
import { getConfigUsage } from "./get-config-usage.ts";
import { getTenantConfig } from "./get-tenant-config.ts";
import { previewPackImport } from "./preview-pack-import.ts";
import { saveTenantConfig, type PackEdit } from "./save-tenant-config.ts";
import type { Lang } from "../validation.ts";

const tenantsDir = fileURLToPath(new URL("../../../../tenants", import.meta.url));
const actor = { id: null, email: "admin@qn.test", ip: "127.0.0.1" };
let db: Db;
let dir: string;
let qn: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cong-series-"));
  db = await openDb({ dataDir: dir });
  await migrate(db);
  const seeded = await seedTenants(db, tenantsDir);
  expect(seeded.failed).toEqual([]);
  qn = (await resolveTenant(db, { kind: "subdomain", slug: "quang-ninh" }))!.id;
});

afterAll(async () => {
  await db?.close();
  await rm(dir, { recursive: true, force: true });
});

const save = (edit: (pack: TenantPack) => PackEdit, action = "config.update", lang: Lang = "vi") =>
  inUnit(db, qn, (tx) => saveTenantConfig({ tx, tenantId: qn, actor, lang, action, edit, platformDomain: "localhost" }));
const current = async () => (await inUnit(db, qn, (tx) => getTenantConfig({ tx, tenantId: qn })))!.pack;

/** What the series and place kind pages could change, read as the owner: equal snapshots, nothing changed. */
async function snapshot() {
  const o = db.owner;
  return {
    pack: (await o.tenant.findUniqueOrThrow({ where: { id: qn } })).pack,
    series: await o.figureSeries.findMany({ where: { tenantId: qn }, orderBy: { key: "asc" }, include: { agencies: { orderBy: { agencyId: "asc" } } } }),
    kinds: await o.placeKind.findMany({ where: { tenantId: qn }, orderBy: { kind: "asc" }, include: { agencies: { orderBy: { agencyId: "asc" } } } }),
    audit: await o.auditLog.count({ where: { tenantId: qn } }),
  };
}

const loc = (p: TenantPack, v: Record<string, string | undefined> | undefined) => Object.fromEntries(p.locales.offered.map((l) => [l, v?.[l] ?? ""]));

/** The series form as the admin page posts it, from a series of the pack (unticked boxes post nothing). */
function seriesForm(p: TenantPack, key: string): FormInput {
  const f = p.figures.find((x) => x.key === key)!;
  return {
    names: loc(p, f.names),
    description: loc(p, f.description),
    section: f.section,
    measure: f.measure,
    level: f.level ?? "",
    province: f.province,
    times: f.times.join(", "),
    ...(f.cumulative ? { cumulative: "on" } : {}),
    agencies: f.agencies.length === 1 ? f.agencies[0] : [...f.agencies],
    order: String(f.order),
    ...(f.enabled ? { enabled: "on" } : {}),
    source: f.source ?? "",
    feed: { url: f.feed?.url ?? "", format: f.feed?.format ?? "csv", every: f.feed ? String(f.feed.every) : "" },
  };
}

function kindForm(p: TenantPack, kind: string): FormInput {
  const k = p.places.find((x) => x.kind === kind)!;
  return { names: loc(p, k.names), section: k.section, agencies: [...k.agencies], order: String(k.order), ...(k.enabled ? { enabled: "on" } : {}), source: k.source ?? "" };
}

describe("series of figures", () => {
  it("adds a series from the short form, then changes its times, agencies and feed: the row, the stored pack and the audit entry follow", async () => {
    const added = await save(
      (p) =>
        editFigureSeries(p, null, {
          key: "xet-nghiem",
          names: { vi: "Số mẫu xét nghiệm", en: "Samples tested", zh: "检测样本数" },
          section: "bieu-do",
          measure: "count",
          level: "commune",
          province: "sum",
          agencies: "so-y-te",
          order: "9",
          enabled: "on",
        }),
      "config.series.add",
    );
    expect(added).toMatchObject({ ok: true });
    const row = await db.owner.figureSeries.findFirstOrThrow({ where: { tenantId: qn, key: "xet-nghiem" }, include: { agencies: { include: { agency: true } } } });
    expect(row).toMatchObject({ levelKey: "commune", province: "sum", times: ["00:00"], enabled: true, feed: null });
    expect(row.agencies.map((a) => a.agency.key)).toEqual(["so-y-te"]);

    const changed = await save(
      (p) => editFigureSeries(p, "xet-nghiem", { ...seriesForm(p, "xet-nghiem"), times: "18:00,06:00 ; 12:00", agencies: ["so-y-te", "cdc"], feed: { url: "https://soyte.quangninh.gov.vn/xet-nghiem.csv", format: "csv", every: "" } }),
      "config.series.update",
    );
    expect(changed).toMatchObject({ ok: true });
    const after = await db.owner.figureSeries.findFirstOrThrow({ where: { tenantId: qn, key: "xet-nghiem" }, include: { agencies: { include: { agency: true } } } });
    expect(after.times).toEqual(["18:00", "06:00", "12:00"]);
    expect(after.agencies.map((a) => a.agency.key).sort()).toEqual(["cdc", "so-y-te"]);
    expect(after.feed).toEqual({ url: "https://soyte.quangninh.gov.vn/xet-nghiem.csv", format: "csv", every: 60 });
    expect((await current()).figures.find((f) => f.key === "xet-nghiem")?.times).toEqual(["18:00", "06:00", "12:00"]);
    const audit = await db.owner.auditLog.findFirst({ where: { tenantId: qn, action: "config.series.update" }, orderBy: { at: "desc" } });
    expect(audit?.before).toMatchObject({ "figures:xet-nghiem.times": ["00:00"], "figures:xet-nghiem.agencies": ["so-y-te"], "figures:xet-nghiem.feed": null });
    expect(audit?.after).toMatchObject({ "figures:xet-nghiem.times": ["18:00", "06:00", "12:00"] });

    // An empty feed address takes the feed away.
    const noFeed = await save((p) => editFigureSeries(p, "xet-nghiem", { ...seriesForm(p, "xet-nghiem"), feed: { url: " ", format: "json", every: "15" } }));
    expect(noFeed).toMatchObject({ ok: true });
    expect((await db.owner.figureSeries.findFirstOrThrow({ where: { tenantId: qn, key: "xet-nghiem" } })).feed).toBeNull();
  });

  it("names each bad field of the form (a time, an agency, a section, the feed's address, the province's figure) and changes nothing", async () => {
    const untouched = await snapshot();
    const pack = await current();
    const bad = async (change: FormInput, lang: Lang = "vi") => {
      const result = await save((p) => editFigureSeries(p, "ca-mac-moi", { ...seriesForm(pack, "ca-mac-moi"), ...change }, lang), "config.series.update", lang);
      expect(result.ok).toBe(false);
      return result.ok ? {} : result.errors;
    };
    expect(await bad({ times: "06:00, 25:00" })).toEqual({ times: ["“25:00”: Phải là giờ địa phương dạng HH:MM (00:00–23:59)."] });
    expect(await bad({ times: "06:00, 06:00" }, "en")).toEqual({ times: ["A time is listed twice."] });
    expect(await bad({ times: "" }, "en")).toHaveProperty("times");
    expect(await bad({ agencies: ["so-y-te", "so-khong-co"] })).toEqual({ agencies: ["Không có cơ quan “so-khong-co” trong cấu hình."] });
    expect(await bad({ agencies: undefined }, "en")).toHaveProperty("agencies");
    expect(await bad({ section: "khong-co" }, "en")).toEqual({ section: ["There is no section “khong-co” in the configuration."] });
    expect(await bad({ section: "tin-gia" }, "en")).toEqual({ section: ["The section “tin-gia” is a Fake news section: figures belong in a statistics or charts section."] });
    expect(await bad({ feed: { url: "ftp://soyte.quangninh.gov.vn/ca.csv", format: "csv", every: "30" } }, "en")).toEqual({ "feed.url": ["Must be an http or https address."] });
    expect(await bad({ feed: { url: "https://soyte.quangninh.gov.vn/ca.csv", format: "xml", every: "2" } }, "en")).toMatchObject({ "feed.format": [expect.any(String)], "feed.every": [expect.any(String)] });
    expect(await bad({ level: "", province: "sum" }, "en")).toEqual({
      province: ["A series entered for the province only cannot be the sum of its localities: choose a level, or have the province-wide figure entered directly."],
    });
    expect(await bad({ level: "thon" }, "en")).toEqual({ level: ["There is no administrative level “thon”."] });
    expect(await bad({ names: { vi: "", en: "New cases", zh: "新增病例" } })).toEqual({ "names.vi": ["Cần nhập nội dung tiếng Việt."] });
    // A second series under a key already taken.
    const twice = await save((p) => editFigureSeries(p, null, { ...seriesForm(pack, "ca-mac-moi"), key: "ca-mac-moi" }, "en"), "config.series.add", "en");
    expect(twice).toEqual({ ok: false, errors: { key: ["“ca-mac-moi” appears twice."] } });
    expect(await snapshot()).toEqual(untouched);
  });

  it("removes a series with no figures, refuses one with figures (they are kept) and one the map opens with", async () => {
    const removed = await save((p) => removeFigureSeries(p, "xet-nghiem"), "config.series.remove");
    expect(removed).toMatchObject({ ok: true });
    if (removed.ok) expect(removed.value.changes.map((c) => `${c.op} ${c.area} ${c.key}`)).toEqual(["removed figures xet-nghiem"]);
    expect(await db.owner.figureSeries.count({ where: { tenantId: qn, key: "xet-nghiem" } })).toBe(0);
    // A removed series leaves the charts that drew it, and a chart left with none goes too.
    const chartsAfter = async (key: string) => (removeFigureSeries(await current(), key).pack as { charts: { key: string; series: string[] }[] }).charts;
    expect((await chartsAfter("ca-mac-moi")).map((c) => c.key)).toEqual(["ket-qua-tiem-chung", "pc-covid-qr-ra-vao"]);
    expect((await chartsAfter("tiem-mui-2")).find((c) => c.key === "ket-qua-tiem-chung")?.series).toEqual(["tiem-mui-1"]);

    const series = await db.owner.figureSeries.findFirstOrThrow({ where: { tenantId: qn, key: "quet-qr" } });
    await db.owner.figure.create({ data: { tenantId: qn, seriesId: series.id, unitCode: "22", slot: new Date("2021-09-01T00:00:00Z"), value: 1200n } });
    expect((await inUnit(db, qn, (tx) => getConfigUsage({ tx, tenantId: qn }))).figures).toMatchObject({ "quet-qr": 1, "nguoi-vao": 0 });
    const untouched = await snapshot();
    const refused = await save((p) => removeFigureSeries(p, "quet-qr"), "config.series.remove");
    expect(refused).toEqual({ ok: false, errors: { form: ["Không xóa được loại số liệu “Lượt quét mã QR” vì đã có 1 số liệu được nhập; hãy tắt loại số liệu này thay vì xóa."] } });
    expect(await snapshot()).toEqual(untouched);
    expect(await db.owner.figure.count({ where: { seriesId: series.id } })).toBe(1);
    // The other door says the same: an imported pack without the series is refused at its preview.
    const pack = await current();
    const text = JSON.stringify({ ...pack, figures: pack.figures.filter((f) => f.key !== "quet-qr"), charts: pack.charts.map((c) => ({ ...c, series: c.series.filter((k) => k !== "quet-qr") })) });
    const imported = await inUnit(db, qn, (tx) => previewPackImport({ tx, tenantId: qn, text, lang: "en", platformDomain: "localhost" }));
    expect(imported).toEqual({ ok: false, errors: { form: ["The series “QR code scans” cannot be removed: figures have been entered in it (1). Turn it off instead."] } });
    // Turning it off is what the page offers instead, and keeps the figures.
    const off = await save((p) => editFigureSeries(p, "quet-qr", { ...seriesForm(p, "quet-qr"), enabled: undefined }));
    expect(off).toMatchObject({ ok: true });
    expect(await db.owner.figureSeries.findFirstOrThrow({ where: { id: series.id } })).toMatchObject({ enabled: false });

    const map = await save((p) => removeFigureSeries(p, "cap-do-dich", "en"), "config.series.remove", "en");
    expect(map).toEqual({ ok: false, errors: { form: [expect.stringMatching(/^The series “Epidemic level” cannot be removed: the portal's map is shaded by it\./)] } });
    // Made province-only, it could no longer shade the map: the schema says so, where it lies.
    const provinceOnly = await save((p) => editFigureSeries(p, "cap-do-dich", { ...seriesForm(p, "cap-do-dich"), level: "" }, "en"), "config.series.update", "en");
    expect(provinceOnly).toEqual({ ok: false, errors: { "map.figure": ["Map › Series on the map: The series “cap-do-dich” has province-wide figures only: a map needs a series by locality."] } });
    // A series gone meanwhile (another admin removed it) is named, not a crash.
    expect(await save((p) => editFigureSeries(p, "khong-co", {}, "en"), "config.series.update", "en")).toEqual({ ok: false, errors: { form: ["Series “khong-co” is no longer in the configuration."] } });
  });
});

describe("kinds of place", () => {
  it("removes a kind with no places, adds it back with the province's own name, and names bad fields", async () => {
    const removed = await save((p) => removePlaceKind(p, "hotline"), "config.place-kind.remove");
    expect(removed).toMatchObject({ ok: true });
    expect(await db.owner.placeKind.count({ where: { tenantId: qn, kind: "hotline" } })).toBe(0);

    const untouched = await snapshot();
    const add = (input: FormInput, lang: Lang = "en") => save((p) => editPlaceKind(p, null, input, lang), "config.place-kind.add", lang);
    const form = { kind: "hotline", section: "ban-do", agencies: "so-y-te", order: "10", enabled: "on" };
    expect(await add({ ...form, agencies: ["so-y-te", "so-khong-co"] })).toEqual({ ok: false, errors: { agencies: ["There is no agency “so-khong-co” in the configuration."] } });
    expect(await add({ ...form, section: "bieu-do" })).toEqual({ ok: false, errors: { section: ["The section “bieu-do” is a Charts section: places belong in a facilities or map section."] } });
    expect(await add({ ...form, kind: "quarantine" })).toEqual({ ok: false, errors: { kind: ["“quarantine” appears twice."] } });
    expect((await add({ ...form, kind: "bunker" })).ok).toBe(false);
    expect(await snapshot()).toEqual(untouched);

    expect(await add(form)).toMatchObject({ ok: true });
    const named = await save((p) => editPlaceKind(p, "hotline", { ...kindForm(p, "hotline"), names: { vi: "Đường dây nóng", en: "Hotlines", zh: "热线" }, source: "3591/QĐ-UBND Điều 2.1" }), "config.place-kind.update");
    expect(named).toMatchObject({ ok: true });
    expect(await db.owner.placeKind.findFirstOrThrow({ where: { tenantId: qn, kind: "hotline" } })).toMatchObject({ names: { vi: "Đường dây nóng", en: "Hotlines", zh: "热线" }, source: "3591/QĐ-UBND Điều 2.1" });
    // Emptying every name box goes back to the interface's name.
    expect(await save((p) => editPlaceKind(p, "hotline", { ...kindForm(p, "hotline"), names: { vi: "", en: "", zh: "" } }))).toMatchObject({ ok: true });
    expect((await current()).places.find((k) => k.kind === "hotline")?.names).toBeUndefined();
  });

  it("refuses to remove a kind that has places, and keeps them", async () => {
    const kind = await db.owner.placeKind.findFirstOrThrow({ where: { tenantId: qn, kind: "testing" } });
    await db.owner.place.create({ data: { tenantId: qn, kindId: kind.id, names: { vi: "Điểm xét nghiệm Bãi Cháy" }, sortName: "diem xet nghiem bai chay" } });
    const untouched = await snapshot();
    const refused = await save((p) => removePlaceKind(p, "testing"), "config.place-kind.remove");
    expect(refused).toEqual({
      ok: false,
      errors: { form: ["Không xóa được loại địa điểm “Cơ sở đủ điều kiện xét nghiệm COVID-19” vì đã có 1 địa điểm; hãy tắt loại địa điểm này thay vì xóa."] },
    });
    expect(await snapshot()).toEqual(untouched);
    expect(await db.owner.place.count({ where: { kindId: kind.id } })).toBe(1);
  });
});
