// Issue 9, slice 1: citizen pages any cache may keep. An anonymous GET sets no cookie and says who may
// keep it and for how long; an unchanged page revalidates to a 304; a publish changes the page's ETag, so
// the next revalidation (every browser, every second for a shared cache) sees it. Staff pages are private.
import { gunzipSync } from "node:zlib";
import { expect, it } from "vitest";
import { crawl, describeServer } from "./describe-server.ts";
import { formWith, publishArticle, successfulControls } from "./forms.ts";
import { startInstanceAlongside } from "./test-server.ts";

describeServer("public answers are cacheable, staff answers are not", (server) => {
  it("every anonymous page, feed and API answer: no cookie, public Cache-Control, ETag, 304 when unchanged", async () => {
    const visitor = server().client("quang-ninh");
    // Pages, not the build's static assets (fingerprinted, cached for a year by their own rule).
    const pages = await crawl(visitor, ["/"], (h) => !h.startsWith("/files/") && !h.startsWith("/admin") && !h.startsWith("/assets/") && !h.startsWith("/favicon"), 40);
    const extra = ["/search?q=covid", "/rss.xml", "/atom.xml", "/sitemap.xml", "/robots.txt", "/opensearch.xml", "/api/v1/items", "/api/v1/sections", "/api/v1/documents", "/khong-co-trang-nay"];
    for (const path of [...pages, ...extra]) {
      const res = await visitor.get(path);
      expect(res.headers["set-cookie"], path).toBeUndefined();
      expect(res.headers["cache-control"], path).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
      expect(res.headers.vary, path).toMatch(/Cookie/);
      const etag = String(res.headers.etag ?? "");
      expect(etag, path).toMatch(/^W\/"[\w-]+"$/);
      if (res.status !== 200) continue;
      const again = await visitor.get(path, { "if-none-match": etag });
      expect(again.status, path).toBe(304);
      expect(again.bytes.byteLength, path).toBe(0);
      expect(again.headers["cache-control"], path).toBe(res.headers["cache-control"]);
    }
    expect(visitor.cookies.size).toBe(0);
  });

  it("a publish changes the page's ETag: revalidation sees the new article", async () => {
    const visitor = server().client("quang-ninh");
    const before = await visitor.get("/cam-nang");
    const editor = await server().signedIn("qnEditor");
    await publishArticle(editor, "cam-nang", "Hướng dẫn tự theo dõi sức khỏe tại nhà");
    const after = await visitor.get("/cam-nang", { "if-none-match": String(before.headers.etag) });
    expect(after.status).toBe(200);
    expect(after.text).toContain("Hướng dẫn tự theo dõi sức khỏe tại nhà");
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it("a warm page comes from the app's cache; a publish on one instance is served by another within a second", async () => {
    const first = server();
    const second = await startInstanceAlongside(first);
    try {
      const reader = second.client("quang-ninh");
      await reader.get("/cam-nang");
      const warm = await reader.get("/cam-nang");
      expect(warm.headers["x-page-cache"]).toBe("hit");
      // Signed-in staff are never answered from the cache (a draft's file, for one, depends on who asks).
      const staff = await second.signedIn("qnEditor");
      expect((await staff.get("/cam-nang")).headers["x-page-cache"]).toBeUndefined();
      const title = "Lịch tiêm vắc-xin mũi nhắc lại tại các phường";
      expect(warm.text).not.toContain(title);
      await publishArticle(await first.signedIn("qnEditor"), "cam-nang", title);
      const published = Date.now();
      let seenAfter = -1;
      while (Date.now() - published < 5_000) {
        if ((await reader.get("/cam-nang")).text.includes(title)) {
          seenAfter = Date.now() - published;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(seenAfter, "never shown by the second instance").toBeGreaterThanOrEqual(0);
      expect(seenAfter).toBeLessThanOrEqual(1_000);
    } finally {
      await second.close();
    }
  });

  it("a kept page answered before Express carries the same headers and bytes, gzipped on request, and HEAD and 304 as the rendered one", async () => {
    const visitor = server().client("quang-ninh");
    const rendered = await visitor.get("/cam-nang");
    expect(rendered.status).toBe(200);
    const before = server().transactions();
    const kept = await visitor.get("/cam-nang");
    expect(kept.headers["x-page-cache"]).toBe("hit");
    expect(server().transactions()).toBe(before);
    expect(kept.bytes.equals(rendered.bytes)).toBe(true);
    for (const name of ["content-type", "cache-control", "etag", "x-content-type-options", "referrer-policy", "x-frame-options", "cross-origin-opener-policy", "permissions-policy", "strict-transport-security"])
      expect(kept.headers[name], name).toBe(rendered.headers[name]);
    expect(kept.headers.vary).toMatch(/Cookie/);
    expect(kept.headers.vary).toMatch(/Accept-Encoding/);
    // A fresh nonce per answer, in the same policy.
    expect(kept.headers["content-security-policy"]).not.toBe(rendered.headers["content-security-policy"]);
    expect(String(kept.headers["content-security-policy"]).replace(/'nonce-[^']+'/, "")).toBe(String(rendered.headers["content-security-policy"]).replace(/'nonce-[^']+'/, ""));
    const zipped = await visitor.get("/cam-nang", { "accept-encoding": "br;q=1, gzip;q=0.8" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(Number(zipped.headers["content-length"])).toBe(zipped.bytes.byteLength);
    expect(gunzipSync(zipped.bytes).equals(rendered.bytes)).toBe(true);
    const refused = await visitor.get("/cam-nang", { "accept-encoding": "gzip;q=0" });
    expect(refused.headers["content-encoding"]).toBeUndefined();
    const head = await visitor.request("HEAD", "/cam-nang");
    expect(head.status).toBe(200);
    expect(head.bytes.byteLength).toBe(0);
    expect(Number(head.headers["content-length"])).toBe(rendered.bytes.byteLength);
    const unchanged = await visitor.get("/cam-nang", { "if-none-match": String(rendered.headers.etag) });
    expect(unchanged.status).toBe(304);
    expect(unchanged.bytes.byteLength).toBe(0);
    // What the early path may not decide goes the usual way: a refused address, another province's host.
    expect((await visitor.get("/cam-nang?q=a%00b")).status).toBe(400);
    const other = await server().client("nghe-an").get("/cam-nang");
    expect(other.text).not.toBe(rendered.text);
    expect(server().transactions()).toBeGreaterThan(before);
  });

  it("a page many visitors ask at once (a new version after a publish) is rendered once and given to them all", async () => {
    const visitor = server().client("quang-ninh");
    // What one render of such a page costs, on a page nobody asked before.
    let before = server().transactions();
    const alone = await visitor.get("/search?q=c%C3%A1ch+ly");
    expect(alone.headers["x-page-cache"]).toBe("miss");
    const oneRender = server().transactions() - before;
    expect(oneRender).toBeGreaterThan(0);
    before = server().transactions();
    const answers = await Promise.all(Array.from({ length: 12 }, () => visitor.get("/search?q=x%C3%A9t+nghi%E1%BB%87m")));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(answers.filter((a) => a.headers["x-page-cache"] === "miss")).toHaveLength(1);
    expect(answers.filter((a) => a.headers["x-page-cache"] === "hit")).toHaveLength(11);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers[0]!.text).toContain("xét nghiệm");
    expect(server().transactions() - before).toBe(oneRender);
  });

  it("staff pages, forms and answers that set a cookie are never kept by a shared cache", async () => {
    const visitor = server().client("quang-ninh");
    const login = await visitor.get("/admin/login");
    expect(login.headers["cache-control"]).toBe("private, no-store");
    expect(String(login.headers["set-cookie"])).toMatch(/cong_csrf=/);
    expect(login.headers.etag).toBeUndefined();
    const chosen = await server().client("quang-ninh").get("/?lng=en");
    expect(String(chosen.headers["set-cookie"])).toMatch(/^lng=/);
    expect(chosen.headers["cache-control"]).toBe("private, no-store");
    const admin = await server().signedIn("qnAdmin");
    for (const path of ["/admin", "/admin/users", "/admin/config/settings"]) expect((await admin.get(path)).headers["cache-control"], path).toBe("private, no-store");
    const bad = await visitor.get("/search?q=a%00b");
    expect(bad.status).toBe(400);
    expect(bad.headers["cache-control"]).toBe("no-store");
  });

  it("a province's settings show on its site at once on the instance that saved them", async () => {
    const admin = await server().signedIn("qnAdmin");
    // Saves the settings as served, with Chinese offered or not.
    const saveOffering = async (zh: boolean) => {
      const form = formWith((await admin.get("/admin/config/settings")).text, "attribution.vi");
      const fields = new URLSearchParams();
      for (const [name, value] of successfulControls(form)) if (!(name === "locales.offered" && value === "zh")) fields.append(name, value);
      if (zh) fields.append("locales.offered", "zh");
      const saved = await admin.request("POST", "/admin/config/settings", { body: fields, headers: { origin: `http://${admin.host}` } });
      expect(saved.status, saved.text.slice(0, 300)).toBe(200);
    };
    const langOf = async () => /<html lang="([^"]+)"/.exec((await server().client("quang-ninh").get("/?lng=zh")).text)?.[1];
    expect(await langOf()).toBe("zh");
    try {
      await saveOffering(false);
      // The host's province is remembered a few seconds; a save on this instance forgets it.
      expect(await langOf()).toBe("vi");
    } finally {
      await saveOffering(true);
    }
    expect(await langOf()).toBe("zh");
  });
});
