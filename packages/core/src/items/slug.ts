// Item addresses: the Vietnamese title without diacritics, hyphenated ("Quyết định 3591" -> "quyet-dinh-3591"),
// unique within the section.
import type { Tx } from "@cong/db";
import { foldVietnamese } from "../content/index.ts";

export function slugify(title: string): string {
  const slug = foldVietnamese(title).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80).replace(/-+$/, "");
  return slug || "bai-viet";
}

export async function uniqueSlug(tx: Tx, sectionId: string, title: string): Promise<string> {
  const base = slugify(title);
  const taken = new Set((await tx.item.findMany({ where: { sectionId, slug: { startsWith: base } }, select: { slug: true } })).map((i) => i.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
