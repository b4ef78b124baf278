// A province's series of figures (issue 10) as its pack defines them, and the admin units they are
// entered for: which units of the series' level a member of an agency may enter (its own unit and the
// units under it; every unit for a provincial agency; for a collective agency, the unit the member acts
// for), and the province's own row when its figure is entered rather than summed.
import { asLocalized, asOptionalLocalized } from "../json.ts";
import type { Localized } from "@cong/config";
import type { Tx } from "@cong/db";
import { answeredUnits, type EntryScope, type Units } from "../units/answered-units.ts";

export type SeriesInfo = {
  id: string;
  key: string;
  names: Localized;
  description: Localized | null;
  sectionId: string;
  sectionSlug: string;
  measure: "count" | "level";
  /** The admin level whose units enter it; null: the province only. */
  levelKey: string | null;
  province: "sum" | "entered";
  times: string[];
  cumulative: boolean;
  agencyIds: string[];
};

/** The enabled series (in enabled sections only, with published: true), in the pack's order. */
export async function listFigureSeries({ tx, tenantId, sectionId, published }: { tx: Tx; tenantId: string; sectionId?: string; published?: boolean }): Promise<SeriesInfo[]> {
  const rows = await tx.figureSeries.findMany({
    where: { tenantId, enabled: true, ...(sectionId ? { sectionId } : {}), ...(published ? { section: { enabled: true } } : {}) },
    orderBy: [{ position: "asc" }, { key: "asc" }],
    include: { agencies: { select: { agencyId: true } }, section: { select: { slug: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    names: asLocalized(r.names),
    description: asOptionalLocalized(r.description) ?? null,
    sectionId: r.sectionId,
    sectionSlug: r.section.slug,
    measure: r.measure === "level" ? "level" : "count",
    levelKey: r.levelKey,
    province: r.province === "entered" ? "entered" : "sum",
    times: r.times,
    cumulative: r.cumulative,
    agencyIds: r.agencies.map((a) => a.agencyId),
  }));
}

export { loadUnits, entryScopeOf, type UnitRow, type Units, type EntryAgency, type EntryScope } from "../units/answered-units.ts";

/**
 * The rows a member may enter for this series: units of its level they answer for, and the province's
 * own row when its figure is entered (provincial agencies and admins only).
 */
export function entryRows(series: SeriesInfo, { provinceCode, units }: Units, who: EntryScope): { code: string; name: string; province: boolean }[] {
  const { provincial, inside } = answeredUnits({ provinceCode, units }, who, series.agencyIds);
  const rows: { code: string; name: string; province: boolean }[] = [];
  if (series.levelKey) {
    const ofLevel = units.filter((u) => u.levelKey === series.levelKey);
    rows.push(...ofLevel.filter((u) => provincial || inside.has(u.code)).map((u) => ({ code: u.code, name: u.name, province: false })));
  }
  if (provincial && (series.province === "entered" || !series.levelKey)) rows.unshift({ code: provinceCode, name: "", province: true });
  return rows;
}
