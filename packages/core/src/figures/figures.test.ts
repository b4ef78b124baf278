// Figures by locality (issue 10) on both databases: an agency's editor enters a slot's figures for the
// units it answers for, all or nothing, with history; the section shows the province's figure (entered or
// summed) and running totals; the entry is an update for the deadline engine at the moment it was made.
import { fileURLToPath } from "node:url";
import { beforeAll, expect, it } from "vitest";
import { seedTenants, type Db } from "@cong/db";
import { describeBackends, inUnit } from "@cong/db/testing";
import { loadAbility } from "../accounts/load-ability.ts";
import type { Viewer } from "../accounts/viewer.ts";
import { listInstances } from "../deadlines/compliance.ts";
import { refreshDeadlines } from "../deadlines/refresh-deadlines.ts";
import { asLocalized } from "../json.ts";
import { listTenants } from "../tenants/list-tenants.ts";
import { enterFigures, parseCount, type FigureCell } from "./enter-figures.ts";
import { getFigureGrid } from "./figure-grid.ts";
import { getSectionFigures } from "./public-figures.ts";
import { seedDemoFigures } from "./seed-demo-figures.ts";
import type { EntryScope } from "./series.ts";

const tenantsDir = fileURLToPath(new URL("../../../../tenants", import.meta.url));
const vn = (local: string) => new Date(`${local}+07:00`);
const TZ = "Asia/Ho_Chi_Minh";
// Two wards of Vinh (district 412) and a commune of another district of Nghệ An.
const VINH_A = "16663";
const VINH_B = "16666";

async function member(db: Db, tenantId: string, agencyKey: string, email: string, memberUnit: string | null = null): Promise<Viewer> {
  const agencies = await db.owner.agency.findMany({ where: { tenantId, key: agencyKey } });
  const user = await db.owner.user.create({ data: { tenantId, email, name: "T", roles: ["editor"] } });
  return { id: user.id, sessionId: "", tenantId, email, name: "T", roles: ["editor"], agencies: agencies.map((a) => ({ id: a.id, key: a.key, names: asLocalized(a.names), memberUnit })) };
}

describeBackends("figures", ({ db }) => {
  let na = "";
  let other = "";
  let cdc: Viewer;
  let vinhHealth: Viewer;
  beforeAll(async () => {
    expect((await seedTenants(db(), tenantsDir)).failed).toEqual([]);
    na = (await inUnit(db(), null, (tx) => listTenants({ tx }))).find((t) => t.slug === "nghe-an")!.id;
    // The province came onto the platform at the start of 2026: deadlines count from then.
    await db().owner.tenant.updateMany({ data: { createdAt: new Date("2026-01-01T00:00:00Z") } });
    const communes = await db().owner.adminUnit.findMany({ where: { tenantId: na, levelKey: "commune", NOT: { parentCode: "412" } }, take: 1 });
    other = communes[0]!.code;
    cdc = await member(db(), na, "cdc", "cdc@na.test");
    // A member of the district health centres, acting for Vinh.
    vinhHealth = await member(db(), na, "ttyt-huyen", "ttyt.vinh@na.test", "412");
  });

  const enter = async (viewer: Viewer, date: string, time: string, cells: FigureCell[], now: Date) =>
    inUnit(db(), na, async (tx) => {
      const { ability } = await loadAbility({ tx, viewer, tenantId: na });
      const agencies = await tx.agency.findMany({ where: { id: { in: viewer.agencies.map((a) => a.id) } } });
      const who: EntryScope = { everyUnit: false, agencies: agencies.map((a) => ({ id: a.id, unitCode: a.unitCode, scopeLevel: a.scopeLevel, memberUnit: viewer.agencies.find((x) => x.id === a.id)?.memberUnit ?? null })) };
      return enterFigures({ tx, tenantId: na, ability, actor: { id: viewer.id, email: viewer.email, ip: null }, who, timeZone: TZ, input: { date, time, cells }, now });
    });
  const figureCount = () => db().owner.figure.count({ where: { tenantId: na } });

  it("reads counts as Vietnamese write them", () => {
    expect(["12", "1.234", "1 234", "1,234", "0"].map(parseCount)).toEqual([12, 1234, 1234, 1234, 0]);
    expect(["-1", "1.5", "12a", "", "1.23", "9999999999999"].map(parseCount)).toEqual([null, null, null, null, null, null]);
  });

  it("enters CDC's 06:00 figures at 05:50: the slot is on time on the compliance dashboard", async () => {
    const result = await enter(cdc, "2026-11-20", "06:00", [
      { series: "ca-mac-moi", unit: VINH_A, value: "12" },
      { series: "ca-mac-moi", unit: VINH_B, value: "1.030" },
      { series: "dang-dieu-tri", unit: VINH_A, value: "40" },
    ], vn("2026-11-20T05:50:00"));
    expect(result).toMatchObject({ ok: true, value: { changed: 3 } });
    await refreshDeadlines(db(), na, vn("2026-11-20T12:00:00"));
    const section = await db().owner.section.findFirstOrThrow({ where: { tenantId: na, slug: "so-lieu" } });
    const slots = await inUnit(db(), na, (tx) => listInstances({ tx, tenantId: na, agencyIds: [cdc.agencies[0]!.id], sectionId: section.id, from: vn("2026-11-20T00:00:00"), to: vn("2026-11-21T00:00:00"), now: vn("2026-11-20T12:00:00") }));
    expect(slots.map((s) => [s.key, s.status])).toContainEqual(["2026-11-20T06:00", "fulfilled"]);
  });

  it("refuses a whole grid with one bad cell, naming the cell, and writes nothing", async () => {
    const before = await figureCount();
    const result = await enter(cdc, "2026-11-20", "18:00", [
      { series: "ca-mac-moi", unit: VINH_A, value: "3" },
      { series: "ca-mac-moi", unit: VINH_B, value: "3 ca" },
    ], vn("2026-11-20T18:05:00"));
    expect(result).toEqual({ ok: false, errors: { [`v.ca-mac-moi.${VINH_B}`]: ["errors.figureNotCount"] } });
    expect(await figureCount()).toBe(before);
    // A time the series does not have, and a date that does not exist.
    expect(await enter(cdc, "2026-11-20", "07:00", [{ series: "ca-mac-moi", unit: VINH_A, value: "1" }], vn("2026-11-20T08:00:00"))).toEqual({ ok: false, errors: { time: ["errors.figureTimeNotInSeries"] } });
    expect(await enter(cdc, "2026-02-30", "06:00", [{ series: "ca-mac-moi", unit: VINH_A, value: "1" }], vn("2026-11-20T08:00:00"))).toMatchObject({ ok: false, errors: { date: ["errors.dateInvalid"] } });
  });

  it("lets a district's health centre enter its own district's communes only (403 for another's), and nothing is half-saved", async () => {
    const mine = await enter(vinhHealth, "2026-11-21", "06:00", [{ series: "ca-mac-moi", unit: VINH_A, value: "5" }], vn("2026-11-21T06:10:00"));
    expect(mine).toMatchObject({ ok: true });
    const before = await figureCount();
    const theirs = await enter(vinhHealth, "2026-11-21", "06:00", [
      { series: "ca-mac-moi", unit: VINH_B, value: "2" },
      { series: "ca-mac-moi", unit: other, value: "2" },
    ], vn("2026-11-21T06:10:00"));
    expect(theirs).toEqual({ ok: false, forbidden: true });
    expect(await figureCount()).toBe(before);
    // Its grid offers Vinh's wards only; CDC's offers every commune of the province.
    const grid = (viewer: Viewer) =>
      inUnit(db(), na, async (tx) => {
        const { ability } = await loadAbility({ tx, viewer, tenantId: na });
        const agencies = await tx.agency.findMany({ where: { id: { in: viewer.agencies.map((a) => a.id) } } });
        const who: EntryScope = { everyUnit: false, agencies: agencies.map((a) => ({ id: a.id, unitCode: a.unitCode, scopeLevel: a.scopeLevel, memberUnit: viewer.agencies[0]!.memberUnit ?? null })) };
        return getFigureGrid({ tx, tenantId: na, ability, who, timeZone: TZ, date: "2026-11-21", time: "06:00", sectionId: undefined });
      });
    const vinh = await grid(vinhHealth);
    expect(vinh.rows.map((r) => r.code)).toContain(VINH_B);
    expect(vinh.rows.map((r) => r.code)).not.toContain(other);
    expect(vinh.values[`ca-mac-moi|${VINH_A}`]).toBe("5");
    expect((await grid(cdc)).rows.length).toBeGreaterThan(400);
  });

  it("keeps every correction's history, and the section shows the province's sums and running totals", async () => {
    await enter(cdc, "2026-11-22", "06:00", [{ series: "ca-mac-moi", unit: VINH_A, value: "7" }], vn("2026-11-22T06:00:00"));
    await enter(cdc, "2026-11-22", "06:00", [{ series: "ca-mac-moi", unit: VINH_A, value: "9" }], vn("2026-11-22T06:30:00"));
    const figure = await db().owner.figure.findFirstOrThrow({ where: { tenantId: na, unitCode: VINH_A, slot: vn("2026-11-22T06:00:00") }, include: { revisions: { orderBy: { at: "asc" } } } });
    expect(figure.revisions.map((r) => [r.oldValue === null ? null : Number(r.oldValue), Number(r.newValue), r.actorEmail])).toEqual([
      [null, 7, "cdc@na.test"],
      [7, 9, "cdc@na.test"],
    ]);
    const section = await db().owner.section.findFirstOrThrow({ where: { tenantId: na, slug: "so-lieu" } });
    const shown = await inUnit(db(), na, (tx) => getSectionFigures({ tx, tenantId: na, sectionId: section.id, from: vn("2026-11-21T00:00:00"), to: vn("2026-11-23T00:00:00") }));
    const cases = shown.find((s) => s.key === "ca-mac-moi")!;
    expect(cases.slots).toEqual([vn("2026-11-21T06:00:00").toISOString(), vn("2026-11-22T06:00:00").toISOString()]);
    expect(cases.values).toEqual([5, 9]);
    // Running total since the first figure: 12 + 1030 on the 20th, then 5, then 9.
    expect(cases.totals).toEqual([1047, 1056]);
    expect(cases.latest?.units).toEqual([{ code: VINH_A, name: expect.stringContaining("Đông Vĩnh"), value: 9 }]);
    // One locality: Vinh (412) and its wards hold the same figures; another district holds none of them.
    const inVinh = await inUnit(db(), na, (tx) => getSectionFigures({ tx, tenantId: na, sectionId: section.id, from: vn("2026-11-21T00:00:00"), to: vn("2026-11-23T00:00:00"), unitCode: "412" }));
    expect(inVinh.find((s) => s.key === "ca-mac-moi")).toMatchObject({ values: [5, 9], latest: { units: [{ code: VINH_A, value: 9 }] } });
    const ward = await inUnit(db(), na, (tx) => getSectionFigures({ tx, tenantId: na, sectionId: section.id, from: vn("2026-11-21T00:00:00"), to: vn("2026-11-23T00:00:00"), unitCode: VINH_B }));
    expect(ward.find((s) => s.key === "ca-mac-moi")!.values.every((v) => v === null)).toBe(true);
  });

  it("generates a month of demo figures for the provinces that have none, once, shown as demo", async () => {
    const now = vn("2026-11-30T12:00:00");
    const first = await seedDemoFigures(db(), now);
    expect(first.find((r) => r.slug === "nghe-an")?.created).toBe(0); // it holds real figures already
    expect(first.find((r) => r.slug === "thanh-hoa")?.created).toBeGreaterThan(100);
    expect(first.find((r) => r.slug === "quang-ninh")?.created).toBeGreaterThan(100);
    expect((await seedDemoFigures(db(), now)).every((r) => r.created === 0)).toBe(true);
    const th = (await inUnit(db(), null, (tx) => listTenants({ tx }))).find((t) => t.slug === "thanh-hoa")!.id;
    const section = await db().owner.section.findFirstOrThrow({ where: { tenantId: th, slug: "tinh-hinh-dich" } });
    const shown = await inUnit(db(), th, (tx) => getSectionFigures({ tx, tenantId: th, sectionId: section.id, from: vn("2026-11-01T00:00:00"), to: now }));
    const cases = shown.find((s) => s.key === "ca-mac-moi")!;
    expect(cases.demo).toBe(true);
    // Two slots a day (08:00 and 16:00) over the month, none after now, every figure a count.
    expect(cases.slots.length).toBeGreaterThan(50);
    expect(cases.slots.every((iso) => new Date(iso) <= now)).toBe(true);
    expect(cases.values.every((v) => v === null || (Number.isInteger(v) && v >= 0))).toBe(true);
    expect(cases.totals!.at(-1)).toBeGreaterThan(0);
  });
});
