// Why a door is closed: an editor refused a section must learn which agencies the matrix gives it to,
// so they can ask the right people instead of the help desk. Codes, not sentences: the app translates.
import type { DutyRole } from "@cong/config";
import type { Actor, MatrixDuty } from "./define-ability.ts";
import { ANSWERING_DUTIES, EDITING_DUTIES } from "./roles.ts";

export type SectionWork = "edit" | "answer";
export type ClosedReason =
  | { code: "inactive" }
  | { code: "other-tenant" }
  | { code: "no-agency" }
  | { code: "role-cannot"; work: SectionWork; needs: "editor" | "answerer" }
  | { code: "agency-has-no-duty"; work: SectionWork; owners: { agencyId: string; role: DutyRole | string }[] };

/** null when the actor may do `work` in the section; otherwise the reason, with the agencies that may. */
export function whySectionClosed(actor: Actor, tenantId: string, sectionId: string, duties: MatrixDuty[], work: SectionWork): ClosedReason | null {
  if (!actor.active) return { code: "inactive" };
  if (actor.tenantId !== tenantId) return { code: "other-tenant" };
  if (actor.roles.includes("admin")) return null;
  const roles: readonly string[] = work === "edit" ? EDITING_DUTIES : ANSWERING_DUTIES;
  const owners = duties.filter((d) => d.sectionId === sectionId && roles.includes(d.role)).map((d) => ({ agencyId: d.agencyId, role: d.role }));
  const needs = work === "edit" ? "editor" : "answerer";
  if (!actor.roles.includes(needs)) return { code: "role-cannot", work, needs };
  if (actor.agencyIds.length === 0) return { code: "no-agency" };
  if (!owners.some((o) => actor.agencyIds.includes(o.agencyId))) return { code: "agency-has-no-duty", work, owners };
  return null;
}
