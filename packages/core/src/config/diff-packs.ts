// What changes between two packs, as a list a person can read: agencies, sections, sub-categories,
// matrix entries, series of figures, kinds of place and the rest added, removed or changed field by
// field, with the values before and after. The import preview shows it before anything is written, and
// the audit entry of a save keeps it.
import type { TenantPack } from "@cong/config";
import { canonicalJson } from "@cong/db";

export type ChangeArea =
  | "settings"
  | "domains"
  | "locales"
  | "regulations"
  | "adminLevels"
  | "agencies"
  | "sections"
  | "categories"
  | "matrix"
  | "portalDuties"
  | "figures"
  | "places";
export type ChangeOp = "added" | "removed" | "changed" | "reordered";

export type PackChange = {
  area: ChangeArea;
  op: ChangeOp;
  /** The thing changed: an agency id, a section slug, "section/category", "agency/section" in the matrix, a setting's name. */
  key: string;
  /** For "changed": the field of that thing ("names", "duties[2]"). */
  field?: string;
  before?: unknown;
  after?: unknown;
};

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

// Lists of things with a key of their own; everything else at the top of a pack is a setting.
const LISTS = ["agencies", "sections", "matrix", "portalDuties", "regulations", "adminLevels", "domains", "locales", "figures", "places"] as const;

function fieldChanges(area: ChangeArea, key: string, before: Record<string, unknown>, after: Record<string, unknown>, skip: string[] = []): PackChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !skip.includes(f));
  return fields.filter((f) => !same(before[f], after[f])).map((field) => ({ area, op: "changed", key, field, before: before[field], after: after[field] }));
}

function keyedChanges<T>(
  area: ChangeArea,
  before: readonly T[],
  after: readonly T[],
  keyOf: (item: T) => string,
  changed: (key: string, b: T, a: T) => PackChange[],
): PackChange[] {
  const b = new Map(before.map((x) => [keyOf(x), x]));
  const a = new Map(after.map((x) => [keyOf(x), x]));
  const out: PackChange[] = [];
  for (const [key, item] of b) if (!a.has(key)) out.push({ area, op: "removed", key, before: item });
  for (const [key, item] of a) {
    const old = b.get(key);
    if (old === undefined) out.push({ area, op: "added", key, after: item });
    else out.push(...changed(key, old, item));
  }
  // The order of a list is data too (agencies are listed in it, duties are numbered by it).
  const common = (list: readonly T[], other: Map<string, T>) => list.map(keyOf).filter((k) => other.has(k));
  if (common(before, a).join("\n") !== common(after, b).join("\n")) out.push({ area, op: "reordered", key: "" });
  return out;
}

const rec = (v: unknown) => v as Record<string, unknown>;

function dutyChanges(area: ChangeArea, key: string, before: readonly unknown[], after: readonly unknown[]): PackChange[] {
  const out: PackChange[] = [];
  for (let j = 0; j < Math.max(before.length, after.length); j++)
    if (!same(before[j], after[j])) out.push({ area, op: "changed", key, field: `duties[${j}]`, before: before[j], after: after[j] });
  return out;
}

export function diffPacks(before: TenantPack, after: TenantPack): PackChange[] {
  const changes: PackChange[] = [];

  const settings = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !(LISTS as readonly string[]).includes(k));
  for (const key of settings) {
    const b = rec(before)[key];
    const a = rec(after)[key];
    if (!same(b, a)) changes.push({ area: "settings", op: "changed", key, before: b, after: a });
  }

  for (const host of before.domains) if (!after.domains.includes(host)) changes.push({ area: "domains", op: "removed", key: host, before: host });
  for (const host of after.domains) if (!before.domains.includes(host)) changes.push({ area: "domains", op: "added", key: host, after: host });
  if (before.domains.filter((d) => after.domains.includes(d)).join() !== after.domains.filter((d) => before.domains.includes(d)).join())
    changes.push({ area: "domains", op: "reordered", key: "" });

  for (const l of before.locales.offered) if (!after.locales.offered.includes(l)) changes.push({ area: "locales", op: "removed", key: l, before: l });
  for (const l of after.locales.offered) if (!before.locales.offered.includes(l)) changes.push({ area: "locales", op: "added", key: l, after: l });
  if (before.locales.default !== after.locales.default)
    changes.push({ area: "locales", op: "changed", key: "default", before: before.locales.default, after: after.locales.default });
  if (before.locales.offered.filter((l) => after.locales.offered.includes(l)).join() !== after.locales.offered.filter((l) => before.locales.offered.includes(l)).join())
    changes.push({ area: "locales", op: "reordered", key: "" });

  changes.push(...keyedChanges("regulations", before.regulations, after.regulations, (r) => r.id, (k, b, a) => fieldChanges("regulations", k, b, a)));
  changes.push(...keyedChanges("adminLevels", before.adminLevels, after.adminLevels, (l) => l.key, (k, b, a) => fieldChanges("adminLevels", k, b, a)));
  changes.push(...keyedChanges("agencies", before.agencies, after.agencies, (x) => x.id, (k, b, a) => fieldChanges("agencies", k, b, a)));
  changes.push(
    ...keyedChanges("sections", before.sections, after.sections, (s) => s.slug, (slug, b, a) => [
      ...fieldChanges("sections", slug, b, a, ["categories"]),
      ...keyedChanges("categories", b.categories, a.categories, (c) => `${slug}/${c.slug}`, (k, bc, ac) => fieldChanges("categories", k, bc, ac)).map((c) =>
        c.op === "reordered" ? { ...c, key: slug } : c,
      ),
    ]),
  );
  changes.push(...keyedChanges("matrix", before.matrix, after.matrix, (m) => `${m.agency}/${m.section}`, (k, b, a) => dutyChanges("matrix", k, b.duties, a.duties)));
  changes.push(...keyedChanges("portalDuties", before.portalDuties, after.portalDuties, (p) => p.agency, (k, b, a) => dutyChanges("portalDuties", k, b.duties, a.duties)));
  changes.push(...keyedChanges("figures", before.figures, after.figures, (f) => f.key, (k, b, a) => fieldChanges("figures", k, b, a)));
  changes.push(...keyedChanges("places", before.places, after.places, (p) => p.kind, (k, b, a) => fieldChanges("places", k, b, a)));

  // Whatever the lists above cannot name still shows as a change, so "no changes" means equal packs.
  if (changes.length === 0 && canonicalJson(before) !== canonicalJson(after)) changes.push({ area: "settings", op: "changed", key: "pack" });
  return changes;
}

/** The audit entry's before and after: only what changed, keyed "area:key.field". */
export function auditOfChanges(changes: readonly PackChange[]): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const c of changes) {
    const name = `${c.area}:${c.key}${c.field ? `.${c.field}` : ""}${c.op === "reordered" ? " (order)" : ""}`;
    before[name] = c.before ?? null;
    after[name] = c.after ?? null;
  }
  return { before, after };
}
