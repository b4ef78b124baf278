// The door to keeping places (issue 10), shared by the list, the form, the import page and its template: a
// province's site (404 elsewhere), a member whose ability updates places (403 otherwise), and what they
// answer for (their agencies' units; every unit for those who manage the province's places).
import { data, type AppLoadContext } from "@remix-run/node";
import { subject } from "@cong/authz";
import { entryScopeOf } from "@cong/core";
import { forbidIf, requireAccess, type Access } from "~/utils/session.server";

export async function requirePlaceKeeping(request: Request, context: AppLoadContext) {
  const access: Access = await requireAccess(request, context);
  if (context.site.kind !== "tenant") throw data({ reason: "not-found" as const }, { status: 404 });
  const tenant = context.site.tenant;
  forbidIf(!access.ability.can("update", "Place"), { code: "no-places" });
  const everyUnit = access.ability.can("manage", subject("Place", { tenantId: tenant.id }));
  const who = await context.unit.run((tx) => entryScopeOf({ tx, tenantId: tenant.id, agencies: access.viewer.agencies, everyUnit }));
  return { ...access, tenant, who };
}
