// The machine-readable documents a portal serves at fixed addresses: RSS and Atom feeds (whole portal
// and per section), the sitemap, robots.txt and the OpenSearch description. Absolute URLs use the
// request's own origin, so each of a province's domains advertises itself. Only a tenant host has them.
import type { AppLoadContext } from "@remix-run/node";
import {
  atomFeed,
  getPortalHome,
  getPublicSection,
  openSearchXml,
  recentPublished,
  rssFeed,
  sitemapXml,
  SITEMAP_MAX_URLS,
  type Feed,
  type FeedItem,
  type PublicItem,
  type TenantSummary,
} from "@cong/core";
import type { Language } from "@cong/i18n";
import { getLocale, i18next } from "~/utils/locale.server";
import { isSlug } from "~/utils/not-found.server";
import { itemPath, lngQuery, originOf, text } from "~/utils/public.server";

export const FEED_ITEMS = 30;

export const CONTENT_TYPES = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  sitemap: "application/xml; charset=utf-8",
  robots: "text/plain; charset=utf-8",
  opensearch: "application/opensearchdescription+xml; charset=utf-8",
} as const;

export function notFoundText(): Response {
  return new Response("404 Not Found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

const tenantOf = (context: AppLoadContext): TenantSummary | null => (context.site.kind === "tenant" ? context.site.tenant : null);

/** A published item as a feed entry: its page in the feed's language, a stable identity that no edit changes. */
export function feedItem(item: PublicItem, o: { origin: string; lng: string; locale: string; author: string }): FeedItem {
  return {
    title: item.title,
    link: `${o.origin}${itemPath(item)}${o.lng}`,
    id: `urn:uuid:${item.id}`,
    published: item.publishedAt,
    updated: item.updatedAt,
    summary: item.summary ?? "",
    author: item.agency ? text(item.agency, o.locale) : o.author,
    categories: [text(item.sectionNames, o.locale)],
  };
}

export async function feedResponse(request: Request, context: AppLoadContext, format: "rss" | "atom", sectionSlug?: string): Promise<Response> {
  const tenant = tenantOf(context);
  if (!tenant) return notFoundText();
  if (sectionSlug !== undefined && !isSlug(sectionSlug)) return notFoundText();
  const section = sectionSlug ? await context.unit.run((tx) => getPublicSection({ tx, tenantId: tenant.id, slug: sectionSlug })) : null;
  if (sectionSlug && !section) return notFoundText();
  const locale: Language = await getLocale(request, context.site);
  const origin = originOf(request);
  const lng = lngQuery(locale, tenant);
  const portal = text(tenant.portalTitle, locale);
  const items = await context.unit.run((tx) => recentPublished({ tx, tenantId: tenant.id, sectionId: section?.id, locale, limit: FEED_ITEMS }));
  const sectionName = section ? text(section.names, locale) : null;
  const page = section ? `/${section.slug}` : "/";
  const feed: Feed = {
    title: sectionName ? `${sectionName} – ${portal}` : portal,
    description: (section?.description ? text(section.description, locale) : null) ?? portal,
    link: `${origin}${page}${lng}`,
    selfUrl: `${origin}${section ? `/${section.slug}` : ""}/${format}.xml${lng}`,
    language: locale,
    // The newest change, so an unchanged feed keeps its date; an empty one has nothing newer than now.
    updated: items.reduce<Date | null>((max, i) => (max === null || i.updatedAt > max ? i.updatedAt : max), null) ?? new Date(),
    author: portal,
    items: items.map((item) => feedItem(item, { origin, lng, locale, author: portal })),
  };
  const body = format === "rss" ? rssFeed(feed) : atomFeed(feed);
  return new Response(body, { headers: { "Content-Type": CONTENT_TYPES[format] } });
}

export async function sitemapResponse(request: Request, context: AppLoadContext): Promise<Response> {
  const tenant = tenantOf(context);
  if (!tenant) return notFoundText();
  const home = await context.unit.run((tx) => getPortalHome({ tx, tenantId: tenant.id }));
  if (!home) return notFoundText();
  const origin = originOf(request);
  const limit = SITEMAP_MAX_URLS - 1 - home.sections.length;
  const items = await context.unit.run((tx) => recentPublished({ tx, tenantId: tenant.id, locale: tenant.defaultLocale, limit }));
  const urls = [
    { loc: `${origin}/` },
    ...home.sections.map((s) => ({ loc: `${origin}/${s.slug}` })),
    ...items.map((i) => ({ loc: `${origin}${itemPath(i)}`, lastmod: i.updatedAt })),
  ];
  return new Response(sitemapXml(urls), { headers: { "Content-Type": CONTENT_TYPES.sitemap } });
}

export function robotsResponse(request: Request, context: AppLoadContext): Response {
  if (!tenantOf(context)) return notFoundText();
  const origin = originOf(request);
  // The staff area is private; search result pages are endless combinations of words, not content.
  const body = ["User-agent: *", "Disallow: /admin", "Disallow: /search", "", `Sitemap: ${origin}/sitemap.xml`, ""].join("\n");
  return new Response(body, { headers: { "Content-Type": CONTENT_TYPES.robots } });
}

export async function openSearchResponse(request: Request, context: AppLoadContext): Promise<Response> {
  const tenant = tenantOf(context);
  if (!tenant) return notFoundText();
  const locale = await getLocale(request, context.site);
  const t = await i18next.getFixedT(locale, "common");
  const origin = originOf(request);
  const lng = lngQuery(locale, tenant);
  const portal = text(tenant.portalTitle, locale);
  const body = openSearchXml({
    shortName: text(tenant.name, locale),
    description: t("public.search.description", { portal }),
    searchUrlTemplate: `${origin}/search?q={searchTerms}${lng ? `&${lng.slice(1)}` : ""}`,
    language: locale,
    image: { url: `${origin}/favicon.svg`, width: 16, height: 16, type: "image/svg+xml" },
  });
  return new Response(body, { headers: { "Content-Type": CONTENT_TYPES.opensearch } });
}
