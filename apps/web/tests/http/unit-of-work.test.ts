// Issue 9, one unit of work per request: a citizen's page, feed or API answer, rendered without any
// cache, opens exactly one transaction in the province's scope (the issue measured 2 for a home page and
// 4 for a section page, one per use case); so does every staff page, however many loaders it runs
// (the layout's and the page's, each asking who is signed in), and a form's save.
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

    it("opens one transaction for each staff page and each save, with the sign-in check inside it", async () => {
      const admin = await server().signedIn("qnAdmin");
      const paths = ["/admin", "/admin/sections", "/admin/sections/cam-nang", "/admin/sections/cam-nang/new", "/admin/users", "/admin/audit", "/admin/deadlines", "/admin/calendar", "/admin/config", "/admin/config/settings"];
      // Transactions opened by what fn sends, with the host lookup (cached 5 s) fresh first, as it is
      // under steady traffic: a slow machine must not count the lookup's own query.
      const count = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
        await admin.get("/healthz");
        const before = server().transactions();
        const out = await fn();
        return [out, server().transactions() - before];
      };
      for (const path of paths) {
        const [res, opened] = await count(() => admin.get(path));
        expect(res.status, path).toBe(200);
        expect(opened, path).toBe(1);
      }
      // A refused form (an impossible date) answers 400 from one transaction, the page re-rendered in
      // it; the client's own GET of the form (for its token) is the other one.
      let [res, opened] = await count(() => admin.submit("/admin/calendar", { intent: "add", date: "2026-02-30", kind: "holiday", name: "Không có" }));
      expect(res.status).toBe(400);
      expect(opened).toBe(2);
      // A form that may carry files is read after a checkpoint: the sign-in check commits before the body
      // arrives, so no transaction stays open while a slow client uploads; the save and its page are one.
      [res, opened] = await count(() => admin.submit("/admin/sections/cam-nang/new", { kind: "article", "translations.vi.title": "" }));
      expect(res.status).toBe(400);
      expect(opened).toBe(1 + 2);
    });
  },
  { env: { PAGE_CACHE_MB: "0" } },
);
