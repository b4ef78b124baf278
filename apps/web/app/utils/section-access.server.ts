// The door of a section's workspace and its items: the agencies the matrix gives the section to (and the
// province's admins, board and viewers) come in; any other editor gets a 403 naming the owning agencies.
import type { AppLoadContext } from "@remix-run/node";
import { EDITING_DUTIES, subject } from "@cong/authz";
import { listSectionAccess, type SectionAccess } from "@cong/core";
import { adminNotFound, isSlug } from "~/utils/not-found.server";
import { forbidIf, requireAccess, type Access } from "~/utils/session.server";

export type SectionDoor = Access & { tenantId: string; section: SectionAccess };

export async function requireSection(request: Request, context: AppLoadContext, slug: string | undefined): Promise<SectionDoor> {
  const access = await requireAccess(request, context);
  if (context.site.kind !== "tenant" || !access.rules || !isSlug(slug)) adminNotFound();
  const tenantId = context.site.tenant.id;
  const rules = access.rules;
  const sections = await context.unit.run((tx) => listSectionAccess({ tx, tenantId, viewer: access.viewer, ability: access.ability, rules }));
  const section = sections.find((s) => s.slug === slug) ?? adminNotFound();
  const readsAll = access.ability.can("oversee", subject("Section", { tenantId }));
  const work = section.closed?.code === "agency-has-no-duty" ? section.closed.work : "edit";
  forbidIf(!section.canEdit && !section.canAnswer && !readsAll, {
    section: section.names,
    code: section.closed?.code ?? "role-cannot",
    needs: section.closed && "needs" in section.closed ? section.closed.needs : "editor",
    work,
    owners: section.owners.filter((o) => (work === "answer" ? o.role === "answer" : (EDITING_DUTIES as readonly string[]).includes(o.role))).map((o) => ({ names: o.names, role: o.role })),
  });
  return { ...access, tenantId, section };
}
