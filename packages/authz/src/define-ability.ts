// The first wall: what an account may do, derived from its roles, its agencies and the tenant's
// agency-role matrix. Conditions are Prisma "where" objects (@casl/prisma), so the same rules check one
// record on the server (ability.can) and filter a query to what the user may see (accessibleBy).
import { AbilityBuilder, type Ability, type ForcedSubject } from "@casl/ability";
import { createPrismaAbility } from "@casl/prisma/runtime";
import type { DutyRole } from "@cong/config";
import { ANSWERING_DUTIES, EDITING_DUTIES, REVIEWING_DUTIES, type UserRole } from "./roles.ts";

export const ACTIONS = [
  "manage", "read", "create", "update", "delete", "configure", "invite", "deactivate",
  "edit", "submit", "publish", "withdraw", "answer",
  // Watching the whole province's work: every section's workspace, or everyone's deadlines.
  "oversee",
  // Entering a series' figures (issue 10).
  "enter",
] as const;
export type Action = (typeof ACTIONS)[number];
/** Subjects by the Prisma model they stand for; "Platform" is the operators' console. */
export const TENANT_SUBJECTS = ["Tenant", "User", "AuditLog", "Section", "Item", "Question", "Compliance", "Figure", "Place"] as const;
export type SubjectName = "Platform" | (typeof TENANT_SUBJECTS)[number];

export type Actor = {
  id: string;
  /** null for a platform operator. */
  tenantId: string | null;
  roles: UserRole[];
  /** Agency ids (rows of the tenant's agency table) the user belongs to. */
  agencyIds: string[];
  active: boolean;
};

/** One cell of the matrix as stored: agency x section -> role, limited to some sub-categories or none. */
export type MatrixDuty = { agencyId: string; sectionId: string; role: DutyRole | string; categoryIds: string[] };
export type SectionRef = { id: string; review: boolean };
/** leadAgencyIds: the agencies that chase the others' updates (the lead unit, the operator, the data lead). */
/** A series of figures and the agencies that enter it (issue 10). */
export type FigureSeriesRef = { id: string; agencyIds: string[] };
/** A kind of place and the agencies that keep its registry (issue 10). */
export type PlaceKindRef = { id: string; agencyIds: string[] };
export type TenantRules = { tenantId: string; duties: MatrixDuty[]; sections: SectionRef[]; leadAgencyIds?: string[]; figureSeries?: FigureSeriesRef[]; placeKinds?: PlaceKindRef[] };

// A subject's name, or a record tagged with subject("Item", row): conditions are matched on its fields.
export type AppSubject = SubjectName | ForcedSubject<SubjectName>;
export type AppAbility = Ability<[Action, AppSubject], Record<string, unknown>>;

const inList = <T>(list: readonly T[], value: unknown) => list.includes(value as T);

/**
 * The ability of actor on the host of `tenant` (null on the apex). An account only ever acts on its own
 * province's host: anywhere else it can do nothing.
 */
export function defineAbilityFor(actor: Actor | null, tenant: TenantRules | null): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createPrismaAbility as never);
  if (!actor || !actor.active) return build();

  if (actor.roles.includes("operator")) {
    if (actor.tenantId === null && tenant === null) {
      can("manage", "Platform");
      can(["read", "create", "update"], "Tenant");
      can(["read", "invite", "deactivate", "update"], "User");
      can("read", "AuditLog", { tenantId: null });
    }
    return build();
  }
  if (!tenant || actor.tenantId !== tenant.tenantId) return build();
  const tenantId = tenant.tenantId;
  const has = (role: UserRole) => actor.roles.includes(role);

  // Everyone on the staff reads the admin side of their own province.
  can("read", ["Tenant", "Section", "Item", "Question", "Compliance", "Figure", "Place"], { tenantId });

  if (has("admin")) {
    // Every subject of the province, named: "all" would also match "Platform" in a type-level check.
    can("manage", [...TENANT_SUBJECTS], { tenantId });
    return build();
  }

  // The board and the read-only viewers watch every section; they and the lead unit's staff watch everyone's
  // deadlines (the province's admins can do both through "manage").
  if (has("board") || has("viewer")) can("oversee", ["Section", "Compliance"], { tenantId });
  if (actor.agencyIds.some((id) => tenant.leadAgencyIds?.includes(id))) can("oversee", "Compliance", { tenantId });

  const reviewed = new Set(tenant.sections.filter((s) => s.review).map((s) => s.id));
  const mine = tenant.duties.filter((d) => actor.agencyIds.includes(d.agencyId));

  if (has("board")) {
    // The editorial board approves and withdraws in every section (2187/2017 Điều 9–12).
    can(["publish", "withdraw", "update"], "Item", { tenantId });
    can("read", "AuditLog", { tenantId });
  }

  // An editor of an agency that enters a series enters its figures (for which units: the use case
  // decides from the agency's and the member's unit).
  if (has("editor"))
    for (const f of tenant.figureSeries ?? []) if (f.agencyIds.some((id) => actor.agencyIds.includes(id))) can("enter", "Figure", { tenantId, seriesId: f.id });
  // An editor of an agency that keeps a kind of place creates and updates those places (which units' places:
  // the use case decides, as for figures).
  if (has("editor"))
    for (const k of tenant.placeKinds ?? []) if (k.agencyIds.some((id) => actor.agencyIds.includes(id))) can(["create", "update"], "Place", { tenantId, kindId: k.id });

  for (const d of mine) {
    const where: Record<string, unknown> = { tenantId, sectionId: d.sectionId };
    if (d.categoryIds.length > 0) where.categoryId = { in: d.categoryIds };
    if (has("editor") && inList(EDITING_DUTIES, d.role)) {
      can("edit", "Section", { tenantId, id: d.sectionId });
      can(["create", "update", "submit", "withdraw"], "Item", where);
      // Without review, the agency answerable for the section publishes its own updates.
      if (!reviewed.has(d.sectionId)) can("publish", "Item", where);
    }
    if (has("editor") && inList(REVIEWING_DUTIES, d.role)) can(["publish", "withdraw", "update"], "Item", where);
    if (has("answerer") && inList(ANSWERING_DUTIES, d.role)) {
      can("answer", "Question", { tenantId, sectionId: d.sectionId, agencyId: { in: actor.agencyIds } });
      can("answer", "Section", { tenantId, id: d.sectionId });
    }
  }
  return build();
}
