// /admin/config/matrix: the agency-role matrix grouped by section (who does what, by when, on what
// basis), with a link to edit each section's duties; the lead unit, operator and data lead form; and
// the portal-wide duties, which only a pack changes.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { editUnits, getTenantConfig } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { ConfigNav, errorLabels, SavedNotice } from "~/components/admin/config/config-form";
import { useDeadlineText } from "~/components/admin/config/duty-rows";
import { UNITS_FORM_KEYS, UnitFields } from "~/components/admin/config/unit-fields";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary } from "~/components/form/fields";
import { LocalizedText } from "~/components/localized-text";
import { requireTenantAdmin } from "~/utils/session.server";
import { readConfigForm } from "~/utils/config-form.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { tenantId } = await requireTenantAdmin(request, context);
  const config = await context.unit.run((tx) => getTenantConfig({ tx, tenantId }));
  if (!config) throw data({ reason: "not-found" }, { status: 404 });
  const { pack } = config;
  const agencyNames = (id: string) => pack.agencies.find((a) => a.id === id)?.names ?? { vi: id };
  const sections = [...pack.sections]
    .sort((a, b) => a.order - b.order)
    .map((s) => ({
      slug: s.slug,
      names: s.names,
      duties: pack.matrix.filter((m) => m.section === s.slug).flatMap((m) => m.duties.map((d) => ({ agency: agencyNames(m.agency), ...d }))),
    }));
  return {
    sections,
    units: { leadUnit: pack.leadUnit, operator: pack.operator, dataLead: pack.dataLead ?? null },
    portalDuties: pack.portalDuties.flatMap((p) => p.duties.map((d) => ({ agency: agencyNames(p.agency), ...d }))),
    agencies: pack.agencies.map((a) => ({ value: a.id, names: a.names })),
    offered: pack.locales.offered,
    version: config.version,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireTenantAdmin(request, context);
  const { input, save } = await readConfigForm(request, context, admin);
  const result = await save("config.units.update", (pack) => editUnits(pack, input));
  if (!result.ok) return data({ errors: result.errors, input, count: null }, { status: 400 });
  return { errors: null, input: null, count: result.value.changes.length };
}

export default function ConfigMatrix() {
  const { t } = useTranslation();
  const { sections, units, portalDuties, agencies, offered, version } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const deadline = useDeadlineText();
  return (
    <>
      <h1>{t("config.matrix.heading")}</h1>
      <ConfigNav />
      <p className="muted">{t("config.matrix.intro")}</p>
      {sections.map((s) => (
        <section key={s.slug} className="panel" aria-labelledby={`m-${s.slug}`} data-section={s.slug}>
          <h2 id={`m-${s.slug}`}>
            <LocalizedText value={s.names} />
          </h2>
          {s.duties.length === 0 ? (
            <p>{t("config.matrix.noDuties")}</p>
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("config.matrix.agency")}</th>
                  <th scope="col">{t("config.matrix.role")}</th>
                  <th scope="col">{t("config.matrix.what")}</th>
                  <th scope="col">{t("config.matrix.deadline")}</th>
                  <th scope="col">{t("config.matrix.source")}</th>
                </tr>
              </thead>
              <tbody>
                {s.duties.map((d, i) => (
                  <tr key={i}>
                    <td>
                      <LocalizedText value={d.agency} />
                    </td>
                    <td>{t(`config.dutyRoles.${d.role}`)}</td>
                    <td>{d.what ? <LocalizedText value={d.what} /> : "—"}</td>
                    <td>{deadline(d.deadline)}</td>
                    <td>{d.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>
            <Link to={`/admin/config/matrix/${s.slug}`}>{t("config.matrix.editDuties")}</Link>
          </p>
        </section>
      ))}

      <section className="panel" aria-labelledby="units">
        <h2 id="units">{t("config.matrix.unitsHeading")}</h2>
        <SavedNotice count={result?.count} />
        <ErrorSummary errors={result?.errors} labels={errorLabels(result?.errors, UNITS_FORM_KEYS, t)} />
        <Form method="post" noValidate key={version}>
          <CsrfInput />
          <input type="hidden" name="version" value={version} />
          <UnitFields values={result?.input ?? units} offered={offered} errors={result?.errors} agencies={agencies} />
          <button type="submit" className="button">
            {t("admin.save")}
          </button>
        </Form>
      </section>

      <section className="panel" aria-labelledby="portal-duties">
        <h2 id="portal-duties">{t("config.matrix.portalDutiesHeading")}</h2>
        <p className="muted">{t("config.matrix.portalDutiesNote")}</p>
        <ul>
          {portalDuties.map((d, i) => (
            <li key={i}>
              <LocalizedText value={d.agency} /> — {t(`config.dutyRoles.${d.role}`)}
              {d.what ? (
                <>
                  {": "}
                  <LocalizedText value={d.what} />
                </>
              ) : null}{" "}
              <span className="muted">({d.source})</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
