// Issue 9, one unit of work per request: a citizen's page, feed or API answer, rendered without any
// cache, opens exactly one transaction in the province's scope (the issue measured 2 for a home page and
// 4 for a section page, one per use case).
import { expect, it } from "vitest";
import { describeServer } from "./describe-server.ts";

describeServer(
  "one unit of work per request",
  (server) => {
    it("opens one transaction for each public page, feed and API answer", async () => {
      const visitor = server().client("quang-ninh");
      await visitor.get("/"); // the host lookup is cached from here on, as it is in production
      const paths = ["/", "/van-ban-chi-dao", "/cam-nang", "/search?q=quang+ninh", "/rss.xml", "/van-ban-chi-dao/rss.xml", "/sitemap.xml", "/api/v1/items", "/api/v1/documents", "/api/v1/sections", "/khong-co-trang-nay"];
      const item = /href="(\/van-ban-chi-dao\/[^"?#/]+)"/.exec((await visitor.get("/van-ban-chi-dao")).text)?.[1];
      expect(item).toBeTruthy();
      for (const path of [...paths, item!]) {
        const before = server().transactions();
        const res = await visitor.get(path);
        expect(res.status, path).toBeLessThan(500);
        expect(server().transactions() - before, path).toBe(1);
      }
    });
  },
  { env: { PAGE_CACHE_MB: "0" } },
);
