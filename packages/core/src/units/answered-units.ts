// A province's admin units and which of them a member answers for (issue 10): their agency's own unit and
// the units under it; for a collective agency (every commune's People's Committee), the unit the member
// acts for; every unit for a provincial agency and for the province's admins. Figures and places decide
// who writes which locality's rows with the same rule.
import type { Tx } from "@cong/db";
import { asLocalized } from "../json.ts";

/** A province's admin unit (GSO code), its level and the unit above it. */
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
export function underAny(units: UnitRow[], roots: Set<string>): Set<string> {
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
 * The units a member answers for through those of their agencies that are among `agencyIds` (the agencies
 * that enter a series or keep a kind of place): provincial, every unit; else the units inside `inside`.
 */
export function answeredUnits({ provinceCode, units }: Pick<Units, "provinceCode" | "units">, who: EntryScope, agencyIds: string[]): { provincial: boolean; inside: Set<string> } {
  const agencies = who.agencies.filter((a) => agencyIds.includes(a.id));
  const provincial = who.everyUnit || agencies.some((a) => (a.unitCode === null || a.unitCode === provinceCode) && a.scopeLevel === null);
  if (provincial) return { provincial, inside: new Set() };
  const roots = new Set<string>();
  for (const a of agencies) {
    if (a.scopeLevel) {
      if (a.memberUnit) roots.add(a.memberUnit);
    } else if (a.unitCode) roots.add(a.unitCode);
  }
  return { provincial, inside: underAny(units, roots) };
}

/**
 * Who writes, for a signed-in member: their agencies as stored (own unit, collective level) with the
 * unit each membership acts for; every unit for those who manage the province's rows (its admins).
 */
export async function entryScopeOf({ tx, tenantId, agencies, everyUnit }: { tx: Tx; tenantId: string; agencies: { id: string; memberUnit?: string | null }[]; everyUnit: boolean }): Promise<EntryScope> {
  const rows = await tx.agency.findMany({ where: { tenantId, id: { in: agencies.map((a) => a.id) } }, select: { id: true, unitCode: true, scopeLevel: true } });
  return { everyUnit, agencies: rows.map((r) => ({ ...r, memberUnit: agencies.find((a) => a.id === r.id)?.memberUnit ?? null })) };
}
