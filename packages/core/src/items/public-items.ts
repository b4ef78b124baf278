// What citizens read: published items of enabled sections only, in the page language with the default
// language as a marked fallback, paginated; documents filterable by form, issuing body, field, date range
// and sub-category (2187/2017/QĐ-UBND Điều 14.4); search that ignores Vietnamese diacritics and ranks
// title matches first.
import { calendarDateSchema, type Localized } from "@cong/config";
import type { Prisma, Tx } from "@cong/db";
import { z } from "zod";
import { toTsQuery } from "../content/index.ts";
import { asLocalized } from "../json.ts";

export const PUBLIC_PAGE = 10;

export type PublicDoc = {
  form: string | null;
  number: string | null;
  issuer: string | null;
  signer: string | null;
  issuedOn: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  status: string | null;
  field: string | null;
};
export type PublicItem = {
  id: string;
  slug: string;
  sectionSlug: string;
  sectionNames: Localized;
  kind: string;
  title: string;
  summary: string | null;
  body: string | null;
  /** The language the text is in; differs from the page's when there is no translation. */
  locale: string;
  fallback: boolean;
  publishedAt: Date;
  updatedAt: Date;
  mediaUrl: string | null;
  cover: { id: string; fileName: string } | null;
  file: { id: string; fileName: string; mime: string; size: number } | null;
  categorySlug: string | null;
  agency: Localized | null;
  doc: PublicDoc | null;
};

const itemInclude = {
  translations: true,
  section: { select: { slug: true, names: true } },
  category: { select: { slug: true } },
  agency: { select: { names: true } },
  cover: { select: { id: true, fileName: true } },
  file: { select: { id: true, fileName: true, mime: true, size: true } },
} satisfies Prisma.ItemInclude;
type Row = Prisma.ItemGetPayload<{ include: typeof itemInclude }>;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

function toPublic(row: Row, locale: string, defaultLocale: string, withBody: boolean): PublicItem {
  const t = row.translations.find((x) => x.locale === locale) ?? row.translations.find((x) => x.locale === defaultLocale) ?? row.translations[0]!;
  return {
    id: row.id,
    slug: row.slug,
    sectionSlug: row.section.slug,
    sectionNames: asLocalized(row.section.names),
    kind: row.kind,
    title: t.title,
    summary: t.summary,
    body: withBody ? t.body : null,
    locale: t.locale,
    fallback: t.locale !== locale,
    publishedAt: row.publishedAt ?? row.updatedAt,
    updatedAt: row.updatedAt,
    mediaUrl: row.mediaUrl,
    cover: row.cover,
    file: row.file,
    categorySlug: row.category?.slug ?? null,
    agency: row.agency ? asLocalized(row.agency.names) : null,
    doc:
      row.kind === "document"
        ? {
            form: row.docForm,
            number: row.docNumber,
            issuer: row.docIssuer,
            signer: row.docSigner,
            issuedOn: day(row.docIssuedOn),
            effectiveOn: day(row.docEffectiveOn),
            expiresOn: day(row.docExpiresOn),
            status: row.docStatus,
            field: row.docField,
          }
        : null,
  };
}

const dateFilter = z
  .union([z.literal(""), calendarDateSchema("errors.dateInvalid")])
  .optional()
  .transform((s) => s || undefined);
export const listFilterSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  category: z.string().trim().max(63).optional().transform((s) => s || undefined),
  form: z.string().trim().max(100).optional().transform((s) => s || undefined),
  issuer: z.string().trim().max(200).optional().transform((s) => s || undefined),
  field: z.string().trim().max(120).optional().transform((s) => s || undefined),
  from: dateFilter,
  to: dateFilter,
});
export type ListFilter = z.output<typeof listFilterSchema>;

const published = (tenantId: string): Prisma.ItemWhereInput => ({ tenantId, status: "published", section: { enabled: true } });

async function defaultLocaleOf(tx: Tx, tenantId: string) {
  return (await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { defaultLocale: true } })).defaultLocale;
}

export type SectionPage = { items: PublicItem[]; total: number; page: number; pages: number };

/** Every read below takes the request's transaction (docs/decisions/0011) and opens none of its own. */
/** count: false skips counting every match (the home page and feeds show no total or pager). */
export type ListPublishedOptions = { tx: Tx; tenantId: string; sectionId?: string; locale: string; filter: ListFilter; pageSize?: number; count?: boolean };

export async function listPublishedItems(o: ListPublishedOptions): Promise<SectionPage> {
  const { tx, tenantId } = o;
  const size = o.pageSize ?? PUBLIC_PAGE;
  const f = o.filter;
  const where: Prisma.ItemWhereInput = {
    AND: [
      published(tenantId),
      o.sectionId ? { sectionId: o.sectionId } : {},
      f.category ? { category: { slug: f.category } } : {},
      f.form ? { docForm: f.form } : {},
      f.issuer ? { docIssuer: f.issuer } : {},
      f.field ? { docField: f.field } : {},
      f.from ? { docIssuedOn: { gte: new Date(`${f.from}T00:00:00Z`) } } : {},
      f.to ? { docIssuedOn: { lte: new Date(`${f.to}T00:00:00Z`) } } : {},
    ],
  };
  const defaultLocale = await defaultLocaleOf(tx, tenantId);
  // One after the other: a transaction's connection answers one query at a time.
  const rows = await tx.item.findMany({ where, include: itemInclude, orderBy: [{ publishedAt: "desc" }, { id: "asc" }], skip: (f.page - 1) * size, take: size });
  const total = o.count === false ? (f.page - 1) * size + rows.length : await tx.item.count({ where });
  return { items: rows.map((r) => toPublic(r, o.locale, defaultLocale, false)), total, page: f.page, pages: Math.max(1, Math.ceil(total / size)) };
}

export async function getPublishedItem({ tx, tenantId, sectionSlug, itemSlug, locale }: { tx: Tx; tenantId: string; sectionSlug: string; itemSlug: string; locale: string }): Promise<PublicItem | null> {
  const row = await tx.item.findFirst({ where: { ...published(tenantId), slug: itemSlug, section: { slug: sectionSlug, enabled: true } }, include: itemInclude });
  return row ? toPublic(row, locale, await defaultLocaleOf(tx, tenantId), true) : null;
}

/** The distinct values citizens can filter a documents section by. */
export async function documentFacets({ tx, tenantId, sectionId }: { tx: Tx; tenantId: string; sectionId: string }) {
  const where = { ...published(tenantId), sectionId };
  const distinct = async (field: "docForm" | "docIssuer" | "docField") =>
    (await tx.item.findMany({ where: { ...where, [field]: { not: null } }, distinct: [field], select: { [field]: true }, orderBy: { [field]: "asc" } })).map(
      (r) => (r as unknown as Record<string, string>)[field]!,
    );
  return { forms: await distinct("docForm"), issuers: await distinct("docIssuer"), fields: await distinct("docField") };
}

export type SearchPage = { query: string; items: PublicItem[]; total: number; page: number; pages: number };

export async function searchPublished({ tx, tenantId, q, locale, page = 1 }: { tx: Tx; tenantId: string; q: string; locale: string; page?: number }): Promise<SearchPage> {
  const exact = toTsQuery(q, { prefix: false });
  if (!exact) return { query: q, items: [], total: 0, page: 1, pages: 1 };
  // Whole words first; only when they find nothing is the last word taken as the start of one ("quang
  // ni"), which asks the index for every word it may begin and costs far more.
  let ranked = await rankMatches(tx, tenantId, exact);
  if (ranked.length === 0) ranked = await rankMatches(tx, tenantId, toTsQuery(q, { prefix: true })!);
  const total = ranked.length;
  const slice = ranked.slice((page - 1) * PUBLIC_PAGE, page * PUBLIC_PAGE);
  const rows = await tx.item.findMany({ where: { id: { in: slice.map((r) => r.id) } }, include: itemInclude });
  const defaultLocale = await defaultLocaleOf(tx, tenantId);
  const items = slice.map((r) => toPublic(rows.find((x) => x.id === r.id)!, locale, defaultLocale, false));
  return { query: q, items, total, page, pages: Math.max(1, Math.ceil(total / PUBLIC_PAGE)) };
}

// The first 1,000 matches of one province: a match of every word in a title first, then the newest.
// search_entry holds one narrow row per published item (migration 20261203120000); its vector, stored
// out of line, is read only through the GIN index, which finds the words and the province together (the
// province is a lexeme of the vector, "~<tenant id>"); per match only the row's small title vector is read.
function rankMatches(tx: Tx, tenantId: string, tsq: string): Promise<{ id: string }[]> {
  return tx.$queryRaw<{ id: string }[]>`
    select e.item_id as id
    from search_entry e
    join section s on s.id = e.section_id and s.enabled
    where e.vector @@ (to_tsquery('simple', ${tsq}) && (quote_literal('~' || ${tenantId}::text))::tsquery)
      and e.tenant_id = ${tenantId}::uuid
    order by e.title_vector @@ to_tsquery('simple', ${tsq}) desc, e.published_at desc nulls last, e.item_id
    limit 1000`;
}

/** Published items for feeds and the sitemap: newest first, optionally one section. */
export async function recentPublished(o: { tx: Tx; tenantId: string; sectionId?: string; locale: string; limit: number }): Promise<PublicItem[]> {
  return (await listPublishedItems({ tx: o.tx, tenantId: o.tenantId, sectionId: o.sectionId, locale: o.locale, filter: listFilterSchema.parse({}), pageSize: o.limit, count: false })).items;
}

export type PublicSection = {
  id: string;
  slug: string;
  kind: string;
  names: Localized;
  description: Localized | null;
  url: string | null;
  categories: { slug: string; names: Localized }[];
};

/** An enabled section with its enabled sub-categories, for its public page. */
export async function getPublicSection({ tx, tenantId, slug }: { tx: Tx; tenantId: string; slug: string }): Promise<PublicSection | null> {
  const s = await tx.section.findFirst({
    where: { tenantId, slug, enabled: true },
    include: { categories: { where: { enabled: true }, orderBy: [{ position: "asc" }, { slug: "asc" }] } },
  });
  if (!s) return null;
  return {
    id: s.id,
    slug: s.slug,
    kind: s.kind,
    names: asLocalized(s.names),
    description: s.description ? asLocalized(s.description) : null,
    url: s.url,
    categories: s.categories.map((c) => ({ slug: c.slug, names: asLocalized(c.names) })),
  };
}
