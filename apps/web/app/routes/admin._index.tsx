// /admin: a province's staff see who they are here, the sections their agency answers for and why the
// others are closed; on the apex, the platform operators see the provinces and invite their first admins.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { subject } from "@cong/authz";
import { agencyDueToday, inviteUser, listSectionAccess, listTenants, platformOverview } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { OperatorConsole } from "~/components/admin/operator-console";
import { StaffDashboard } from "~/components/admin/staff-dashboard";
import { freshDeadlines } from "~/utils/deadlines.server";
import { readForm, text } from "~/utils/form.server";
import { mailContext } from "~/utils/mail.server";
import { forbidIf, requireAccess } from "~/utils/session.server";
import { siteUrl } from "~/utils/urls.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const access = await requireAccess(request, context);
  const { viewer, ability, rules } = access;
  if (context.site.kind === "apex") {
    forbidIf(!ability.can("manage", "Platform"));
    const tenants = await context.unit.run((tx) => platformOverview({ tx }));
    return { page: "operator" as const, tenants: tenants.map((t) => ({ ...t, url: siteUrl(request, context.env.PLATFORM_DOMAIN, t.slug) })) };
  }
  if (context.site.kind !== "tenant" || !rules) throw data({ reason: "not-found" }, { status: 404 });
  const tenantId = context.site.tenant.id;
  const sections = await context.unit.run((tx) => listSectionAccess({ tx, tenantId, viewer, ability, rules }));
  if (viewer.agencies.length > 0) await freshDeadlines(context, tenantId);
  const agencyIds = viewer.agencies.map((a) => a.id);
  const due = await context.unit.run((tx) => agencyDueToday({ tx, tenantId, agencyIds }));
  const seesAll = ability.can("oversee", subject("Section", { tenantId }));
  return { page: "staff" as const, viewer: { name: viewer.name, roles: viewer.roles, agencies: viewer.agencies }, seesAll, sections, due };
}

// The operator invites a province's first admin; the link in the mail leads to the province's host.
export async function action({ request, context }: ActionFunctionArgs) {
  const { viewer, ability } = await requireAccess(request, context);
  forbidIf(context.site.kind !== "apex" || !ability.can("invite", "User"));
  const form = await readForm(request, context);
  const slug = text(form, "tenant");
  const tenant = (await context.unit.run((tx) => listTenants({ tx }))).find((t) => t.slug === slug);
  if (!tenant) return data({ ok: false as const, errors: { tenant: ["errors.invalidValue"] } }, { status: 400 });
  const mail = await mailContext(request, context);
  const result = await context.unit.runFor(tenant.id, (tx) =>
    inviteUser({
      tx,
      unit: context.unit,
      tenantId: tenant.id,
      input: { email: text(form, "email"), name: text(form, "name"), roles: ["admin"], agencies: [] },
      actor: { id: viewer.id, email: viewer.email, ip: context.ip },
      mail: { ...mail, baseUrl: siteUrl(request, context.env.PLATFORM_DOMAIN, tenant.slug).replace(/\/$/, ""), portalName: tenant.portalTitle.vi },
    }),
  );
  if (!result.ok) return data({ ok: false as const, errors: result.errors }, { status: 400 });
  return { ok: true as const, errors: null, invited: result.value.email };
}

export default function AdminHome() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (data.page === "operator") return <OperatorConsole tenants={data.tenants} result={result ?? null} />;
  return <StaffDashboard viewer={data.viewer} seesAll={data.seesAll} sections={data.sections} due={data.due} />;
}

export const ErrorBoundary = AdminErrorBoundary;
