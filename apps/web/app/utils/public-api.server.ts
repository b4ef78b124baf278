// The JSON read API over published content (/api/v1/items, /api/v1/items/<key>, /api/v1/documents):
// the same core queries and filters as the pages, with absolute URLs, errors as JSON naming the query
// parameter. An item's key is "<section>~<item>", its two slugs, the same pair its page address uses.
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { getPublicSection, PUBLIC_PAGE, type PublicItem, type PublicSection, type SectionPage, type TenantSummary } from "@cong/core";
import { translate, type Language } from "@cong/i18n";
import { fileHref, itemPath, originOf, text, webUrl, type FilterErrors } from "~/utils/public.server";

// Cache-Control comes from the server's one policy (apps/web/server/cache-policy.ts): public for answers
// and 404s, never stored for other errors.
export function apiError(status: number, error: string, fields?: Record<string, string[]>): Response {
  return Response.json(fields ? { error, fields } : { error }, { status });
}

/** The tenant, or the JSON 404 every API route gives the apex and unknown hosts. */
export function apiTenant(context: AppLoadContext): TenantSummary | Response {
  const { site } = context;
  if (site.kind === "tenant") return site.tenant;
  return apiError(404, site.kind === "apex" ? "the platform host has no content: ask a tenant's host" : `no tenant at ${site.host}`);
}

const slug = z.string().max(63).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** ?locale= among the tenant's languages (default: the tenant's default), and ?section= as a slug. */
export function apiQuery(params: URLSearchParams, tenant: TenantSummary): { locale: Language; section: string | null } | Response {
  const locale = params.get("locale") || tenant.defaultLocale;
  const section = params.get("section") || null;
  const fields: Record<string, string[]> = {};
  if (!tenant.locales.includes(locale as Language)) fields.locale = [`locale: one of ${tenant.locales.join(", ")}`];
  if (section !== null && !slug.safeParse(section).success) fields.section = ["section: a section slug (lower-case letters, digits, hyphens)"];
  if (Object.keys(fields).length > 0) return apiError(400, "invalid query", fields);
  return { locale: locale as Language, section };
}

export async function apiSection(context: AppLoadContext, tenant: TenantSummary, sectionSlug: string): Promise<PublicSection | Response> {
  const section = await context.unit.run((tx) => getPublicSection({ tx, tenantId: tenant.id, slug: sectionSlug }));
  return section ?? apiError(404, `no published section "${sectionSlug}" on this portal`);
}

/** The filter's reasons in English, each naming its query parameter. */
export function filterErrors(errors: FilterErrors): Response {
  const fields = Object.fromEntries(Object.entries(errors).map(([field, keys]) => [field, keys.map((k) => `${field}: ${translate("en", k)}`)]));
  return apiError(400, "invalid query", fields);
}

export const itemKey = (item: Pick<PublicItem, "sectionSlug" | "slug">) => `${item.sectionSlug}~${item.slug}`;

export function parseItemKey(key: string | undefined): { section: string; item: string } | null {
  const [section, item, ...rest] = (key ?? "").split("~");
  return rest.length === 0 && slug.safeParse(section).success && slug.safeParse(item).success ? { section: section!, item: item! } : null;
}

export function itemJson(item: PublicItem, origin: string, locale: string) {
  return {
    id: item.id,
    key: itemKey(item),
    section: item.sectionSlug,
    slug: item.slug,
    kind: item.kind,
    locale: item.locale,
    fallback: item.fallback,
    title: item.title,
    summary: item.summary,
    publishedAt: item.publishedAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    category: item.categorySlug,
    agency: item.agency ? text(item.agency, locale) : null,
    url: `${origin}${itemPath(item)}`,
    api: `${origin}/api/v1/items/${itemKey(item)}`,
    mediaUrl: webUrl(item.mediaUrl),
    file: item.file ? { url: `${origin}${fileHref(item.file)}`, name: item.file.fileName, mime: item.file.mime, size: item.file.size } : null,
    cover: item.cover ? { url: `${origin}${fileHref(item.cover)}` } : null,
    document: item.doc,
  };
}

/** One page of a list with the links to its neighbours, keeping the query. */
export function pageJson(request: Request, tenant: TenantSummary, locale: string, list: SectionPage, extra: Record<string, unknown> = {}) {
  const origin = originOf(request);
  const link = (page: number) => {
    const url = new URL(request.url);
    url.searchParams.set("page", String(page));
    return `${origin}${url.pathname}?${url.searchParams.toString()}`;
  };
  return {
    tenant: tenant.slug,
    locale,
    ...extra,
    page: list.page,
    pages: list.pages,
    pageSize: PUBLIC_PAGE,
    total: list.total,
    next: list.page < list.pages ? link(list.page + 1) : null,
    previous: list.page > 1 ? link(Math.min(list.page - 1, list.pages)) : null,
    items: list.items.map((i) => itemJson(i, origin, locale)),
  };
}

export const apiJson = (body: unknown) => Response.json(body);
