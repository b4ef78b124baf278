// Issue 8.1: rendered pages carried NUL bytes where a multi-byte character met React's 2 KB write buffer,
// and a form that echoed stored text saved the damage back. Vietnamese, Chinese and emoji text is put
// where every public page and every admin form shows it, the bytes before it are shifted one at a time,
// and every page must decode as UTF-8 with no U+0000 and no U+FFFD; saving a form as served must store
// exactly what was shown.
import { expect, it } from "vitest";
import type { Client } from "./client.ts";
import { crawl, describeServer } from "./describe-server.ts";
import { formWith, successfulControls } from "./forms.ts";

const VI = "Người dân cần theo dõi thông tin dịch bệnh, tiêm chủng đầy đủ và thực hiện nghiêm thông điệp 5K của Bộ Y tế. ";
const ZH = "广宁省新冠肺炎疫情信息门户网站，请民众关注疫情动态。";
const EMOJI = "😷💉🏥 ";
// Four shifts put every byte of a 3- or 4-byte character on every side of every 2 KB edge.
const PADDINGS = 4;

function assertCleanUtf8(bytes: Buffer, where: string) {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${where}: not valid UTF-8`);
  }
  const nul = text.indexOf("\u0000");
  expect(nul, `${where}: U+0000 at character ${nul}`).toBe(-1);
  const bad = text.indexOf("\uFFFD");
  expect(bad, `${where}: U+FFFD at character ${bad}: …${text.slice(Math.max(0, bad - 20), bad + 20)}…`).toBe(-1);
}

async function saveSettings(admin: Client, change: (name: string, value: string) => string) {
  const page = await admin.get("/admin/config/settings");
  const form = formWith(page.text, "attribution.vi");
  const fields = new URLSearchParams();
  for (const [name, value] of successfulControls(form)) fields.append(name, change(name, value));
  const saved = await admin.request("POST", "/admin/config/settings", { body: fields, headers: { origin: `http://${admin.host}` } });
  expect(saved.status, saved.text.slice(0, 300)).toBe(200);
  return fields;
}

describeServer("pages stay valid UTF-8 whatever falls on a buffer boundary", (server) => {
  it("on every public page and admin form of a province, with the text shifted byte by byte", async () => {
    const admin = await server().signedIn("qnAdmin");
    const visitor = server().client("quang-ninh");
    const publicPages = await crawl(visitor, ["/"], (h) => !h.startsWith("/files/") && !h.startsWith("/admin"), 40);
    const adminStart = ["/admin", "/admin/config/sections", "/admin/config/agencies", "/admin/config/matrix", "/admin/users", "/admin/sections"];
    const adminPages = await crawl(admin, adminStart, (h) => h.startsWith("/admin") && !h.startsWith("/admin/logout"), 60);
    // Each language's version of the public pages, Chinese included.
    const pages = [...publicPages, ...publicPages.slice(0, 10).map((p) => `${p}${p.includes("?") ? "&" : "?"}lng=zh`)];
    expect(publicPages.length).toBeGreaterThan(10);
    // The forms that echo stored text: settings, a section's and an agency's configuration, an item.
    for (const form of [/^\/admin\/config\/settings$/, /^\/admin\/config\/sections\/[^/]+$/, /^\/admin\/config\/agencies\/[^/]+$/, /^\/admin\/sections\/[^/]+\/items\/[^/]+$/, /^\/admin\/users\/[^/]+$/])
      expect(adminPages.some((p) => form.test(p)), String(form)).toBe(true);

    for (let pad = 0; pad < PADDINGS; pad++) {
      const title = `Cổng thông tin COVID-19 tỉnh Quảng Ninh ${"x".repeat(pad)}`.trim();
      await saveSettings(admin, (name, value) => {
        if (name === "portalTitle.vi") return title;
        if (name === "attribution.vi") return `${VI.repeat(6)}${EMOJI}`;
        if (name === "attribution.zh") return `${ZH.repeat(8)}${EMOJI}`;
        return value;
      });
      // The instance that saved a province's settings shows them at once (its memory of the host is dropped).
      expect((await server().client("quang-ninh").get("/")).text).toContain(`<title>${title}`);
      for (const path of pages) {
        const res = await visitor.get(path);
        expect(res.status, path).toBeLessThan(500);
        assertCleanUtf8(res.bytes, `${path} (padding ${pad})`);
      }
      for (const path of adminPages) {
        const res = await admin.get(path);
        expect(res.status, path).toBeLessThan(500);
        assertCleanUtf8(res.bytes, `${path} (padding ${pad})`);
      }
    }
  });

  it("saving the settings form as it was served stores exactly what it showed", async () => {
    const admin = await server().signedIn("qnAdmin");
    await saveSettings(admin, (name, value) => (name === "attribution.zh" ? `${ZH.repeat(20)}${EMOJI}` : name === "attribution.vi" ? VI.repeat(10) : value));
    const shown = await saveSettings(admin, (_name, value) => value);
    expect(shown.get("attribution.zh")).toBe(`${ZH.repeat(20)}${EMOJI}`.trim());
    for (let round = 0; round < 3; round++) {
      const again = await saveSettings(admin, (_name, value) => value);
      for (const key of ["attribution.vi", "attribution.zh", "portalTitle.vi", "name.vi"]) expect(again.get(key), key).toBe(shown.get(key));
    }
    const home = await server().client("quang-ninh").get("/?lng=zh");
    expect(home.text).toContain(ZH);
  });
});
