// A section's items for its workspace: only those the viewer may read (CASL -> a Prisma filter, under
// RLS), newest change first, with the title in the tenant's default language.
import { accessibleBy, type AppAbility } from "@cong/authz";
import type { Prisma, Tx } from "@cong/db";

export type ItemListRow = {
  id: string;
  slug: string;
  kind: string;
  status: string;
  title: string;
  categoryId: string | null;
  agencyId: string | null;
  publishAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
  version: number;
};

export const ADMIN_PAGE = 25;
const MAX_PAGE = 100_000;

export async function listSectionItems({ tx, tenantId, ability, sectionId, status, page: asked }: { tx: Tx; tenantId: string; ability: AppAbility; sectionId: string; status?: string; page?: number }) {
  const readable = accessibleBy(ability, "read").ofType("Item" as never) as Prisma.ItemWhereInput;
  const where: Prisma.ItemWhereInput = { AND: [readable, { tenantId, sectionId }, status ? { status } : {}] };
  // A page past the end is simply empty; past MAX_PAGE the offset would overflow the query's integer.
  const page = Math.min(MAX_PAGE, Math.max(1, Math.trunc(asked ?? 1) || 1));
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { defaultLocale: true } });
  // One after the other: a transaction is one connection, which answers one query at a time.
  const rows = await tx.item.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * ADMIN_PAGE,
    take: ADMIN_PAGE,
    include: { translations: { where: { locale: tenant.defaultLocale }, select: { title: true } } },
  });
  const total = await tx.item.count({ where });
  const items: ItemListRow[] = rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    kind: r.kind,
    status: r.status,
    title: r.translations[0]?.title ?? r.slug,
    categoryId: r.categoryId,
    agencyId: r.agencyId,
    publishAt: r.publishAt,
    publishedAt: r.publishedAt,
    updatedAt: r.updatedAt,
    version: r.version,
  }));
  return { items, total, page, pages: Math.max(1, Math.ceil(total / ADMIN_PAGE)) };
}
