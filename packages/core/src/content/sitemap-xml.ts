// The sitemap a portal offers search engines (sitemaps.org 0.9), so new documents are found without
// waiting for a crawl to reach them through the menus.
import { rfc3339, XML_DECLARATION, xmlText } from "./xml-text.ts";

// The protocol's limit per file; a larger portal needs a sitemap index, which is the caller's to build.
export const SITEMAP_MAX_URLS = 50_000;

export type SitemapUrl = { loc: string; lastmod?: Date };

export function sitemapXml(urls: SitemapUrl[]): string {
  if (urls.length > SITEMAP_MAX_URLS) {
    throw new RangeError(`A sitemap holds at most ${SITEMAP_MAX_URLS} URLs, got ${urls.length}`);
  }
  const entries = urls.map(({ loc, lastmod }) =>
    [
      "<url>",
      `<loc>${xmlText(loc)}</loc>`,
      ...(lastmod ? [`<lastmod>${rfc3339(lastmod)}</lastmod>`] : []),
      "</url>",
    ].join(""),
  );
  return [
    XML_DECLARATION,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries,
    "</urlset>",
    "",
  ].join("\n");
}
