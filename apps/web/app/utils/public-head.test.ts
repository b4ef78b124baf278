// The head a citizen page renders: Open Graph and the <link>s feed readers and browsers look for.
import { describe, expect, it } from "vitest";
import { headMeta, type PublicHead } from "./public-head.ts";

const head: PublicHead = {
  title: "Quyết định 3591 – Cổng Quảng Ninh",
  description: "Ban hành Quy định",
  canonical: "http://quang-ninh.localhost/van-ban/qd-3591",
  siteName: "Cổng Quảng Ninh",
  locale: "vi",
  type: "article",
  image: null,
  publishedTime: "2021-10-15T01:00:00.000Z",
  modifiedTime: "2021-10-15T01:00:00.000Z",
  section: "Văn bản",
  rss: [{ href: "/rss.xml", title: "Cổng – RSS" }],
  atom: [{ href: "/atom.xml", title: "Cổng – Atom" }],
  search: { href: "/opensearch.xml", title: "Tìm kiếm" },
};

describe("headMeta", () => {
  it("renders Open Graph, the feeds and OpenSearch", () => {
    const meta = headMeta(head);
    expect(meta).toContainEqual({ title: head.title });
    expect(meta).toContainEqual({ property: "og:type", content: "article" });
    expect(meta).toContainEqual({ property: "og:locale", content: "vi_VN" });
    expect(meta).toContainEqual({ property: "og:url", content: head.canonical });
    expect(meta).toContainEqual({ tagName: "link", rel: "alternate", type: "application/rss+xml", href: "/rss.xml", title: "Cổng – RSS" });
    expect(meta).toContainEqual({ tagName: "link", rel: "alternate", type: "application/atom+xml", href: "/atom.xml", title: "Cổng – Atom" });
    expect(meta).toContainEqual({ tagName: "link", rel: "search", type: "application/opensearchdescription+xml", href: "/opensearch.xml", title: "Tìm kiếm" });
    expect(meta.some((m) => "property" in m && m.property === "og:image")).toBe(false);
  });

  it("falls back to a bare title without a head (404 pages)", () => {
    expect(headMeta(null, "404")).toEqual([{ title: "404" }]);
  });
});
