// /admin/sections/<slug>: a section's workspace. Open to the agencies the matrix gives it to (and to the
// province's admins, board and viewers); any other editor gets a 403 that names the owning agencies.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listSectionAccess } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { LocalizedText } from "~/components/localized-text";
import { forbidIf, requireAccess } from "~/utils/session.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { viewer, ability, rules } = await requireAccess(request, context);
  if (context.site.kind !== "tenant" || !rules) throw data({ reason: "not-found" }, { status: 404 });
  const sections = await listSectionAccess(context.db, context.site.tenant.id, viewer, ability, rules);
  const section = sections.find((s) => s.slug === params.slug);
  if (!section) throw data({ reason: "not-found" }, { status: 404 });
  const readsAll = viewer.roles.some((r) => r === "admin" || r === "board" || r === "viewer");
  const work = section.closed?.code === "agency-has-no-duty" ? section.closed.work : "edit";
  forbidIf(!section.canEdit && !section.canAnswer && !readsAll, {
    section: section.names,
    code: section.closed?.code ?? "role-cannot",
    needs: section.closed && "needs" in section.closed ? section.closed.needs : "editor",
    work,
    owners: section.owners
      .filter((o) => (work === "answer" ? o.role === "answer" : ["lead", "update", "co-update"].includes(o.role)))
      .map((o) => ({ names: o.names, role: o.role })),
  });
  return { section };
}

export default function SectionWorkspace() {
  const { t } = useTranslation();
  const { section } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>
        <LocalizedText value={section.names} />
      </h1>
      <ul className="access-notes">
        {section.canEdit ? <li>{t("admin.sections.youCanEdit")}</li> : null}
        {section.canAnswer ? <li>{t("admin.sections.youCanAnswer")}</li> : null}
        {!section.canEdit && !section.canAnswer ? <li>{t("admin.sections.youCanRead")}</li> : null}
      </ul>
      <h2>{t("admin.sections.duties")}</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("admin.sections.agency")}</th>
            <th scope="col">{t("admin.sections.role")}</th>
          </tr>
        </thead>
        <tbody>
          {section.owners.map((o, i) => (
            <tr key={i}>
              <td>
                <LocalizedText value={o.names} />
              </td>
              <td>{t(`config.dutyRoles.${o.role}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
