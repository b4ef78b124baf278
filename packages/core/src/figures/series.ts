// A province's series of figures (issue 10) as its pack defines them, and the admin units they are
// entered for: which units of the series' level a member of an agency may enter (its own unit and the
// units under it; every unit for a provincial agency; for a collective agency, the unit the member acts
// for), and the province's own row when its figure is entered rather than summed.
import { asLocalized, asOptionalLocalized } from "../json.ts";
import type { Localized } from "@cong/config";
import type { Tx } from "@cong/db";

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

export type UnitRow = { code: string; name: string; type: string; levelKey: string; parentCode: string | null };
export type Units = { provinceCode: string; provinceName: string; units: UnitRow[] };

/** The province's admin units and its own code (the pack's provinceCode, or "province" without one). */
export async function loadUnits({ tx, tenantId }: { tx: Tx; tenantId: string }): Promise<Units> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { pack: true, name: true } });
  const code = (tenant.pack as { provinceCode?: unknown } | null)?.provinceCode;
  const units = await tx.adminUnit.findMany({ where: { tenantId }, select: { code: true, name: true, type: true, levelKey: true, parentCode: true }, orderBy: { code: "asc" } });
  return { provinceCode: typeof code === "string" ? code : "province", provinceName: asLocalized(tenant.name).vi, units };
}

/** An agency the member belongs to, as far as entering figures goes. */
export type EntryAgency = { id: string; unitCode: string | null; scopeLevel: string | null; memberUnit: string | null };
/** Who enters: the agencies the member belongs to, or every unit (the province's admins). */
export type EntryScope = { everyUnit: boolean; agencies: EntryAgency[] };

/** The unit codes under (and including) each root, following parent codes. */
function underAny(units: UnitRow[], roots: Set<string>): Set<string> {
  const parent = new Map(units.map((u) => [u.code, u.parentCode]));
  const inside = new Set<string>();
  for (const u of units) {
    let at: string | null | undefined = u.code;
    for (let hops = 0; at && hops < 10; hops++, at = parent.get(at)) {
      if (roots.has(at)) {
        inside.add(u.code);
        break;
      }
    }
  }
  return inside;
}

/**
 * The rows a member may enter for this series: units of its level they answer for, and the province's
 * own row when its figure is entered (provincial agencies and admins only).
 */
export function entryRows(series: SeriesInfo, { provinceCode, units }: Units, who: EntryScope): { code: string; name: string; province: boolean }[] {
  const agencies = who.agencies.filter((a) => series.agencyIds.includes(a.id));
  const provincial = who.everyUnit || agencies.some((a) => (a.unitCode === null || a.unitCode === provinceCode) && a.scopeLevel === null);
  const rows: { code: string; name: string; province: boolean }[] = [];
  if (series.levelKey) {
    const ofLevel = units.filter((u) => u.levelKey === series.levelKey);
    if (provincial) rows.push(...ofLevel.map((u) => ({ code: u.code, name: u.name, province: false })));
    else {
      const roots = new Set<string>();
      for (const a of agencies) {
        if (a.scopeLevel) {
          if (a.memberUnit) roots.add(a.memberUnit);
        } else if (a.unitCode) roots.add(a.unitCode);
      }
      const inside = underAny(units, roots);
      rows.push(...ofLevel.filter((u) => inside.has(u.code)).map((u) => ({ code: u.code, name: u.name, province: false })));
    }
  }
  if (provincial && (series.province === "entered" || !series.levelKey)) rows.unshift({ code: provinceCode, name: "", province: true });
  return rows;
}

/**
 * Who enters, for a signed-in member: their agencies as stored (own unit, collective level) with the
 * unit each membership acts for; every unit for those who manage the province's figures (its admins).
 */
export async function entryScopeOf({ tx, tenantId, agencies, everyUnit }: { tx: Tx; tenantId: string; agencies: { id: string; memberUnit?: string | null }[]; everyUnit: boolean }): Promise<EntryScope> {
  const rows = await tx.agency.findMany({ where: { tenantId, id: { in: agencies.map((a) => a.id) } }, select: { id: true, unitCode: true, scopeLevel: true } });
  return { everyUnit, agencies: rows.map((r) => ({ ...r, memberUnit: agencies.find((a) => a.id === r.id)?.memberUnit ?? null })) };
}
