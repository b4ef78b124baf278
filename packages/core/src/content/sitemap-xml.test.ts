import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { SITEMAP_MAX_URLS, sitemapXml } from "./sitemap-xml.ts";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, isArray: (name) => name === "url" });

describe("sitemapXml", () => {
  it("lists every URL with an escaped loc and a W3C datetime lastmod when known", () => {
    const xml = sitemapXml([
      { loc: "https://quang-ninh.cong.gov.vn/", lastmod: new Date(Date.UTC(2025, 0, 2, 3, 4, 5)) },
      { loc: "https://quang-ninh.cong.gov.vn/tim-kiem?q=đất đai&trang=2" },
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain("?q=đất đai&amp;trang=2");
    const { urlset } = parser.parse(xml);
    expect(urlset["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(urlset.url).toEqual([
      { loc: "https://quang-ninh.cong.gov.vn/", lastmod: "2025-01-02T03:04:05Z" },
      { loc: "https://quang-ninh.cong.gov.vn/tim-kiem?q=đất đai&trang=2" },
    ]);
  });

  it("is a valid empty urlset without URLs", () => {
    const xml = sitemapXml([]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).urlset.url).toBeUndefined();
  });

  it("refuses more URLs than the protocol allows in one file", () => {
    const urls = Array.from({ length: SITEMAP_MAX_URLS + 1 }, (_, index) => ({ loc: `https://a.vn/${index}` }));
    expect(() => sitemapXml(urls)).toThrow(RangeError);
    expect(() => sitemapXml(urls.slice(1))).not.toThrow();
  });
});
