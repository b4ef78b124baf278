// What the series and place kind forms offer, from the pack and the schema's lists, so the schema stays
// off the browser bundle: the sections of the right kind, the levels below the province, the agencies.
import { FIGURE_CHART_KINDS, FIGURE_CHART_MAX_SERIES, FIGURE_MEASURES, PLACE_KINDS, type TenantPack } from "@cong/config";

type Names = TenantPack["name"];
const option = <T extends { names: Names }>(key: (x: T) => string) => (x: T) => ({ value: key(x), names: x.names });

/** The names of a pack list's entries by key, for tables that name a section, level or agency. */
export function namesByKey<T extends { names: Names }>(list: readonly T[], key: (x: T) => string): Record<string, Names> {
  return Object.fromEntries(list.map((x) => [key(x), x.names]));
}

export function seriesChoices(pack: TenantPack) {
  return {
    sections: pack.sections.filter((s) => s.kind === "statistics" || s.kind === "charts").map(option((s) => s.slug)),
    // The province's own level is "province only" (no level), the form's first choice; kept if a series uses it.
    levels: pack.adminLevels.filter((l) => l.rank > 1 || pack.figures.some((f) => f.level === l.key)).map(option((l) => l.key)),
    agencies: pack.agencies.map(option((a) => a.id)),
    measures: FIGURE_MEASURES,
    formats: ["csv", "json"] as const,
  };
}

export function placeChoices(pack: TenantPack) {
  return {
    sections: pack.sections.filter((s) => s.kind === "facilities" || s.kind === "map").map(option((s) => s.slug)),
    agencies: pack.agencies.map(option((a) => a.id)),
    /** The kinds the province does not keep yet: each kind is in the pack once. */
    unused: PLACE_KINDS.filter((k) => !pack.places.some((p) => p.kind === k)),
  };
}

export function chartChoices(pack: TenantPack) {
  return {
    sections: pack.sections.filter((s) => s.kind === "statistics" || s.kind === "charts").map(option((s) => s.slug)),
    /** Every series, with its section: the form groups them so a chart draws its own section's. */
    series: pack.figures.map((f) => ({ value: f.key, names: f.names, section: f.section, cumulative: f.cumulative })),
    kinds: FIGURE_CHART_KINDS,
    /** One select per series a chart may draw. */
    slots: FIGURE_CHART_MAX_SERIES,
  };
}
