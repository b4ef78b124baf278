// /admin/config/export: the province's configuration as a pack.yaml download (a resource route: no page,
// so refusals are plain responses). The admin-units file beside a pack is not part of it and does not change.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { subject } from "@cong/authz";
import { exportTenantPack } from "@cong/core";
import { translate } from "@cong/i18n";
import { getLocale } from "~/utils/locale.server";
import { requireAccess } from "~/utils/session.server";

const plain = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ability } = await requireAccess(request, context);
  const lang = await getLocale(request, context.site);
  if (context.site.kind !== "tenant") return plain(translate(lang, "notFound.heading"), 404);
  const tenantId = context.site.tenant.id;
  if (!ability.can("configure", subject("Tenant", { tenantId, id: tenantId }))) return plain(translate(lang, "admin.forbidden.reasons.needs-role"), 403);
  const exported = await context.unit.run((tx) => exportTenantPack({ tx, tenantId }));
  if (!exported) return plain(translate(lang, "notFound.heading"), 404);
  return new Response(exported.text, {
    headers: {
      "Content-Type": "application/yaml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exported.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
