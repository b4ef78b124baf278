// Issue 9, light pages: a citizen's page is plain HTML. Whatever JavaScript a public page ever loads (a map
// or a chart on its own page) stays under 50 kB gzip, counted from the scripts the page really asks for
// (a map page: the map island; a page of charts: the chart island; any other: none), and no page carries
// an inline script.
import { gzipSync } from "node:zlib";
import { expect, it } from "vitest";
import { crawl, describeServer } from "./describe-server.ts";

const BUDGET = 50 * 1024;

describeServer("citizen pages are light", (server) => {
  it("load at most 50 kB gzip of JavaScript each, and no inline script", async () => {
    const visitor = server().client("quang-ninh");
    const pages = await crawl(visitor, ["/"], (h) => !h.startsWith("/files/") && !h.startsWith("/admin") && !/\.(xml|txt|json)$/.test(h.split("?")[0]!), 30);
    const sizes = new Map<string, number>();
    for (const path of [...pages, "/search?q=covid", "/?lng=en"]) {
      const page = await visitor.get(path);
      const scripts = [...page.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      for (const [, attrs, body] of scripts) expect(/\bsrc=/.test(attrs!) || body!.trim() === "", `${path}: inline script`).toBe(true);
      const urls = [...page.text.matchAll(/<script[^>]*\bsrc="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
      let total = 0;
      for (const url of urls) {
        if (!sizes.has(url)) {
          const asset = await visitor.get(url);
          expect(asset.status, url).toBe(200);
          sizes.set(url, gzipSync(asset.bytes).byteLength);
        }
        total += sizes.get(url)!;
      }
      expect(total, `${path} loads ${total} bytes of gzipped JavaScript`).toBeLessThanOrEqual(BUDGET);
    }
    // The staff side does load the app's scripts (the budget is the citizens'): the check can see them.
    const login = await server().client("quang-ninh").get("/admin/login");
    expect(login.text).toMatch(/<link[^>]*rel="modulepreload"|<script[^>]*src=/);
  });
});
