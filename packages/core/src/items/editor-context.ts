// What the item editor needs around the item: the tenant's languages (default first) and the section's
// enabled sub-categories, and the names of files already attached.
import type { Localized } from "@cong/config";
import type { Tx } from "@cong/db";
import { isUuid } from "@cong/db";
import { asLocalized } from "../json.ts";

export type EditorContext = { locales: string[]; defaultLocale: string; categories: { slug: string; names: Localized }[] };

export async function getEditorContext({ tx, tenantId, sectionId }: { tx: Tx; tenantId: string; sectionId: string }): Promise<EditorContext> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { locales: true, defaultLocale: true } });
  const categories = await tx.sectionCategory.findMany({ where: { tenantId, sectionId, enabled: true }, orderBy: [{ position: "asc" }, { slug: "asc" }] });
  return { locales: tenant.locales, defaultLocale: tenant.defaultLocale, categories: categories.map((c) => ({ slug: c.slug, names: asLocalized(c.names) })) };
}

export async function attachmentNames({ tx, tenantId, ids }: { tx: Tx; tenantId: string; ids: (string | null | undefined)[] }): Promise<Record<string, string>> {
  const wanted = ids.filter((id): id is string => isUuid(id));
  if (wanted.length === 0) return {};
  const rows = await tx.attachment.findMany({ where: { tenantId, id: { in: wanted } }, select: { id: true, fileName: true } });
  return Object.fromEntries(rows.map((r) => [r.id, r.fileName]));
}
