// The viewer's rights on this host: the CASL ability from their roles and agencies and the tenant's
// matrix as stored (so an admin's edit of the matrix applies on the next request).
import { defineAbilityFor, type Actor, type AppAbility, type MatrixDuty, type TenantRules } from "@cong/authz";
import type { Tx } from "@cong/db";
import { leadAgencyIds } from "../deadlines/lead-agencies.ts";
import type { Viewer } from "./viewer.ts";

export async function loadTenantRules({ tx, tenantId }: { tx: Tx; tenantId: string }): Promise<TenantRules> {
  const duties = await tx.duty.findMany({ where: { tenantId }, select: { agencyId: true, sectionId: true, role: true, categories: true, section: { select: { categories: { select: { id: true, slug: true } } } } } });
  const sections = await tx.section.findMany({ where: { tenantId }, select: { id: true, review: true } });
  const leads = await leadAgencyIds({ tx, tenantId });
  const series = await tx.figureSeries.findMany({ where: { tenantId, enabled: true }, select: { id: true, agencies: { select: { agencyId: true } } } });
  const kinds = await tx.placeKind.findMany({ where: { tenantId, enabled: true }, select: { id: true, agencies: { select: { agencyId: true } } } });
  const linked = (rows: { id: string; agencies: { agencyId: string }[] }[]) => rows.map((r) => ({ id: r.id, agencyIds: r.agencies.map((a) => a.agencyId) }));
  const matrix: MatrixDuty[] = duties.map((d) => ({
    agencyId: d.agencyId,
    sectionId: d.sectionId,
    role: d.role,
    categoryIds: d.section.categories.filter((c) => d.categories.includes(c.slug)).map((c) => c.id),
  }));
  return { tenantId, duties: matrix, sections, leadAgencyIds: leads, figureSeries: linked(series), placeKinds: linked(kinds) };
}

export function actorOf(viewer: Viewer | null): Actor | null {
  if (!viewer) return null;
  return { id: viewer.id, tenantId: viewer.tenantId, roles: viewer.roles, agencyIds: viewer.agencies.map((a) => a.id), active: true };
}

export async function loadAbility({ tx, viewer, tenantId }: { tx: Tx; viewer: Viewer | null; tenantId: string | null }): Promise<{ ability: AppAbility; rules: TenantRules | null }> {
  const rules = tenantId && viewer ? await loadTenantRules({ tx, tenantId }) : null;
  return { ability: defineAbilityFor(actorOf(viewer), tenantId ? rules : null), rules };
}
