// The checks a pack's schema cannot say field by field (pack-schema.ts runs them after it): every
// cross-reference inside one pack (agencies, sections, categories, levels, units, series, charts) and
// localized text complete in every language the pack offers; each problem at the path of the bad value.
import type { z } from "zod";
import { chartProblems } from "./figure-schema.ts";
import { LOCALES } from "./pack-basics.ts";
import type { PackBase } from "./pack-schema.ts";

const localeKeys = new Set<string>(LOCALES);

/** A localized value is an object whose keys are all locales and that has Vietnamese text. */
function isLocalized(value: unknown): value is Record<string, string> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return "vi" in value && entries.every(([k, v]) => localeKeys.has(k) && typeof v === "string");
}

// Walks the whole pack rather than listing fields, so a localized field added later is covered too.
function checkLocalizedComplete(
  value: unknown,
  offered: readonly string[],
  path: (string | number)[],
  problem: (path: (string | number)[], message: string) => void,
) {
  if (isLocalized(value)) {
    const missing = offered.filter((l) => value[l] === undefined);
    if (missing.length > 0) problem(path, `missing ${missing.join(", ")} text (the pack offers ${offered.join(", ")})`);
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => checkLocalizedComplete(v, offered, [...path, i], problem));
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) checkLocalizedComplete(v, offered, [...path, k], problem);
}

/** Cross-references inside one pack; each problem is reported at the path of the bad value. */
export function checkReferences(pack: PackBase, ctx: z.RefinementCtx) {
  const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const duplicates = <T>(items: T[], key: (item: T) => string, path: string, field: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) problem([path, i, field], `duplicate ${field} "${k}"`);
      seen.add(k);
    });
  };

  if (!pack.locales.offered.includes(pack.locales.default))
    problem(["locales", "default"], `default locale "${pack.locales.default}" is not among the offered locales`);
  if (new Set(pack.locales.offered).size !== pack.locales.offered.length)
    problem(["locales", "offered"], "a locale is offered twice");
  // A page in an offered language must never fall back to Vietnamese half-way through, so every text
  // in the pack carries every offered locale.
  checkLocalizedComplete(pack, pack.locales.offered, [], problem);
  duplicates(pack.domains, (d) => d, "domains", "domain");

  const levels = new Set(pack.adminLevels.map((l) => l.key));
  duplicates(pack.adminLevels, (l) => l.key, "adminLevels", "key");

  const agencies = new Set(pack.agencies.map((a) => a.id));
  duplicates(pack.agencies, (a) => a.id, "agencies", "id");
  pack.agencies.forEach((a, i) => {
    if (a.parent !== undefined && !agencies.has(a.parent)) problem(["agencies", i, "parent"], `unknown agency "${a.parent}"`);
    if (a.parent === a.id) problem(["agencies", i, "parent"], "an agency cannot be its own parent");
    if (a.scope && !levels.has(a.scope.level)) problem(["agencies", i, "scope", "level"], `unknown admin level "${a.scope.level}"`);
  });

  const sections = new Map(pack.sections.map((s) => [s.slug, s]));
  duplicates(pack.sections, (s) => s.slug, "sections", "slug");
  pack.sections.forEach((s, i) => {
    const seen = new Set<string>();
    s.categories.forEach((c, j) => {
      if (seen.has(c.slug)) problem(["sections", i, "categories", j, "slug"], `duplicate category "${c.slug}"`);
      seen.add(c.slug);
    });
    if (s.kind === "link" && !s.url) problem(["sections", i, "url"], "a link section needs the url of the service");
  });

  const checkUnitRef = (key: "leadUnit" | "operator" | "dataLead") => {
    const ref = pack[key];
    if (ref && !agencies.has(ref.agency)) problem([key, "agency"], `unknown agency "${ref.agency}"`);
  };
  checkUnitRef("leadUnit");
  checkUnitRef("operator");
  checkUnitRef("dataLead");
  pack.regulations.forEach((r, i) => {
    const section = r.section ? sections.get(r.section) : pack.sections.find((s) => s.kind === "documents");
    if (r.section && !section) problem(["regulations", i, "section"], `unknown section "${r.section}"`);
    if (r.category && !section?.categories.some((c) => c.slug === r.category))
      problem(["regulations", i, "category"], `unknown category "${r.category}" of section "${section?.slug ?? "(none)"}"`);
  });
  pack.hotlines.forEach((h, i) => {
    if (h.agency && !agencies.has(h.agency)) problem(["hotlines", i, "agency"], `unknown agency "${h.agency}"`);
  });

  pack.portalDuties.forEach((p, i) => {
    if (!agencies.has(p.agency)) problem(["portalDuties", i, "agency"], `unknown agency "${p.agency}"`);
  });

  duplicates(pack.figures, (f) => f.key, "figures", "key");
  if (pack.map?.figure !== undefined) {
    const series = pack.figures.find((f) => f.key === pack.map!.figure);
    if (!series) problem(["map", "figure"], `unknown series "${pack.map.figure}"`);
    else if (series.level === undefined) problem(["map", "figure"], `series "${series.key}" is entered for the province only: a map needs a series by locality`);
  }
  if (pack.map?.boundaries && pack.provinceCode === undefined) problem(["map", "boundaries"], "boundaries need the pack's provinceCode (they are checked against it)");
  pack.figures.forEach((f, i) => {
    const section = sections.get(f.section);
    if (!section) problem(["figures", i, "section"], `unknown section "${f.section}"`);
    else if (section.kind !== "statistics" && section.kind !== "charts") problem(["figures", i, "section"], `section "${f.section}" is a ${section.kind} section: figures go in a statistics or charts section`);
    if (f.level !== undefined && !levels.has(f.level)) problem(["figures", i, "level"], `unknown admin level "${f.level}"`);
    if (f.level === undefined && f.province === "sum") problem(["figures", i, "province"], "a series entered for the province only cannot be a sum of units: give a level, or province: entered");
    f.agencies.forEach((a, j) => {
      if (!agencies.has(a)) problem(["figures", i, "agencies", j], `unknown agency "${a}"`);
    });
    if (new Set(f.times).size !== f.times.length) problem(["figures", i, "times"], "a time is listed twice");
  });

  for (const [path, message] of chartProblems(pack.charts, new Map(pack.figures.map((f) => [f.key, f])), (slug) => sections.get(slug)?.kind)) problem(path, message);

  duplicates(pack.places, (p) => p.kind, "places", "kind");
  pack.places.forEach((p, i) => {
    const section = sections.get(p.section);
    if (!section) problem(["places", i, "section"], `unknown section "${p.section}"`);
    else if (section.kind !== "facilities" && section.kind !== "map") problem(["places", i, "section"], `section "${p.section}" is a ${section.kind} section: places go in a facilities or map section`);
    p.agencies.forEach((a, j) => {
      if (!agencies.has(a)) problem(["places", i, "agencies", j], `unknown agency "${a}"`);
    });
  });

  const pairs = new Set<string>();
  pack.matrix.forEach((m, i) => {
    if (!agencies.has(m.agency)) problem(["matrix", i, "agency"], `unknown agency "${m.agency}"`);
    const section = sections.get(m.section);
    if (!section) problem(["matrix", i, "section"], `unknown section "${m.section}"`);
    const pair = `${m.agency}/${m.section}`;
    if (pairs.has(pair)) problem(["matrix", i], `agency "${m.agency}" and section "${m.section}" appear twice: merge their duties`);
    pairs.add(pair);
    m.duties.forEach((d, j) => {
      d.categories?.forEach((c, k) => {
        if (section && !section.categories.some((sc) => sc.slug === c))
          problem(["matrix", i, "duties", j, "categories", k], `unknown category "${c}" of section "${m.section}"`);
      });
      if (d.deadline?.kind === "daily-at") {
        const times = d.deadline.times;
        if (new Set(times).size !== times.length) problem(["matrix", i, "duties", j, "deadline", "times"], "a time is listed twice");
      }
    });
  });
}

