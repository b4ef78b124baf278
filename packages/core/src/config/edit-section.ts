// The section form as an edit of the pack: names per offered language, description, kind, order,
// switches, link and source, and its sub-categories (added, changed, removed). A section's slug and a
// sub-category's slug never change once made: content and deadlines hang on them.
import type { TenantPack } from "@cong/config";
import { translate } from "@cong/i18n";
import type { Lang } from "../validation.ts";
import { bool, compact, localizedInput, num, optionalLocalizedInput, optStr, record, rows, str, type FormInput } from "./form-input.ts";
import type { PackEdit } from "./save-tenant-config.ts";

type Section = TenantPack["sections"][number];

function categoriesOf(input: FormInput, existing: Section | undefined, offered: readonly string[]) {
  const fields: [string, string][] = [];
  const out: Record<string, unknown>[] = [];
  for (const { row, index } of rows(input.categories)) {
    if (bool(row._remove)) continue;
    const slug = str(row.slug);
    const old = existing?.categories.find((c) => c.slug === slug);
    const names = record(row.names);
    // The empty line under the list for a new sub-category.
    if (!old && slug === "" && offered.every((l) => str(names[l]) === "") && str(row.order) === "") continue;
    fields.push([`categories[${out.length}]`, `categories[${index}]`]);
    out.push({ slug, names: localizedInput(row.names, offered, old?.names), order: num(row.order), enabled: bool(row.enabled) });
  }
  return { categories: out, fields };
}

/**
 * `slug` null adds a section (the form posts its slug); otherwise changes that section. Fields absent
 * from the form (the short add form has no sub-categories) keep their current values.
 */
export function editSection(current: TenantPack, slug: string | null, input: FormInput, lang: Lang = "vi"): PackEdit {
  const offered = current.locales.offered;
  const index = slug === null ? current.sections.length : current.sections.findIndex((s) => s.slug === slug);
  const existing = slug === null ? undefined : current.sections[index];
  if (slug !== null && !existing) return { pack: current, refused: { form: [translate(lang, "config.problems.sectionGone", { slug })] } };
  const cats = "categories" in input ? categoriesOf(input, existing, offered) : { categories: existing?.categories ?? [], fields: [] };
  const section = compact({
    slug: existing ? existing.slug : str(input.slug),
    kind: str(input.kind),
    names: localizedInput(input.names, offered, existing?.names),
    description: "description" in input ? optionalLocalizedInput(input.description, offered, existing?.description) : existing?.description,
    order: num(input.order),
    enabled: bool(input.enabled),
    review: bool(input.review),
    url: "url" in input ? optStr(input.url) : existing?.url,
    source: "source" in input ? optStr(input.source) : existing?.source,
    categories: cats.categories,
  });
  const sections: unknown[] = [...current.sections];
  sections[index] = section;
  const prefix = `sections[${index}]`;
  return {
    pack: { ...current, sections },
    posted: input,
    fields: [[prefix, ""], ...cats.fields.map(([p, f]) => [`${prefix}.${p}`, f] as const)],
  };
}

/** Removes a section and its duties in the matrix (they mean nothing without it). */
export function removeSection(current: TenantPack, slug: string, lang: Lang = "vi"): PackEdit {
  if (!current.sections.some((s) => s.slug === slug)) return { pack: current, refused: { form: [translate(lang, "config.problems.sectionGone", { slug })] } };
  return {
    pack: { ...current, sections: current.sections.filter((s) => s.slug !== slug), matrix: current.matrix.filter((m) => m.section !== slug) },
    fields: [],
  };
}
