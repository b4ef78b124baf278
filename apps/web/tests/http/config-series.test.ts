// The series of figures, charts, the map and kinds of place as admin forms over HTTP (the form door of the
// pack's figures, charts, map and places blocks): a province's admin changes a series' times through the page as served and the
// stored pack and rows have them; a bad time is named at its field; a page opened before someone else's
// save is refused; an editor gets what every config page answers them; another province's admin sees
// and changes nothing of Quảng Ninh's.
import { expect, it } from "vitest";
import type { Client } from "./client.ts";
import { describeServer } from "./describe-server.ts";
import { formWith, successfulControls } from "./forms.ts";

/** Posts the page's form as served, with some fields changed (a checkbox group: every value). */
async function post(client: Client, path: string, field: string, change: Record<string, string | string[]>) {
  const form = formWith((await client.get(path)).text, field);
  const body = new URLSearchParams();
  for (const [name, value] of successfulControls(form)) if (!(name in change)) body.append(name, value);
  for (const [name, value] of Object.entries(change)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  return client.request("POST", path, { body, headers: { origin: `http://${client.host}` } });
}

describeServer("configuring series of figures and kinds of place", (server) => {
  const qn = () => server().tenants.get("quang-ninh")!;
  const stored = async () => (await server().db.owner.tenant.findUniqueOrThrow({ where: { id: qn() } })).pack as { figures: { key: string; times: string[] }[]; places: { kind: string; agencies: string[] }[] };

  it("lets a province's admin change a series' times and a kind's agencies: the saved pack and rows have them", async () => {
    const admin = await server().signedIn("qnAdmin");
    const list = await admin.get("/admin/config/figures");
    expect(list.status).toBe(200);
    expect(list.headers["cache-control"]).toBe("private, no-store");
    expect(list.text).toContain('data-series="quet-qr"');
    expect(list.text).toContain('href="/admin/config/figures/quet-qr"');
    expect(list.text).toContain('href="/admin/config/places"');

    const path = "/admin/config/figures/quet-qr";
    const page = await admin.get(path);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<legend>Cơ quan nhập số liệu<\/legend>/);
    const saved = await post(admin, path, "times", { times: "06:00, 18:00" });
    expect(saved.status, saved.text.slice(0, 300)).toBe(200);
    expect(saved.text).toContain("Đã lưu cấu hình (1 thay đổi).");
    expect((await stored()).figures.find((f) => f.key === "quet-qr")?.times).toEqual(["06:00", "18:00"]);
    expect((await server().db.owner.figureSeries.findFirstOrThrow({ where: { tenantId: qn(), key: "quet-qr" } })).times).toEqual(["06:00", "18:00"]);
    expect(await server().db.owner.auditLog.count({ where: { tenantId: qn(), action: "config.series.update" } })).toBe(1);

    // A bad time is named at its field, with the error summary linking to it; nothing is saved.
    const bad = await post(admin, path, "times", { times: "06:00, 25:00" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("“25:00”: Phải là giờ địa phương dạng HH:MM (00:00–23:59).");
    expect(bad.text).toMatch(/<a href="#f-times">Các giờ trong ngày/);
    expect(bad.text).toMatch(/id="f-times"[^>]*aria-invalid="true"/);
    expect((await stored()).figures.find((f) => f.key === "quet-qr")?.times).toEqual(["06:00", "18:00"]);

    // A page opened before another admin's save is refused, not written over it.
    const stale = formWith(page.text, "times");
    const body = new URLSearchParams(successfulControls(stale));
    body.set("times", "07:00");
    const refused = await admin.request("POST", path, { body, headers: { origin: `http://${admin.host}` } });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Cấu hình vừa được thay đổi sau khi bạn mở trang này.");
    expect((await stored()).figures.find((f) => f.key === "quet-qr")?.times).toEqual(["06:00", "18:00"]);

    // The same door for a kind of place: its agencies are checkboxes.
    const kind = await post(admin, "/admin/config/places/checkpoint", "section", { agencies: ["cong-an-tinh"] });
    expect(kind.status, kind.text.slice(0, 300)).toBe(200);
    expect((await stored()).places.find((p) => p.kind === "checkpoint")?.agencies).toEqual(["cong-an-tinh"]);
  });

  it("speaks the admin's language on every new page, with no key left untranslated", async () => {
    const admin = await server().signedIn("qnAdmin");
    const pages = ["/admin/config", "/admin/config/figures", "/admin/config/figures/cap-do-dich", "/admin/config/charts", "/admin/config/charts/ket-qua-tiem-chung", "/admin/config/map", "/admin/config/places", "/admin/config/places/quarantine"];
    const headings: Record<string, string[]> = { vi: ["Loại số liệu", "Biểu đồ", "Bản đồ", "Loại địa điểm"], en: ["Series of figures", "Charts", "Map", "Kinds of place"], zh: ["数据类型", "图表", "地图", "地点类型"] };
    for (const [lng, words] of Object.entries(headings)) {
      for (const path of pages) {
        const page = await admin.get(`${path}?lng=${lng}`);
        expect(page.status, path).toBe(200);
        // An untranslated key shows as itself, e.g. "config.figures.feedUrl", at the start of a text.
        const visible = page.text.replace(/<script[\s\S]*?<\/script>/g, "");
        expect(visible, `${path} ${lng}`).not.toMatch(/>\s*(?:config|places|admin|errors)\.[\w.-]+/);
        for (const word of words) expect(page.text, `${path} ${lng}`).toContain(word);
      }
    }
  });

  it("lets a province's admin change a chart's series slot by slot and add one; a series of another section is named on its slot", async () => {
    const admin = await server().signedIn("qnAdmin");
    const list = await admin.get("/admin/config/charts");
    expect(list.status).toBe(200);
    expect(list.headers["cache-control"]).toBe("private, no-store");
    for (const key of ["dien-bien-dich", "ket-qua-tiem-chung", "pc-covid-qr-ra-vao"]) expect(list.text).toContain(`data-chart="${key}"`);
    expect(list.text).toContain('href="/admin/config/charts"');
    const charts = async () => ((await server().db.owner.tenant.findUniqueOrThrow({ where: { id: qn() } })).pack as { charts: { key: string; series: string[]; kind: string }[] }).charts;

    const path = "/admin/config/charts/ket-qua-tiem-chung";
    const page = await admin.get(path);
    expect(page.status).toBe(200);
    // Six labelled slots, the chart's two series chosen in the first two.
    expect(page.text).toMatch(/<label for="f-series-0-">Loại số liệu 1<\/label>/);
    expect(page.text).toMatch(/<label for="f-series-5-">Loại số liệu 6<\/label>/);
    const saved = await post(admin, path, "series[2]", { "series[2]": "ca-mac-moi", kind: "line" });
    expect(saved.status, saved.text.slice(0, 300)).toBe(200);
    expect(saved.text).toContain("Đã lưu cấu hình");
    expect((await charts()).find((c) => c.key === "ket-qua-tiem-chung")).toMatchObject({ series: ["tiem-mui-1", "tiem-mui-2", "ca-mac-moi"], kind: "line" });
    expect(await server().db.owner.auditLog.count({ where: { tenantId: qn(), action: "config.chart.update" } })).toBe(1);

    // The epidemic level is shown in its own section: refused on its slot, with the summary linking there.
    const bad = await post(admin, path, "series[1]", { "series[1]": "cap-do-dich" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Loại số liệu “cap-do-dich” hiển thị ở chuyên mục “cap-do-dich”: biểu đồ chỉ vẽ các loại số liệu của chuyên mục mình.");
    expect(bad.text).toMatch(/<a href="#f-series-1-">Loại số liệu 2/);
    expect(bad.text).toMatch(/id="f-series-1-"[^>]*aria-invalid="true"/);
    expect((await charts()).find((c) => c.key === "ket-qua-tiem-chung")?.series).toEqual(["tiem-mui-1", "tiem-mui-2", "ca-mac-moi"]);

    const added = await post(admin, "/admin/config/charts", "key", { key: "ra-vao", "names.vi": "Người ra, vào tỉnh", "names.en": "People in and out", "names.zh": "出入省人数", "series[0]": "nguoi-vao", "series[1]": "nguoi-ra", kind: "bar" });
    expect(added.status, added.text.slice(0, 300)).toBe(302);
    expect(added.headers.location).toBe("/admin/config/charts/ra-vao?added=1");
    expect((await charts()).find((c) => c.key === "ra-vao")).toMatchObject({ series: ["nguoi-vao", "nguoi-ra"], kind: "bar" });
    // Another province's admin has no such chart.
    expect((await (await server().signedIn("naAdmin")).get("/admin/config/charts/ra-vao")).status).toBe(404);
  });

  it("lets a province's admin give the map a tile basemap and bounds through the form: the map page draws on it and its CSP allows the tiles' origin; a bad template is named", async () => {
    const admin = await server().signedIn("naAdmin");
    const path = "/admin/config/map";
    const page = await admin.get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain("boundaries.geojson");
    expect(page.text).toMatch(/id="f-bounds-0-"[^>]*value="103.87"/);
    const tiles = { basemap: "tiles", "tiles.url": "https://tiles.example.vn/{z}/{x}/{y}.png", "tiles.attribution.vi": "© Bản đồ nền Nghệ An", "bounds[3]": "20.1" };
    const bad = await post(admin, path, "basemap", { ...tiles, "tiles.url": "https://tiles.example.vn/nen.png" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Địa chỉ phải có {z}, {x} và {y}.");
    expect(bad.text).toMatch(/<a href="#f-tiles-url">Mẫu địa chỉ ô ảnh/);
    const saved = await post(admin, path, "basemap", tiles);
    expect(saved.status, saved.text.slice(0, 300)).toBe(200);
    expect(saved.text).toContain("Đã lưu cấu hình");
    const na = server().tenants.get("nghe-an")!;
    const map = ((await server().db.owner.tenant.findUniqueOrThrow({ where: { id: na } })).pack as { map: Record<string, unknown> }).map;
    expect(map).toMatchObject({ bounds: [103.87, 18.55, 105.81, 20.1], tiles: { url: "https://tiles.example.vn/{z}/{x}/{y}.png", tileSize: 256, maxZoom: 18 }, boundaries: { file: "boundaries.geojson" } });
    // The citizen's map page: within the page cache's short memory of the province's version.
    const visitor = server().client("nghe-an");
    let mapPage = await visitor.get("/ban-do");
    for (let i = 0; i < 40 && !mapPage.text.includes("tiles.example.vn"); i++) {
      await new Promise((r) => setTimeout(r, 250));
      mapPage = await visitor.get("/ban-do");
    }
    expect(mapPage.text).toContain("https://tiles.example.vn/{z}/{x}/{y}.png");
    expect(String(mapPage.headers["content-security-policy"])).toMatch(/connect-src 'self' https:\/\/tiles\.example\.vn/);
    expect(await server().db.owner.auditLog.count({ where: { tenantId: na, action: "config.map.update" } })).toBe(1);
    // Back to no basemap: nothing is loaded from elsewhere.
    expect((await post(admin, path, "basemap", { basemap: "none" })).status).toBe(200);
    expect(((await server().db.owner.tenant.findUniqueOrThrow({ where: { id: na } })).pack as { map: Record<string, unknown> }).map.tiles).toBeUndefined();
  });

  it("answers an editor who is not an admin as every config page does, and saves nothing", async () => {
    const editor = await server().signedIn("qnEditor");
    const before = JSON.stringify(await stored());
    const expected = (await editor.get("/admin/config/sections")).status;
    expect(expected).toBe(403);
    for (const path of ["/admin/config/figures", "/admin/config/figures/quet-qr", "/admin/config/places", "/admin/config/places/checkpoint"]) {
      const page = await editor.get(path);
      expect(page.status, path).toBe(expected);
      expect(page.text).toContain("Trang này dành cho quản trị viên của tỉnh.");
      expect(page.text).not.toContain("Lượt quét mã QR");
      expect((await editor.submit(path, { intent: "save", times: "01:00", key: "moi", kind: "hotline", section: "ban-do", agencies: "so-y-te" }, { csrfFrom: "/admin" })).status, path).toBe(expected);
    }
    expect((await editor.submit("/admin/config/figures/quet-qr", { intent: "remove" }, { csrfFrom: "/admin" })).status).toBe(expected);
    expect(JSON.stringify(await stored())).toBe(before);
  });

  it("shows another province's admin their own series only, and lets them change none of Quảng Ninh's", async () => {
    const naAdmin = await server().signedIn("naAdmin");
    const before = JSON.stringify(await stored());
    const list = await naAdmin.get("/admin/config/figures");
    expect(list.status).toBe(200);
    expect(list.text).toContain('data-series="dang-dieu-tri"');
    expect(list.text).not.toContain("quet-qr");
    // Quảng Ninh's series is no series of Nghệ An's.
    expect((await naAdmin.get("/admin/config/figures/quet-qr")).status).toBe(404);
    const version = /name="version" value="([^"]+)"/.exec(list.text)?.[1] ?? "";
    const remove = await naAdmin.submit("/admin/config/figures/quet-qr", { intent: "remove", version }, { csrfFrom: "/admin/config/figures" });
    expect(remove.status).toBe(400);
    expect(remove.text).toContain("Loại số liệu “quet-qr” không còn trong cấu hình.");
    // Nghệ An's admin's cookies on Quảng Ninh's host open nothing there.
    const planted = server().client("quang-ninh");
    for (const [k, v] of naAdmin.cookies) planted.cookies.set(k, v);
    const page = await planted.get("/admin/config/figures/quet-qr");
    expect([302, 303, 401, 403]).toContain(page.status);
    expect(page.text).not.toContain("Lượt quét mã QR");
    const token = /name="_csrf" value="([^"]+)"/.exec(list.text)?.[1] ?? "";
    const posted = await planted.request("POST", "/admin/config/figures/quet-qr", { body: new URLSearchParams({ _csrf: token, intent: "remove" }), headers: { origin: "http://quang-ninh.localhost" } });
    expect(posted.status).toBeGreaterThanOrEqual(300);
    expect(posted.status).toBeLessThan(500);
    expect(JSON.stringify(await stored())).toBe(before);
  });
});
