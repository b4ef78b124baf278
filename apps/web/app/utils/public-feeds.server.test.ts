// Feeds, robots.txt and the OpenSearch description exist only on a province's host.
import { describe, expect, it } from "vitest";
import type { AppLoadContext } from "@remix-run/node";
import type { PublicItem } from "@cong/core";
import { feedItem, feedResponse, openSearchResponse, robotsResponse, sitemapResponse } from "./public-feeds.server.ts";

const site = (kind: "apex" | "tenant"): AppLoadContext =>
  ({
    site:
      kind === "apex"
        ? { kind: "apex" }
        : { kind: "tenant", tenant: { id: "t", slug: "quang-ninh", name: { vi: "Quảng Ninh" }, portalTitle: { vi: "Cổng" }, defaultLocale: "vi", locales: ["vi"], colors: { primary: "#000000" } } },
  }) as unknown as AppLoadContext;

describe("machine-readable documents", () => {
  it("are 404 on the apex", async () => {
    const request = new Request("http://localhost/x");
    for (const response of [await feedResponse(request, site("apex"), "rss"), await sitemapResponse(request, site("apex")), robotsResponse(request, site("apex")), await openSearchResponse(request, site("apex"))]) {
      expect(response.status).toBe(404);
    }
  });

  it("robots.txt keeps crawlers out of the staff area and names the sitemap on the request's origin", async () => {
    const response = robotsResponse(new Request("https://covid19.quangninh.gov.vn/robots.txt"), site("tenant"));
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    const text = await response.text();
    expect(text).toContain("Disallow: /admin\n");
    expect(text).toContain("Sitemap: https://covid19.quangninh.gov.vn/sitemap.xml");
  });

  it("a feed entry links the item's page and keeps an identity edits do not change", () => {
    const item = {
      id: "11111111-1111-4111-8111-111111111111",
      slug: "qd-3591",
      sectionSlug: "van-ban",
      sectionNames: { vi: "Văn bản", en: "Documents" },
      title: "QĐ 3591",
      summary: null,
      agency: null,
      publishedAt: new Date("2021-10-15T01:00:00Z"),
      updatedAt: new Date("2021-10-16T01:00:00Z"),
    } as PublicItem;
    const entry = feedItem(item, { origin: "http://quang-ninh.localhost", lng: "?lng=en", locale: "en", author: "Portal" });
    expect(entry).toMatchObject({ link: "http://quang-ninh.localhost/van-ban/qd-3591?lng=en", id: "urn:uuid:11111111-1111-4111-8111-111111111111", summary: "", author: "Portal", categories: ["Documents"] });
  });
});
