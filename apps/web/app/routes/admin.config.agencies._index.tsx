// /admin/config/agencies: the agencies the province's regulation gives duties to, how many duties each
// holds, and a short form to add one (the full form opens after it is made).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AGENCY_KINDS } from "@cong/config";
import { editAgency, getTenantConfig } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { AGENCY_FORM_KEYS, AgencyKindField } from "~/components/admin/config/agency-fields";
import { ConfigNav, errorLabels, LocalizedFields, read } from "~/components/admin/config/config-form";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary, TextField } from "~/components/form/fields";
import { LocalizedText } from "~/components/localized-text";
import { text } from "~/utils/form.server";
import { requireTenantAdmin } from "~/utils/session.server";
import { readConfigForm } from "~/utils/config-form.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { tenantId } = await requireTenantAdmin(request, context);
  const config = await context.unit.run((tx) => getTenantConfig({ tx, tenantId }));
  if (!config) throw data({ reason: "not-found" }, { status: 404 });
  const { pack } = config;
  const agencies = pack.agencies.map((a) => ({
    id: a.id,
    names: a.names,
    kind: a.kind,
    parent: pack.agencies.find((p) => p.id === a.parent)?.names ?? null,
    duties: pack.matrix.filter((m) => m.agency === a.id).reduce((n, m) => n + m.duties.length, 0),
  }));
  return { agencies, offered: pack.locales.offered, version: config.version, kinds: AGENCY_KINDS };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireTenantAdmin(request, context);
  const { form, lang, input, save } = await readConfigForm(request, context, admin);
  const result = await save("config.agency.add", (pack) => editAgency(pack, null, input, lang));
  if (!result.ok) return data({ errors: result.errors, input }, { status: 400 });
  return redirect(`/admin/config/agencies/${text(form, "id")}?added=1`);
}

export default function ConfigAgencies() {
  const { t } = useTranslation();
  const { agencies, offered, version, kinds } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const values = result?.input ?? { kind: "department" };
  const labels = errorLabels(result?.errors, AGENCY_FORM_KEYS, t, { id: t("config.agencies.id") });
  return (
    <>
      <h1>{t("config.agencies.heading")}</h1>
      <ConfigNav />
      {params.get("removed") ? <p role="status">{t("config.agencies.removed", { name: params.get("removed") })}</p> : null}
      <p className="muted">{t("config.agencies.intro")}</p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("config.agencies.names")}</th>
            <th scope="col">{t("config.agencies.id")}</th>
            <th scope="col">{t("config.agencies.kind")}</th>
            <th scope="col">{t("config.agencies.parent")}</th>
            <th scope="col">{t("config.agencies.duties")}</th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((a) => (
            <tr key={a.id} data-agency={a.id}>
              <th scope="row">
                <Link to={`/admin/config/agencies/${a.id}`}>
                  <LocalizedText value={a.names} />
                </Link>
              </th>
              <td>
                <code>{a.id}</code>
              </td>
              <td>{t(`config.agencyKinds.${a.kind}`)}</td>
              <td>{a.parent ? <LocalizedText value={a.parent} /> : "—"}</td>
              <td>{a.duties}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <section className="panel" aria-labelledby="add-agency">
        <h2 id="add-agency">{t("config.agencies.addHeading")}</h2>
        <ErrorSummary errors={result?.errors} labels={labels} />
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="version" value={version} />
          <TextField name="id" label={t("config.agencies.id")} hint={t("config.agencies.idHint")} defaultValue={read(values, "id")} errors={result?.errors} required />
          <LocalizedFields name="names" label={t("config.agencies.names")} offered={offered} values={values} errors={result?.errors} />
          <AgencyKindField values={values} errors={result?.errors} kinds={kinds} />
          <button type="submit" className="button">
            {t("config.agencies.addButton")}
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
