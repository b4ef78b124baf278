// Importing figures from a file (issue 10) on both databases: a file with any bad row changes nothing and
// names each bad row, column and reason; a good CSV or XLSX is written in bulk and the section shows it;
// a district's member cannot import another district's figures; importing the same file twice changes
// nothing the second time. And the reader, on its own: the type is decided by the bytes, not the name.
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { seedTenants, type Db } from "@cong/db";
import { describeBackends, inUnit } from "@cong/db/testing";
import { loadAbility } from "../accounts/load-ability.ts";
import type { Viewer } from "../accounts/viewer.ts";
import { asLocalized } from "../json.ts";
import { listTenants } from "../tenants/list-tenants.ts";
import { figureTemplate, importFigures, readDate, readTime } from "./import-figures.ts";
import { getSectionFigures } from "./public-figures.ts";
import { MAX_FILE_ROWS, readFigureFile } from "./read-figure-file.ts";
import { BATCH } from "./save-figures.ts";
import type { EntryScope } from "./series.ts";

const tenantsDir = fileURLToPath(new URL("../../../../tenants", import.meta.url));
const vn = (local: string) => new Date(`${local}+07:00`);
const TZ = "Asia/Ho_Chi_Minh";
// Two wards of Vinh (district 412) in Nghệ An (province code 40).
const VINH_A = "16663";
const VINH_B = "16666";
const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = "\uFEFF";

async function member(db: Db, tenantId: string, agencyKey: string, email: string, memberUnit: string | null = null): Promise<Viewer> {
  const agencies = await db.owner.agency.findMany({ where: { tenantId, key: agencyKey } });
  const user = await db.owner.user.create({ data: { tenantId, email, name: "T", roles: ["editor"] } });
  return { id: user.id, sessionId: "", tenantId, email, name: "T", roles: ["editor"], agencies: agencies.map((a) => ({ id: a.id, key: a.key, names: asLocalized(a.names), memberUnit })) };
}

describe("reading a file of figures", () => {
  it("reads quoted fields, either separator and a BOM, keeping each row's line in the file", async () => {
    const read = await readFigureFile({ name: "so-lieu.csv", bytes: utf8(`${BOM}Ngày;Ghi chú;Giá trị\r\n20/11/2026;"một; hai\r\nba";"1.234"\r\n\r\n21/11/2026;"nói ""có""";5\r\n`) });
    expect(read).toEqual({
      ok: true,
      table: {
        kind: "csv",
        rows: [
          { line: 1, cells: ["Ngày", "Ghi chú", "Giá trị"] },
          { line: 2, cells: ["20/11/2026", "một; hai\r\nba", "1.234"] },
          { line: 5, cells: ["21/11/2026", 'nói "có"', "5"] },
        ],
      },
    });
  });

  it("decides the type by the bytes: a PNG named .csv, a CSV named .xlsx, a workbook named .csv and legacy encodings are refused", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(await readFigureFile({ name: "so-lieu.csv", bytes: png })).toEqual({ ok: false, problem: "errors.fileType" });
    expect(await readFigureFile({ name: "so-lieu.xlsx", bytes: utf8("Ngày,Giá trị\n") })).toEqual({ ok: false, problem: "errors.fileNameMismatch" });
    const xlsx = await (await writeXlsxFile([[{ value: "Ngày" }]])).toBuffer();
    expect(await readFigureFile({ name: "so-lieu.csv", bytes: xlsx })).toEqual({ ok: false, problem: "errors.fileNameMismatch" });
    expect(await readFigureFile({ name: "so-lieu.pdf", bytes: utf8("Ngày\n") })).toEqual({ ok: false, problem: "errors.fileType" });
    // "Ngày" in Windows-1258 is not UTF-8.
    expect(await readFigureFile({ name: "so-lieu.csv", bytes: new Uint8Array([0x4e, 0x67, 0xe0, 0xf2, 0x79, 0x0a]) })).toEqual({ ok: false, problem: "errors.figureImportEncoding" });
    // A ZIP that is not a workbook.
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(40)]);
    expect((await readFigureFile({ name: "a.xlsx", bytes: zip })).ok).toBe(false);
  });

  it("refuses a file over 20 MB or over 200,000 rows", async () => {
    expect(await readFigureFile({ name: "a.csv", bytes: new Uint8Array(20 * 1024 * 1024 + 1).fill(0x31) })).toEqual({ ok: false, problem: "errors.figureImportTooLarge" });
    const rows = `a,b\n${"1,2\n".repeat(MAX_FILE_ROWS + 1)}`;
    expect(await readFigureFile({ name: "a.csv", bytes: utf8(rows) })).toEqual({ ok: false, problem: "errors.figureImportTooManyRows" });
  });

  it("reads dates and times as offices write them", () => {
    expect(["2026-11-20", "20/11/2026", "5/1/2026", "20.11.2026", 46346, new Date(Date.UTC(2026, 10, 20))].map(readDate)).toEqual(["2026-11-20", "2026-11-20", "2026-01-05", "2026-11-20", "2026-11-20", "2026-11-20"]);
    expect(["30/02/2026", "2026-13-01", "11/20/2026", "hôm nay", null].map(readDate)).toEqual([null, null, null, null, null]);
    expect(["06:00", "6:00", "6h", "18h30", "06:00:00", 0.25, new Date(Date.UTC(1899, 11, 30, 18, 0))].map(readTime)).toEqual(["06:00", "06:00", "06:00", "18:30", "06:00", "06:00", "18:00"]);
    expect(["24:00", "6", "06:60", 1.5].map(readTime)).toEqual([null, null, null, null]);
  });
});

describeBackends("figures import", ({ db }) => {
  let na = "";
  let other = "";
  let cdc: Viewer;
  let vinhHealth: Viewer;
  beforeAll(async () => {
    expect((await seedTenants(db(), tenantsDir)).failed).toEqual([]);
    na = (await inUnit(db(), null, (tx) => listTenants({ tx }))).find((t) => t.slug === "nghe-an")!.id;
    other = (await db().owner.adminUnit.findFirstOrThrow({ where: { tenantId: na, levelKey: "commune", NOT: { parentCode: "412" } } })).code;
    cdc = await member(db(), na, "cdc", "cdc@na.test");
    vinhHealth = await member(db(), na, "ttyt-huyen", "ttyt.vinh@na.test", "412");
  });

  const scope = async (viewer: Viewer, tx: Parameters<Parameters<typeof inUnit>[2]>[0]) => {
    const { ability } = await loadAbility({ tx, viewer, tenantId: na });
    const agencies = await tx.agency.findMany({ where: { id: { in: viewer.agencies.map((a) => a.id) } } });
    const who: EntryScope = { everyUnit: false, agencies: agencies.map((a) => ({ id: a.id, unitCode: a.unitCode, scopeLevel: a.scopeLevel, memberUnit: viewer.agencies.find((x) => x.id === a.id)?.memberUnit ?? null })) };
    return { ability, who };
  };
  const importAs = (viewer: Viewer, name: string, bytes: Uint8Array, now: Date) =>
    inUnit(db(), na, async (tx) => importFigures({ tx, tenantId: na, ...(await scope(viewer, tx)), actor: { id: viewer.id, email: viewer.email, ip: null }, timeZone: TZ, file: { name, bytes }, now }));
  const figureCount = () => db().owner.figure.count({ where: { tenantId: na } });
  const section = () => db().owner.section.findFirstOrThrow({ where: { tenantId: na, slug: "so-lieu" } });

  it("refuses a CSV with one bad row, naming its line, column and reason, and writes nothing", async () => {
    const before = await figureCount();
    const csv = ["date,time,unit,series,value", `2026-11-20,06:00,${VINH_A},ca-mac-moi,12`, `2026-11-20,06:00,${VINH_B},ca-mac-moi,3 ca`, `2026-11-20,06:00,${VINH_B},dang-dieu-tri,4`].join("\n");
    const result = await importAs(cdc, "so-lieu.csv", utf8(csv), vn("2026-11-20T07:00:00"));
    expect(result).toEqual({ ok: false, errors: { file: ["errors.figureImportBadRows"] }, rows: [{ row: 3, column: "value", reason: "errors.figureNotCount" }], total: 3 });
    expect(await figureCount()).toBe(before);
  });

  it("rolls back the batches it already wrote when a bad row comes after them", async () => {
    const before = await figureCount();
    const revisions = () => db().owner.figureRevision.count({ where: { tenantId: na } });
    const revisionsBefore = await revisions();
    const series = await db().owner.figureSeries.findFirstOrThrow({ where: { tenantId: na, key: "ca-mac-moi" } });
    const communes = (await db().owner.adminUnit.findMany({ where: { tenantId: na, levelKey: series.levelKey! }, select: { code: true } })).map((u) => u.code);
    const lines = ["date,time,unit,series,value"];
    // More than two whole batches of good rows (each day: every commune at 06:00 and 18:00 of October).
    for (let d = 1; lines.length <= 2 * BATCH + 1; d++) for (const code of communes) for (const time of ["06:00", "18:00"]) lines.push(`2026-10-${String(d).padStart(2, "0")},${time},${code},ca-mac-moi,${d}`);
    expect(lines.at(-1)!.startsWith("2026-10-")).toBe(true);
    lines.push(`2026-11-01,06:00,${VINH_A},ca-mac-moi,nhiều`);
    const result = await importAs(cdc, "lon.csv", utf8(lines.join("\n")), vn("2026-11-20T07:00:00"));
    expect(result).toEqual({ ok: false, errors: { file: ["errors.figureImportBadRows"] }, rows: [{ row: lines.length, column: "value", reason: "errors.figureNotCount" }], total: lines.length - 1 });
    expect(await figureCount()).toBe(before);
    expect(await revisions()).toBe(revisionsBefore);
  });

  it("names every bad row of a file: unknown series, a unit of another level, a time the series lacks, a slot two days ahead, a duplicate, a missing column", async () => {
    const csv = [
      "Ngày,Giờ,Mã địa bàn,Số liệu,Giá trị",
      `20/11/2026,06:00,${VINH_A},ca-mac-cu,1`,
      `20/11/2026,06:00,412,ca-mac-moi,1`,
      `20/11/2026,07:00,${VINH_A},ca-mac-moi,1`,
      `23/11/2026,06:00,${VINH_A},ca-mac-moi,1`,
      `20/11/2026,06:00,${VINH_A},ca-mac-moi,1`,
      `20/11/2026,6h,${VINH_A},Ca mắc mới,2`,
      `31/11/2026,,99999,,`,
    ].join("\n");
    const result = await importAs(cdc, "so-lieu.csv", utf8(csv), vn("2026-11-20T07:00:00"));
    expect(result.ok ? [] : result.rows).toEqual([
      { row: 2, column: "Số liệu", reason: "errors.figureSeriesUnknown" },
      { row: 3, column: "Mã địa bàn", reason: "errors.figureUnitNotInSeries" },
      { row: 4, column: "Giờ", reason: "errors.figureTimeNotInSeries" },
      { row: 5, column: "Ngày", reason: "errors.figureInFuture" },
      { row: 7, column: "Mã địa bàn", reason: "errors.figureImportDuplicate", values: { row: 6 } },
      { row: 8, column: "Ngày", reason: "errors.figureImportDate" },
      { row: 8, column: "Mã địa bàn", reason: "errors.figureUnitUnknown" },
      { row: 8, column: "Số liệu", reason: "errors.required" },
      { row: 8, column: "Giá trị", reason: "errors.required" },
    ]);
    const noValue = await importAs(cdc, "so-lieu.csv", utf8(`Ngày,Giờ,Mã địa bàn,Số liệu\n20/11/2026,06:00,${VINH_A},ca-mac-moi\n`), vn("2026-11-20T07:00:00"));
    expect(noValue).toMatchObject({ ok: false, rows: [{ row: 1, column: "Giá trị", reason: "errors.figureImportColumnMissing" }] });
  });

  it("imports a good XLSX (date cells, codes as numbers) and the section shows its totals", async () => {
    const header = ["Ngày", "Giờ", "Mã địa bàn", "Tên địa bàn", "Số liệu", "Giá trị"].map((value) => ({ value }));
    const day = (d: number) => ({ value: new Date(Date.UTC(2026, 10, d)), format: "dd/mm/yyyy" });
    const xlsx = await (
      await writeXlsxFile([
        header,
        [day(21), { value: "06:00" }, { value: Number(VINH_A) }, { value: "Đông Vĩnh" }, { value: "ca-mac-moi" }, { value: 7 }],
        [day(21), { value: "06:00" }, { value: Number(VINH_B) }, null, { value: "ca-mac-moi" }, { value: 1030 }],
        [day(21), { value: "18:00" }, { value: VINH_A }, null, { value: "ca-mac-moi" }, { value: "3" }],
        [day(21), { value: "06:00" }, { value: VINH_A }, null, { value: "dang-dieu-tri" }, { value: 40 }],
      ])
    ).toBuffer();
    const result = await importAs(cdc, "so-lieu.xlsx", xlsx, vn("2026-11-21T19:00:00"));
    expect(result).toEqual({ ok: true, value: { rows: 4, changed: 4, unchanged: 0, slots: 2 } });
    const sectionId = (await section()).id;
    const shown = await inUnit(db(), na, (tx) => getSectionFigures({ tx, tenantId: na, sectionId, from: vn("2026-11-21T00:00:00"), to: vn("2026-11-22T00:00:00") }));
    const cases = shown.find((s) => s.key === "ca-mac-moi")!;
    expect(cases.values).toEqual([1037, 3]);
    expect(cases.totals).toEqual([1037, 1040]);
    // Each agency's entry is an update of its section, and the import is one audit entry.
    expect(await db().owner.updateEvent.count({ where: { tenantId: na, agencyId: cdc.agencies[0]!.id, at: vn("2026-11-21T19:00:00") } })).toBe(1);
    expect(await db().owner.auditLog.count({ where: { tenantId: na, action: "figures.import" } })).toBe(1);
  });

  it("refuses a district member's file holding another district's commune: the rows are named, nothing is written", async () => {
    const before = await figureCount();
    const csv = ["date,unit,series,value,time", `2026-11-21,${VINH_A},ca-mac-moi,1,06:00`, `2026-11-21,${other},ca-mac-moi,2,06:00`].join("\n");
    const result = await importAs(vinhHealth, "huyen.csv", utf8(csv), vn("2026-11-21T19:00:00"));
    expect(result).toEqual({ ok: false, errors: { file: ["errors.figureImportBadRows"] }, rows: [{ row: 3, column: "unit", reason: "errors.figureUnitForbidden" }], total: 2 });
    expect(await figureCount()).toBe(before);
    // The province's vaccination series is not theirs at all.
    const vaccine = await importAs(vinhHealth, "huyen.csv", utf8(`date,unit,series,value\n2026-11-21,tỉnh,tiem-mui-1,100\n`), vn("2026-11-21T19:00:00"));
    expect(vaccine).toMatchObject({ ok: false, rows: [{ row: 2, column: "series", reason: "errors.figureSeriesForbidden" }] });
  });

  it("changes nothing when the same file is imported again, and keeps each change's history", async () => {
    const csv = utf8(["date,time,unit,series,value", `2026-11-22,06:00,${VINH_A},ca-mac-moi,5`, `2026-11-22,06:00,${VINH_B},ca-mac-moi,6`].join("\n"));
    expect(await importAs(cdc, "a.csv", csv, vn("2026-11-22T07:00:00"))).toEqual({ ok: true, value: { rows: 2, changed: 2, unchanged: 0, slots: 1 } });
    const figure = () => db().owner.figure.findFirstOrThrow({ where: { tenantId: na, unitCode: VINH_A, slot: vn("2026-11-22T06:00:00") }, include: { revisions: true } });
    const first = await figure();
    expect(await importAs(cdc, "a.csv", csv, vn("2026-11-22T08:00:00"))).toEqual({ ok: true, value: { rows: 2, changed: 0, unchanged: 2, slots: 1 } });
    expect(await figure()).toEqual(first);
    const corrected = utf8(["date,time,unit,series,value", `2026-11-22,06:00,${VINH_A},ca-mac-moi,8`, `2026-11-22,06:00,${VINH_B},ca-mac-moi,6`].join("\n"));
    expect(await importAs(cdc, "b.csv", corrected, vn("2026-11-22T09:00:00"))).toMatchObject({ ok: true, value: { changed: 1, unchanged: 1 } });
    const after = await figure();
    expect([after.version, Number(after.value), after.revisions.map((r) => [r.oldValue === null ? null : Number(r.oldValue), Number(r.newValue)])]).toEqual([2, 8, [[null, 5], [5, 8]]]);
  });

  it("imports a CSV with Vietnamese headers, DD/MM/YYYY dates, semicolons and a BOM, and the province's own row by name", async () => {
    const csv = `${BOM}Ngày;Giờ;Mã địa bàn;Tên địa bàn;Loại số liệu;Giá trị\r\n23/11/2026;06:00;${VINH_A};"Phường Đông Vĩnh; Vinh";Ca mắc mới;1.234\r\n23/11/2026;18:00;${VINH_B};;ca-mac-moi;"2"\r\n`;
    expect(await importAs(cdc, "so-lieu.csv", utf8(csv), vn("2026-11-23T19:00:00"))).toEqual({ ok: true, value: { rows: 2, changed: 2, unchanged: 0, slots: 2 } });
    const cases = await db().owner.figure.findFirstOrThrow({ where: { tenantId: na, unitCode: VINH_A, slot: vn("2026-11-23T06:00:00") } });
    expect(Number(cases.value)).toBe(1234);
    // The Department of Health's vaccinations: the province's row, one a day, so no time column.
    const doh = await member(db(), na, "so-y-te", "soyte@na.test");
    const province = `${BOM}Ngày;Mã địa bàn;Số liệu;Giá trị\r\n23/11/2026;Tỉnh;tiem-mui-1;12.500\r\n`;
    expect(await importAs(doh, "tinh.csv", utf8(province), vn("2026-11-23T19:00:00"))).toEqual({ ok: true, value: { rows: 1, changed: 1, unchanged: 0, slots: 1 } });
    const vaccine = await db().owner.figure.findFirstOrThrow({ where: { tenantId: na, unitCode: "40", slot: vn("2026-11-23T00:00:00") } });
    expect(Number(vaccine.value)).toBe(12_500);
  });

  it("offers a template whose example line imports as it is", async () => {
    const template = await inUnit(db(), na, async (tx) => figureTemplate({ tx, tenantId: na, ...(await scope(vinhHealth, tx)), timeZone: TZ, now: vn("2026-11-24T07:00:00") }));
    expect(template.split("\r\n")[0]).toBe(`${BOM}Ngày,Giờ,Mã địa bàn,Tên địa bàn,Số liệu,Giá trị`);
    expect(template.split("\r\n")[1]).toMatch(/^24\/11\/2026,06:00,\d+,[^,]+,ca-mac-moi,0$/);
    expect(await importAs(vinhHealth, "mau.csv", utf8(template), vn("2026-11-24T07:00:00"))).toMatchObject({ ok: true, value: { rows: 1 } });
  });
});
