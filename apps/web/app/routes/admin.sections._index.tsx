// /admin/sections: the province's catalogue with who answers for each section and what this viewer may do.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { subject } from "@cong/authz";
import { listSectionAccess } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { LocalizedText } from "~/components/localized-text";
import { forbidIf, requireAccess } from "~/utils/session.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { viewer, ability, rules } = await requireAccess(request, context);
  if (context.site.kind !== "tenant" || !rules) throw data({ reason: "not-found" }, { status: 404 });
  const tenantId = context.site.tenant.id;
  forbidIf(!ability.can("read", subject("Section", { tenantId })));
  return { sections: await context.unit.run((tx) => listSectionAccess({ tx, tenantId, viewer, ability, rules })) };
}

export default function Sections() {
  const { t } = useTranslation();
  const { sections } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("admin.sections.heading")}</h1>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("admin.nav.sections")}</th>
            <th scope="col">{t("admin.sections.kind")}</th>
            <th scope="col">{t("admin.sections.owners")}</th>
            <th scope="col">{t("admin.sections.yourAccess")}</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((s) => (
            <tr key={s.id} data-section={s.slug}>
              <th scope="row">
                <Link to={`/admin/sections/${s.slug}`}>
                  <LocalizedText value={s.names} />
                </Link>
                {s.enabled ? null : <span className="badge">{t("admin.sections.disabled")}</span>}
                {s.review ? <span className="badge">{t("admin.sections.review")}</span> : null}
              </th>
              <td>{s.kind}</td>
              <td>
                {s.owners.map((o, i) => (
                  <span key={i}>
                    {i > 0 ? "; " : ""}
                    <LocalizedText value={o.names} /> ({t(`config.dutyRoles.${o.role}`)})
                  </span>
                ))}
              </td>
              <td>
                {[s.canEdit ? t("admin.dashboard.canEdit") : null, s.canAnswer ? t("admin.dashboard.canAnswer") : null].filter(Boolean).join(", ") || "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
