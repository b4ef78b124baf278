// The server side of the citizen pages: the portal a request reached (its frame, language and
// translator), the page head, the list filters validated against the section, and the view models the
// components render. Content comes only from the core's public queries, which return published items of
// enabled sections and nothing else.
import type { AppLoadContext } from "@remix-run/node";
import type { Localized } from "@cong/config";
import { getPortalHome, listFilterSchema, type ListFilter, type PortalHome, type PublicItem, type PublicSection } from "@cong/core";
import { localized, type Language } from "@cong/i18n";
import { z } from "zod";
import type { TenantSummary } from "@cong/core";
import { getLocale, i18next } from "~/utils/locale.server";
import { formatDateTime, formatDay, formatSize } from "~/utils/public-format";
import type { HeadLink, PublicHead } from "~/utils/public-head";

export type Translate = Awaited<ReturnType<typeof i18next.getFixedT>>;

export type Portal = {
  tenant: TenantSummary;
  home: PortalHome;
  locale: Language;
  t: Translate;
  /** Scheme, host and port the request came in on: every absolute URL we hand out starts with it. */
  origin: string;
  /** "?lng=en" when the page is not in the tenant's default language, so feeds and links keep it. */
  lng: string;
};

export function originOf(request: Request): string {
  return new URL(request.url).origin;
}

export function lngQuery(locale: string, tenant: TenantSummary): string {
  return locale === tenant.defaultLocale ? "" : `?lng=${locale}`;
}

/** The portal this request reached, or null on the apex and unknown hosts. */
export async function loadPortal(request: Request, context: AppLoadContext): Promise<Portal | null> {
  const { site } = context;
  if (site.kind !== "tenant") return null;
  const home = await context.unit.run((tx) => getPortalHome({ tx, tenantId: site.tenant.id }));
  if (!home) return null;
  const locale = await getLocale(request, site);
  const t = await i18next.getFixedT(locale, "common");
  return { tenant: site.tenant, home, locale, t, origin: originOf(request), lng: lngQuery(locale, site.tenant) };
}

export const text = (value: Localized, locale: string) => localized(value, locale).text;

type HeadOptions = {
  /** Path of this page, starting with "/". */
  path: string;
  title?: string;
  description?: string | null;
  section?: { slug: string; names: Localized };
  article?: { published: Date; modified: Date; image: string | null };
};

export function portalHead(p: Portal, o: HeadOptions): PublicHead {
  const portal = text(p.tenant.portalTitle, p.locale);
  const section = o.section ? text(o.section.names, p.locale) : null;
  const rss: HeadLink[] = [{ href: `/rss.xml${p.lng}`, title: p.t("public.feeds.portalRss", { portal }) }];
  const atom: HeadLink[] = [{ href: `/atom.xml${p.lng}`, title: p.t("public.feeds.portalAtom", { portal }) }];
  if (o.section && section) {
    rss.push({ href: `/${o.section.slug}/rss.xml${p.lng}`, title: p.t("public.feeds.sectionRss", { section }) });
    atom.push({ href: `/${o.section.slug}/atom.xml${p.lng}`, title: p.t("public.feeds.sectionAtom", { section }) });
  }
  return {
    title: o.title ? `${o.title} – ${portal}` : portal,
    description: o.description ?? null,
    canonical: `${p.origin}${o.path}`,
    siteName: portal,
    locale: p.locale,
    type: o.article ? "article" : "website",
    image: o.article?.image ?? null,
    publishedTime: o.article ? o.article.published.toISOString() : null,
    modifiedTime: o.article ? o.article.modified.toISOString() : null,
    section: o.article ? section : null,
    rss,
    atom,
    search: { href: `/opensearch.xml${p.lng}`, title: p.t("public.feeds.search", { portal }) },
  };
}

// ---- List filters -------------------------------------------------------------------------------

const FILTER_KEYS = ["page", "category", "form", "issuer", "field", "from", "to"] as const;
const DOCUMENT_ONLY = new Set(["form", "issuer", "field", "from", "to"]);
export type FilterInput = Partial<Record<(typeof FILTER_KEYS)[number], string>>;
/** Per field, i18n keys of the reasons ("public.filter.dateInvalid"). */
export type FilterErrors = Record<string, string[]>;
export type FilterResult = { ok: true; filter: ListFilter; input: FilterInput } | { ok: false; errors: FilterErrors; input: FilterInput };

// Postgres refuses text with NUL and the like; such input is refused here, not turned into a 500.
const hasControl = (value: string) => [...value].some((c) => {
  const code = c.charCodeAt(0);
  return (code < 0x20 && c !== "\t" && c !== "\n" && c !== "\r") || code === 0x7f;
});

/**
 * The query of a section page or of the API, through the core's listFilterSchema (which refuses a day
 * that does not exist), plus what the schema cannot know: that the range is not reversed, that the
 * sub-category is one of this section's. Only documents sections take the document filters; other
 * sections ignore them.
 */
export function parseListFilter(params: URLSearchParams, o: { documents: boolean; categories?: string[] }): FilterResult {
  const input: FilterInput = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value !== null && (o.documents || !DOCUMENT_ONLY.has(key))) input[key] = value;
  }
  const errors: FilterErrors = {};
  const add = (field: string, reason: string) => {
    const reasons = (errors[field] ??= []);
    if (!reasons.includes(reason)) reasons.push(reason);
  };
  for (const [field, value] of Object.entries(input)) if (field !== "page" && hasControl(value)) add(field, "public.filter.invalid");
  if (Object.keys(errors).length > 0) return { ok: false, errors, input };
  const parsed = listFilterSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      add(field, field === "from" || field === "to" ? "public.filter.dateInvalid" : issue.code === "too_big" ? "public.filter.tooLong" : "public.filter.invalid");
    }
    return { ok: false, errors, input };
  }
  const filter = parsed.data;
  if (filter.from && filter.to && !errors.from && !errors.to && filter.to < filter.from) add("to", "public.filter.rangeReversed");
  if (filter.category && o.categories && !o.categories.includes(filter.category)) add("category", "public.filter.unknownCategory");
  return Object.keys(errors).length > 0 ? { ok: false, errors, input } : { ok: true, filter, input };
}

export const SEARCH_MAX_QUERY = 200;
/** /search?q=&page=: a query too long is refused (and named); a bad page number is page 1. The core keeps
 * at most 1,000 ranked results, so 100 pages. */
export const searchQuerySchema = z.object({
  q: z.string().trim().max(SEARCH_MAX_QUERY).default("").transform((s) => s.normalize("NFC")),
  page: z.coerce.number().int().min(1).max(100).catch(1).default(1),
});

export const isDocumentsSection = (section: Pick<PublicSection, "kind">) => section.kind === "documents";

// ---- View models --------------------------------------------------------------------------------

/** Only web addresses leave as links; anything else an editor stored is not a link citizens follow. */
export const webUrl = (url: string | null) => (url && /^https?:\/\/[^/\\\s]/i.test(url) ? url : null);

export const fileHref = (file: { id: string; fileName: string }) => `/files/${file.id}/${encodeURIComponent(file.fileName)}`;

export const itemPath = (item: Pick<PublicItem, "sectionSlug" | "slug">) => `/${item.sectionSlug}/${item.slug}`;

export type ItemCard = {
  id: string;
  href: string;
  kind: string;
  title: string;
  summary: string | null;
  /** The language the title and summary are in. */
  lang: string;
  fallback: boolean;
  section: { slug: string; names: Localized };
  published: string;
  publishedIso: string;
  /** For links: the service's address. */
  external: string | null;
  doc: { number: string | null; form: string | null; issuer: string | null; issuedOn: string | null; issuedOnIso: string | null } | null;
};

/** timeZone: the province's, for the times shown. */
export function toCard(item: PublicItem, locale: string, timeZone: string): ItemCard {
  return {
    id: item.id,
    href: itemPath(item),
    kind: item.kind,
    title: item.title,
    summary: item.summary,
    lang: item.locale,
    fallback: item.fallback,
    section: { slug: item.sectionSlug, names: item.sectionNames },
    published: formatDateTime(item.publishedAt, locale, timeZone),
    publishedIso: item.publishedAt.toISOString(),
    external: item.kind === "link" ? webUrl(item.mediaUrl) : null,
    doc: item.doc
      ? { number: item.doc.number, form: item.doc.form, issuer: item.doc.issuer, issuedOn: formatDay(item.doc.issuedOn, locale), issuedOnIso: item.doc.issuedOn }
      : null,
  };
}

export type DocDetails = {
  form: string | null;
  number: string | null;
  issuer: string | null;
  signer: string | null;
  issuedOn: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  /** A key of public.docs.statuses, or the stored text when it is not one. */
  status: string | null;
  field: string | null;
};

export type ItemView = Omit<ItemCard, "doc"> & {
  body: string | null;
  /** The language the body is in: the page's, or the default one when only that has the full text. */
  bodyLang: string;
  bodyFallback: boolean;
  updated: string;
  updatedIso: string;
  agency: Localized | null;
  category: { slug: string; names: Localized } | null;
  video: { src: string; type: string } | null;
  videoSource: string | null;
  file: { href: string; name: string; size: string; mime: string } | null;
  cover: string | null;
  doc: DocDetails | null;
};

/**
 * The item page's model. `defaultText` is the same item in the tenant's default language, fetched only
 * when the page's translation has a title but no body, so the full text still shows (with a note).
 */
export function toItemView(item: PublicItem, locale: string, timeZone: string, section: PublicSection | null, defaultText: PublicItem | null): ItemView {
  const bodyFromDefault = !item.body && defaultText?.body ? defaultText : null;
  const isVideoFile = item.kind === "video" && item.file !== null && item.file.mime.startsWith("video/");
  return {
    ...toCard(item, locale, timeZone),
    body: bodyFromDefault ? bodyFromDefault.body : item.body,
    bodyLang: bodyFromDefault ? bodyFromDefault.locale : item.locale,
    bodyFallback: bodyFromDefault !== null,
    updated: formatDateTime(item.updatedAt, locale, timeZone),
    updatedIso: item.updatedAt.toISOString(),
    agency: item.agency,
    category: section?.categories.find((c) => c.slug === item.categorySlug) ?? null,
    video: isVideoFile && item.file ? { src: fileHref(item.file), type: item.file.mime } : null,
    videoSource: item.kind === "video" ? webUrl(item.mediaUrl) : null,
    file: item.file ? { href: fileHref(item.file), name: item.file.fileName, size: formatSize(item.file.size, locale), mime: item.file.mime } : null,
    cover: item.cover ? fileHref(item.cover) : null,
    doc: item.doc
      ? {
          form: item.doc.form,
          number: item.doc.number,
          issuer: item.doc.issuer,
          signer: item.doc.signer,
          issuedOn: formatDay(item.doc.issuedOn, locale),
          effectiveOn: formatDay(item.doc.effectiveOn, locale),
          expiresOn: formatDay(item.doc.expiresOn, locale),
          status: item.doc.status,
          field: item.doc.field,
        }
      : null,
  };
}

