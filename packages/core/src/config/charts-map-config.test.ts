// The chart and map forms as edits of the pack (issue 10), saved through the same door as every config
// form, on both databases: an added or changed chart reaches the stored pack and the audit log; a series
// of another section, one without running totals under "running totals", one chosen twice or a key taken
// is named on its slot or field, in the admin's language, and changes nothing; removing a chart keeps its
// series. The map form sets the opening series, bounds and basemap, keeps the boundaries file, and names
// a bad bound or tile template.
import { fileURLToPath } from "node:url";
import { beforeAll, expect, it } from "vitest";
import type { TenantPack } from "@cong/config";
import { seedTenants } from "@cong/db";
import { describeBackends, inUnit } from "@cong/db/testing";
import { resolveTenant } from "../index.ts";
import type { Lang } from "../validation.ts";
import { editFigureChart, removeFigureChart } from "./edit-figure-chart.ts";
import { basemapOf, editMap } from "./edit-map.ts";
import type { FormInput } from "./form-input.ts";
import { getTenantConfig } from "./get-tenant-config.ts";
import { saveTenantConfig, type PackEdit } from "./save-tenant-config.ts";

const tenantsDir = fileURLToPath(new URL("../../../../tenants", import.meta.url));
const actor = { id: null, email: "admin@qn.test", ip: "127.0.0.1" };

describeBackends("charts of several series and the map in the configuration", ({ db }) => {
  let qn = "";
  let na = "";
  beforeAll(async () => {
    expect((await seedTenants(db(), tenantsDir)).failed).toEqual([]);
    qn = (await resolveTenant(db(), { kind: "subdomain", slug: "quang-ninh" }))!.id;
    na = (await resolveTenant(db(), { kind: "subdomain", slug: "nghe-an" }))!.id;
  });
  const save = (edit: (pack: TenantPack) => PackEdit, action: string, lang: Lang = "vi", tenantId = qn) =>
    inUnit(db(), tenantId, (tx) => saveTenantConfig({ tx, tenantId, actor, lang, action, edit, platformDomain: "localhost" }));
  const current = async (tenantId = qn) => (await inUnit(db(), tenantId, (tx) => getTenantConfig({ tx, tenantId })))!.pack;
  const state = async () => ({ pack: (await db().owner.tenant.findUniqueOrThrow({ where: { id: qn } })).pack, audit: await db().owner.auditLog.count({ where: { tenantId: qn } }) });
  const names = { vi: "Xét nghiệm và tiêm chủng", en: "Tests and vaccination", zh: "检测与接种" };
  /** The form as the page posts it: six slots, the unused ones empty. */
  const slots = (...keys: string[]) => Object.fromEntries(Array.from({ length: 6 }, (_, i) => [String(i), keys[i] ?? ""]));
  const form = (o: Partial<Record<string, unknown>> = {}): FormInput => ({ key: "tiem-va-xet-nghiem", names, section: "bieu-do", kind: "bar", order: "4", ...o }) as FormInput;

  it("adds a chart from the slots in their order (blanks dropped), changes it, and removes it without touching its series", async () => {
    const before = await state();
    const added = await save((p) => editFigureChart(p, null, form({ series: slots("", "tiem-mui-2", "", "tiem-mui-1"), cumulative: "on", kind: "stacked-bar" })), "config.chart.add");
    expect(added).toMatchObject({ ok: true });
    const chart = (await current()).charts.find((c) => c.key === "tiem-va-xet-nghiem");
    expect(chart).toEqual({ key: "tiem-va-xet-nghiem", names, section: "bieu-do", series: ["tiem-mui-2", "tiem-mui-1"], kind: "stacked-bar", cumulative: true, order: 4 });
    expect((await state()).audit).toBe(before.audit + 1);
    const entry = await db().owner.auditLog.findFirstOrThrow({ where: { tenantId: qn, action: "config.chart.add" } });
    expect(JSON.stringify(entry)).toContain("tiem-va-xet-nghiem");

    // The edit form posts every field; the key stays what it was whatever is posted.
    const changed = await save((p) => editFigureChart(p, "tiem-va-xet-nghiem", form({ key: "doi-ma", series: slots("tiem-mui-1", "tiem-mui-2", "ca-mac-moi"), kind: "line", order: "5" })), "config.chart.update");
    expect(changed).toMatchObject({ ok: true });
    expect((await current()).charts.find((c) => c.key === "tiem-va-xet-nghiem")).toMatchObject({ series: ["tiem-mui-1", "tiem-mui-2", "ca-mac-moi"], kind: "line", cumulative: false, order: 5 });
    expect((await current()).charts.some((c) => c.key === "doi-ma")).toBe(false);

    const figures = (await current()).figures.map((f) => f.key);
    expect(await save((p) => removeFigureChart(p, "tiem-va-xet-nghiem"), "config.chart.remove")).toMatchObject({ ok: true });
    expect((await current()).charts.map((c) => c.key)).toEqual(["dien-bien-dich", "ket-qua-tiem-chung", "pc-covid-qr-ra-vao"]);
    expect((await current()).figures.map((f) => f.key)).toEqual(figures);
  });

  it("names the slot of a series from another section or without running totals, a series chosen twice, a key taken and no series at all; nothing changes", async () => {
    const before = await state();
    const add = (o: Partial<Record<string, unknown>>, lang: Lang = "vi") => save((p) => editFigureChart(p, null, form(o), lang), "config.chart.add", lang);
    // cap-do-dich is shown in its own section; the blank first slot is dropped, so it is the second.
    expect(await add({ series: slots("", "tiem-mui-1", "cap-do-dich") })).toEqual({
      ok: false,
      errors: { "series[1]": ["Loại số liệu “cap-do-dich” hiển thị ở chuyên mục “cap-do-dich”: biểu đồ chỉ vẽ các loại số liệu của chuyên mục mình."] },
    });
    expect(await add({ series: slots("tiem-mui-1", "quet-qr"), cumulative: "on" }, "en")).toEqual({
      ok: false,
      errors: { "series[1]": ["The series “quet-qr” keeps no running total: turn running totals on for it, or untick drawing running totals."] },
    });
    expect(await add({ series: slots("tiem-mui-1", "tiem-mui-1") }, "en")).toEqual({ ok: false, errors: { "series[1]": ["The series “tiem-mui-1” is chosen twice."] } });
    expect(await add({ series: slots("tiem-mui-1", "khong-co") }, "en")).toEqual({ ok: false, errors: { "series[1]": ["There is no series “khong-co” in the configuration."] } });
    expect(await add({ key: "dien-bien-dich", series: slots("tiem-mui-1") }, "en")).toMatchObject({ ok: false, errors: { key: [expect.stringContaining("dien-bien-dich")] } });
    const none = await add({ series: slots() }, "en");
    expect(none.ok).toBe(false);
    expect(Object.keys(none.ok ? {} : none.errors)).toEqual(["series[0]"]);
    expect(await add({ series: slots("tiem-mui-1"), section: "tin-tuc" }, "en")).toMatchObject({ ok: false, errors: { section: [expect.stringMatching(/^Section “tin-tuc” is a .+ section: charts go in a statistics or charts section\.$/)] } });
    expect(await save((p) => editFigureChart(p, "khong-co", form(), "en"), "config.chart.update", "en")).toEqual({ ok: false, errors: { form: ["Chart “khong-co” is no longer in the configuration."] } });
    expect(await state()).toEqual(before);
  });

  it("sets the map's opening series, bounds and basemap, keeps the boundaries file, and names a bad bound or tile template", async () => {
    const before = await current(na);
    expect(basemapOf(before.map)).toBe("none");
    const tiles = { url: "https://tiles.example.vn/{z}/{x}/{y}.png", attribution: { vi: "© Bản đồ nền tỉnh Nghệ An" }, tileSize: "512", maxZoom: "17" };
    const form = (o: Partial<Record<string, unknown>> = {}): FormInput => ({ figure: "tu-vong", bounds: ["103,9", "18.5", "105.8", "20.1"], basemap: "tiles", tiles, style: "https://ignored.example.vn/style.json", ...o }) as FormInput;
    const saved = await save((p) => editMap(p, form()), "config.map.update", "vi", na);
    expect(saved).toMatchObject({ ok: true });
    const map = (await current(na)).map!;
    expect(map).toEqual({ figure: "tu-vong", bounds: [103.9, 18.5, 105.8, 20.1], tiles: { url: tiles.url, attribution: tiles.attribution, tileSize: 512, maxZoom: 17 }, boundaries: before.map!.boundaries });
    expect(basemapOf(map)).toBe("tiles");

    const packBefore = (await db().owner.tenant.findUniqueOrThrow({ where: { id: na } })).pack;
    const refuse = async (o: Partial<Record<string, unknown>>) => {
      const result = await save((p) => editMap(p, form(o)), "config.map.update", "en", na);
      expect(result.ok).toBe(false);
      return result.ok ? {} : result.errors;
    };
    expect(await refuse({ bounds: ["105.8", "18.5", "103.9", "20.1"] })).toEqual({ "bounds[0]": ["West must be less than east, and south less than north."] });
    expect(Object.keys(await refuse({ bounds: ["103.9", "", "105.8", "20.1"] }))).toEqual(["bounds[1]"]);
    expect(await refuse({ tiles: { ...tiles, url: "https://tiles.example.vn/tile.png" } })).toEqual({ "tiles.url": ["The address must contain {z}, {x} and {y}."] });
    expect(await refuse({ basemap: "style", style: "https://styles.example.vn/style.json", accessToken: "sk.secret" })).toEqual({ accessToken: ["Must be a public Mapbox token (pk.…)."] });
    expect(Object.keys(await refuse({ basemap: "style", style: "", accessToken: "pk.abc" }))).toContain("style");
    expect((await db().owner.tenant.findUniqueOrThrow({ where: { id: na } })).pack).toEqual(packBefore);

    // Back to no basemap and no bounds: only the series and the boundaries file stay.
    expect(await save((p) => editMap(p, form({ basemap: "none", bounds: ["", "", "", ""], figure: "" })), "config.map.update", "vi", na)).toMatchObject({ ok: true });
    expect((await current(na)).map).toEqual({ boundaries: before.map!.boundaries });
  });
});
