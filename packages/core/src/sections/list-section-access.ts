// For the admin's dashboard and section pages: every section of the province with the agencies the
// matrix gives it to, and for this viewer whether they may edit or answer there, or why not.
import type { Localized } from "@cong/config";
import { subject, whySectionClosed, type AppAbility, type ClosedReason, type TenantRules } from "@cong/authz";
import type { Tx } from "@cong/db";
import { actorOf } from "../accounts/load-ability.ts";
import type { Viewer } from "../accounts/viewer.ts";
import { asLocalized } from "../json.ts";

export type SectionOwner = { agencyId: string; agencyKey: string; names: Localized; role: string };
export type SectionAccess = {
  id: string;
  slug: string;
  kind: string;
  names: Localized;
  enabled: boolean;
  review: boolean;
  owners: SectionOwner[];
  canEdit: boolean;
  canAnswer: boolean;
  /** Why editing is closed, when the viewer is an editor and cannot edit here. */
  closed: ClosedReason | null;
};

export async function listSectionAccess({ tx, tenantId, viewer, ability, rules }: { tx: Tx; tenantId: string; viewer: Viewer; ability: AppAbility; rules: TenantRules }): Promise<SectionAccess[]> {
  const sections = await tx.section.findMany({
    where: { tenantId },
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    include: { duties: { orderBy: { position: "asc" }, include: { agency: { select: { id: true, key: true, names: true } } } } },
  });
  const actor = actorOf(viewer)!;
  return sections.map((s) => {
    const canEdit = ability.can("edit", subject("Section", { tenantId, id: s.id }));
    const canAnswer = ability.can("answer", subject("Section", { tenantId, id: s.id }));
    const work = viewer.roles.includes("editor") ? "edit" : viewer.roles.includes("answerer") ? "answer" : null;
    const closed = work && !(work === "edit" ? canEdit : canAnswer) ? whySectionClosed(actor, tenantId, s.id, rules.duties, work) : null;
    return {
      id: s.id,
      slug: s.slug,
      kind: s.kind,
      names: asLocalized(s.names),
      enabled: s.enabled,
      review: s.review,
      owners: s.duties.map((d) => ({ agencyId: d.agency.id, agencyKey: d.agency.key, names: asLocalized(d.agency.names), role: d.role })),
      canEdit,
      canAnswer,
      closed,
    };
  });
}
