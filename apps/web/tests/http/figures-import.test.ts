// Importing figures from a file over HTTP (issue 10): CDC uploads a CSV and the section's page shows its
// figures; a file with a bad row is answered 400 with a report naming the row, and nothing is saved; the
// template is a CSV for the viewer's series; the page is a province's and a figure-entering member's only.
import { expect, it } from "vitest";
import { describeServer } from "./describe-server.ts";

const VINH_A = "16663"; // Phường Đông Vĩnh, Vinh (412)
const VINH_B = "16666";
// Yesterday in the province: a slot already past whenever the test runs, within the page's 30 days.
const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Asia/Ho_Chi_Minh" });

function fileForm(name: string, text: string, type = "text/csv"): FormData {
  const form = new FormData();
  form.append("file", new Blob([text], { type }), name);
  return form;
}

describeServer("figures import", (server) => {
  const na = () => server().tenants.get("nghe-an")!;
  const count = () => server().db.owner.figure.count({ where: { tenantId: na() } });

  it("takes CDC's CSV and the section's page shows its figures", async () => {
    const cdc = await server().signedIn("naCdc");
    const page = await cdc.get("/admin/figures/import");
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/enctype="multipart\/form-data"/i);
    expect(page.text).toContain("ca-mac-moi");
    expect((await cdc.get("/admin/figures")).text).toContain('href="/admin/figures/import"');

    const template = await cdc.get("/admin/figures/template.csv");
    expect(template.status).toBe(200);
    expect(template.headers["content-type"]).toMatch(/^text\/csv/);
    expect(template.text.split("\r\n")[0]).toBe("\uFEFFNgày,Giờ,Mã địa bàn,Tên địa bàn,Số liệu,Giá trị");

    const csv = `Ngày;Giờ;Mã địa bàn;Số liệu;Giá trị\n${yesterday};06:00;${VINH_A};ca-mac-moi;4.321\n${yesterday};06:00;${VINH_B};ca-mac-moi;1.234\n`;
    const saved = await cdc.submit("/admin/figures/import", fileForm("so-lieu.csv", csv));
    expect(saved.status).toBe(302);
    expect(saved.headers.location).toBe("/admin/figures/import?done=2&changed=2");
    expect(await count()).toBe(2);
    expect((await cdc.get(saved.headers.location!)).text).toContain("Đã nhập 2 dòng số liệu, 2 số liệu thay đổi.");

    const section = await server().client("nghe-an").get("/so-lieu");
    expect(section.status).toBe(200);
    // The province's figure for the slot (the sum of its wards) and each ward's.
    expect(section.text).toContain("5.555");
    expect(section.text).toContain("4.321");
  });

  it("answers a file with a bad row with a report naming the row, and saves nothing", async () => {
    const cdc = await server().signedIn("naCdc");
    const before = await count();
    const csv = `date,time,unit,series,value\n${yesterday},18:00,${VINH_A},ca-mac-moi,3\n${yesterday},18:00,${VINH_B},ca-mac-moi,ba\n`;
    const res = await cdc.submit("/admin/figures/import", fileForm("so-lieu.csv", csv));
    expect(res.status).toBe(400);
    const report = /<table[^>]*data-testid="import-report"[\s\S]*?<\/table>/.exec(res.text)?.[0] ?? "";
    expect(report).toContain('data-row="3"');
    expect(report).not.toContain('data-row="2"');
    expect(report).toContain("Nhập một số nguyên không âm");
    expect(await count()).toBe(before);

    // A file that is not a table at all, whatever its name: refused by its bytes.
    const png = await cdc.submit("/admin/figures/import", fileForm("so-lieu.csv", "\u0089PNG\r\n\u001a\n\u0000\u0000", "text/csv"));
    expect(png.status).toBe(400);
    expect(png.text).toContain("Loại tệp không được chấp nhận");
  });

  it("lists the feeds of the series the member enters, with the last pull and why it failed", async () => {
    const series = await server().db.owner.figureSeries.findFirstOrThrow({ where: { tenantId: na(), key: "ca-mac-moi" } });
    await server().db.owner.figureSeries.update({ where: { id: series.id }, data: { feed: { url: "https://so-lieu.example.vn/ca-mac-moi.csv", format: "csv", every: 30 } } });
    // The log keeps the reasons as message keys (figure-feed.ts); the page says them in the reader's language.
    const reasons = [
      { key: "errors.figureNotCount", row: 3, column: "Giá trị" },
      { key: "figures.feeds.problem.more", values: { count: 7 } },
    ];
    await server().db.owner.figureFeedPull.create({ data: { tenantId: na(), seriesId: series.id, ok: false, message: JSON.stringify(reasons) } });
    const cdc = await server().signedIn("naCdc");
    const page = await cdc.get("/admin/figures/import");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Nguồn số liệu tự động");
    expect(page.text).toContain("https://so-lieu.example.vn/ca-mac-moi.csv");
    expect(page.text).toContain("30 phút một lần");
    expect(page.text).toContain("không nhập được (dòng 3, Giá trị: Nhập một số nguyên không âm, ví dụ 12 hoặc 1.234.; … và 7 lỗi khác)");
    await server().db.owner.figureFeedPull.create({ data: { tenantId: na(), seriesId: series.id, ok: false, message: JSON.stringify([{ key: "figures.feeds.problem.status", values: { status: 503 } }]), at: new Date(Date.now() + 1000) } });
    expect((await cdc.get("/admin/figures/import")).text).toContain("không nhập được (máy chủ trả lời mã HTTP 503)");
    await server().db.owner.figureSeries.update({ where: { id: series.id }, data: { feed: null as never } });
  });

  it("is a province's page for members who enter figures: 404 on the platform's site, 403 for an agency that enters none", async () => {
    const operator = await server().signedIn("operator");
    expect((await operator.get("/admin/figures/import")).status).toBe(404);
    const user = await server().db.owner.user.findFirstOrThrow({ where: { email: "bientap.syt@na.http.cong.vn" } });
    const trade = await server().db.owner.agency.findFirstOrThrow({ where: { tenantId: na(), key: "so-cong-thuong" } });
    await server().db.owner.userAgency.updateMany({ where: { userId: user.id }, data: { agencyId: trade.id } });
    const editor = await server().signedIn("naEditor");
    expect((await editor.get("/admin/figures/import")).status).toBe(403);
    expect((await editor.get("/admin/figures/template.csv")).status).toBe(403);
  });
});
