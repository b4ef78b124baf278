// Figures by locality over HTTP (issue 10): an agency's editor enters a slot's figures in the grid, and the
// section's page shows them as a chart and a table with the same numbers; a bad cell refuses the whole
// grid naming that cell; a district's member cannot write another district's figures (403, nothing
// saved); the page (cached on the content version) changes once figures are entered.
import { expect, it } from "vitest";
import { describeServer } from "./describe-server.ts";
import { readForms } from "./forms.ts";

const VINH_A = "16663"; // Phường Đông Vĩnh, Vinh (412)
const VINH_B = "16666";

describeServer("figures", (server) => {
  const na = () => server().tenants.get("nghe-an")!;

  it("are entered in a grid by CDC and shown on the section's page as a chart and a table", async () => {
    const visitor = server().client("nghe-an");
    const before = await visitor.get("/so-lieu");
    expect(before.status).toBe(200);
    expect(before.text).not.toContain("1.030");

    const cdc = await server().signedIn("naCdc");
    const page = await cdc.get("/admin/figures?date=2026-11-20&time=06:00");
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-testid="figures-grid"');
    // One form holds the whole grid: every commune of the province for CDC, each series a column.
    const grid = readForms(page.text).find((f) => f.controls.some((c) => c.name === `v.ca-mac-moi.${VINH_A}`));
    expect(grid?.controls.filter((c) => c.name.startsWith("v.ca-mac-moi.")).length).toBeGreaterThan(400);

    const saved = await cdc.submit("/admin/figures?date=2026-11-20&time=06:00", { date: "2026-11-20", time: "06:00", [`v.ca-mac-moi.${VINH_A}`]: "12", [`v.ca-mac-moi.${VINH_B}`]: "1.030" });
    expect(saved.status).toBe(302);
    expect(await server().db.owner.figure.count({ where: { tenantId: na() } })).toBe(2);

    const after = await visitor.get("/so-lieu");
    expect(after.status).toBe(200);
    // The chart's SVG and its table carry the database's numbers: 1,042 for the slot, and by ward.
    expect(after.text).toMatch(/<svg[^>]*role="img"/);
    expect(after.text).toContain("1.042");
    expect(after.text).toContain("1.030");
    expect(after.text).toContain("Đông Vĩnh");
    // One script, the chart island, whatever the number of charts; no inline one.
    const scripts = [...after.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => m[1]!.trim())).toEqual([expect.stringMatching(/^type="module" src="\/assets\/chart-island-[\w-]+\.js"$/)]);
    expect(scripts[0]![2]).toBe("");
    // Where its slots are, for the island: the last number is the slots', one row each in the table.
    const plot = /data-chart-plot="([\d. ]+)"/.exec(after.text)![1]!.split(" ").map(Number);
    expect(plot).toHaveLength(5);
    expect(plot[4]).toBe(1);
 
    // A period and a locality of the visitor's choosing, each a page of its own; a bad choice is named.
    const vinh = await visitor.get("/so-lieu?from=2026-11-20&to=2026-11-20&unit=412");
    expect(vinh.status).toBe(200);
    expect(vinh.text).toContain("1.042");
    expect(vinh.text).toMatch(/<option value="412" selected="">/);
    expect(vinh.headers["cache-control"]).toMatch(/^public/);
    const elsewhere = await visitor.get("/so-lieu?from=2026-11-20&to=2026-11-20&unit=414");
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.text).not.toContain("1.042");
    const reversed = await visitor.get("/so-lieu?from=2026-11-20&to=2026-11-01");
    expect(reversed.status).toBe(400);
    expect(reversed.text).toContain("Ngày kết thúc phải sau ngày bắt đầu.");
    expect(reversed.text).toMatch(/id="figure-view-to"[^>]*aria-invalid="true"/);
    expect((await visitor.get("/so-lieu?unit=99999")).text).toContain("Không có địa bàn này trong tỉnh.");
  });

  it("are read through the JSON API by series, locality and date range, paged, and only on their province's host", async () => {
    const api = server().client("nghe-an");
    const catalogue = await api.get("/api/v1/figures");
    expect(catalogue.status).toBe(200);
    expect(JSON.parse(catalogue.text).series.map((s: { key: string }) => s.key)).toEqual(expect.arrayContaining(["ca-mac-moi", "tiem-mui-1"]));
    const slot = new Date("2026-11-20T06:00:00+07:00").toISOString();
    const province = JSON.parse((await api.get("/api/v1/figures?series=ca-mac-moi&from=2026-11-20&to=2026-11-20")).text);
    expect(province).toMatchObject({ tenant: "nghe-an", from: "2026-11-20", to: "2026-11-20", unit: null, figures: [{ slot, unit: "40", value: 1042 }], next: null });
    const all = JSON.parse((await api.get("/api/v1/figures?series=ca-mac-moi&from=2026-11-20&to=2026-11-20&unit=all&limit=1")).text);
    expect(all.figures).toEqual([{ slot, unit: VINH_A, value: 12 }]);
    const second = JSON.parse((await api.get(all.next)).text);
    expect(second).toMatchObject({ figures: [{ slot, unit: VINH_B, value: 1030 }], next: null });
    expect(JSON.parse((await api.get(`/api/v1/figures?series=ca-mac-moi&from=2026-11-20&to=2026-11-20&unit=${VINH_B}`)).text).figures).toEqual([{ slot, unit: VINH_B, value: 1030 }]);
    const bad = await api.get("/api/v1/figures?series=ca-mac-moi&from=2026-02-30&limit=0");
    expect(bad.status).toBe(400);
    expect(Object.keys(JSON.parse(bad.text).fields).sort()).toEqual(["from", "limit"]);
    expect((await api.get("/api/v1/figures?series=khong-co")).status).toBe(404);
    // Another province's host and the apex never answer with Nghệ An's figures.
    const elsewhere = JSON.parse((await server().client("thanh-hoa").get("/api/v1/figures?series=ca-mac-moi&from=2026-11-20&to=2026-11-20&unit=all")).text);
    expect(elsewhere.figures).toEqual([]);
    expect((await server().client(null).get("/api/v1/figures")).status).toBe(404);
  });

  it("draws the pack's charts of several series: Quảng Ninh's vaccination results, dose 1 beside dose 2", async () => {
    const editor = await server().signedIn("qnEditor");
    const saved = await editor.submit("/admin/figures?date=2026-11-20&time=00:00", { date: "2026-11-20", time: "00:00", "v.tiem-mui-1.22": "4.321", "v.tiem-mui-2.22": "1.234" });
    expect(saved.status).toBe(302);
    const page = await server().client("quang-ninh").get("/bieu-do");
    expect(page.status).toBe(200);
    const chart = /<figure class="figure-chart" id="chart-ket-qua-tiem-chung"[\s\S]*?<\/figure>/.exec(page.text)?.[0] ?? "";
    expect(chart).toContain("Kết quả tiêm chủng vắc xin phòng COVID-19");
    // Both series in its legend and its table, with the numbers entered.
    expect(chart).toMatch(/<th scope="col">Tiêm vắc xin mũi 1<\/th><th scope="col">Tiêm vắc xin mũi 2<\/th>/);
    expect(chart).toMatch(/<td>4\.321<\/td><td>1\.234<\/td>/);
    // Not drawn a second time on their own; a chart none of whose series has figures is not drawn.
    expect(page.text).not.toContain('id="fig-tiem-mui-1"');
    expect(page.text).not.toContain('id="chart-pc-covid-qr-ra-vao"');
  });

  it("refuses a grid with one bad cell, naming the cell, and saves nothing", async () => {
    const cdc = await server().signedIn("naCdc");
    const count = await server().db.owner.figure.count({ where: { tenantId: na() } });
    const res = await cdc.submit("/admin/figures?date=2026-11-20&time=18:00", { date: "2026-11-20", time: "18:00", [`v.ca-mac-moi.${VINH_A}`]: "3", [`v.ca-mac-moi.${VINH_B}`]: "ba" });
    expect(res.status).toBe(400);
    expect(res.text).toContain('data-field="v.ca-mac-moi.16666"');
    expect(res.text).toContain('aria-invalid="true"');
    expect(await server().db.owner.figure.count({ where: { tenantId: na() } })).toBe(count);
  });

  it("lets a district's member write its own communes only: another district's is a 403 and nothing is saved", async () => {
    const user = await server().db.owner.user.findFirstOrThrow({ where: { email: "ttyt.huyen@na.http.cong.vn" } });
    await server().db.owner.userAgency.updateMany({ where: { userId: user.id }, data: { unitCode: "412" } });
    const member = await server().signedIn("naDistrict");
    const grid = await member.get("/admin/figures?date=2026-11-21&time=06:00");
    expect(grid.status).toBe(200);
    expect(grid.text).toContain(`v.ca-mac-moi.${VINH_A}`);
    const other = await server().db.owner.adminUnit.findFirstOrThrow({ where: { tenantId: na(), levelKey: "commune", NOT: { parentCode: "412" } } });
    expect(grid.text).not.toContain(`v.ca-mac-moi.${other.code}"`);
    const count = await server().db.owner.figure.count({ where: { tenantId: na() } });
    const refused = await member.submit("/admin/figures?date=2026-11-21&time=06:00", { date: "2026-11-21", time: "06:00", [`v.ca-mac-moi.${VINH_A}`]: "1", [`v.ca-mac-moi.${other.code}`]: "1" });
    expect(refused.status).toBe(403);
    expect(await server().db.owner.figure.count({ where: { tenantId: na() } })).toBe(count);
    const mine = await member.submit("/admin/figures?date=2026-11-21&time=06:00", { date: "2026-11-21", time: "06:00", [`v.ca-mac-moi.${VINH_A}`]: "1" });
    expect(mine.status).toBe(302);
  });

  it("is not open to an editor whose agency enters no figures", async () => {
    const editor = await server().signedIn("qnEditor");
    // Quảng Ninh's DoH does enter figures; Nghệ An's DoH enters vaccination figures only (province row).
    expect((await editor.get("/admin/figures")).status).toBe(200);
    const naDoh = await server().signedIn("naEditor");
    const page = await naDoh.get("/admin/figures");
    expect(page.status).toBe(200);
    expect(page.text).toContain("v.tiem-mui-1.40");
    expect(page.text).not.toContain("v.ca-mac-moi.");
  });
});
