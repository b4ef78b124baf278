// /admin on any known host: the staff's side of a province's portal, or the platform console on the
// apex. This layout only frames the pages; each page checks the viewer and their rights itself.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { localized } from "@cong/i18n";
import { AdminShell } from "~/components/admin/admin-shell";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import adminStylesUrl from "~/styles/admin.css?url";
import { adminNav } from "~/utils/admin-nav.server";
import { getLocale } from "~/utils/locale.server";
import { getViewer, requireAccess, scopeOf } from "~/utils/session.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  scopeOf(context); // unknown hosts have no admin: 404
  const locale = await getLocale(request, context.site);
  const viewer = await getViewer(request, context);
  const portal = context.site.kind === "tenant" ? localized(context.site.tenant.portalTitle, locale).text : null;
  const color = context.site.kind === "tenant" ? context.site.tenant.colors.primary : null;
  if (!viewer) return { portal, color, viewer: null, nav: [] };
  const access = await requireAccess(request, context);
  return {
    portal,
    color,
    viewer: { name: viewer.name, email: viewer.email, roles: viewer.roles },
    nav: await adminNav(access, context),
  };
}

export default function AdminLayout() {
  const data = useLoaderData<typeof loader>();
  return (
    <AdminShell portal={data.portal} color={data.color} viewer={data.viewer} nav={data.nav}>
      <Outlet />
    </AdminShell>
  );
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStylesUrl }];

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex, nofollow" }];

export const ErrorBoundary = AdminErrorBoundary;
