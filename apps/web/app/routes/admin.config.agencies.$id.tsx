// /admin/config/agencies/<id>: one agency's names, kind, parent, unit and scope; and removing it, which
// the pack schema refuses while the matrix, the lead units or a hotline still name it.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AGENCY_KINDS } from "@cong/config";
import { editAgency, getTenantConfig, removeAgency } from "@cong/core";
import { localized } from "@cong/i18n";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { AGENCY_FORM_KEYS, AgencyFields } from "~/components/admin/config/agency-fields";
import { ConfigNav, errorLabels, SavedNotice } from "~/components/admin/config/config-form";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary } from "~/components/form/fields";
import { text } from "~/utils/form.server";
import { adminNotFound, slugParam } from "~/utils/not-found.server";
import { requireTenantAdmin } from "~/utils/session.server";
import { readConfigForm } from "~/utils/config-form.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { tenantId } = await requireTenantAdmin(request, context);
  const id = slugParam(params.id);
  const config = await context.unit.run((tx) => getTenantConfig({ tx, tenantId }));
  const agency = config?.pack.agencies.find((a) => a.id === id);
  if (!config || !agency) adminNotFound();
  return {
    agency,
    agencies: config.pack.agencies.map((a) => ({ value: a.id, names: a.names })),
    levels: config.pack.adminLevels.map((l) => ({ value: l.key, names: l.names })),
    offered: config.pack.locales.offered,
    version: config.version,
    kinds: AGENCY_KINDS,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireTenantAdmin(request, context);
  const id = slugParam(params.id);
  const { form, lang, input, save } = await readConfigForm(request, context, admin);
  const intent = text(form, "intent");
  if (intent === "remove") {
    const result = await save("config.agency.remove", (pack) => removeAgency(pack, id, lang));
    if (!result.ok) return data({ intent, errors: result.errors, input: null, count: null }, { status: 400 });
    return redirect(`/admin/config/agencies?removed=${encodeURIComponent(text(form, "name") || id)}`);
  }
  const result = await save("config.agency.update", (pack) => editAgency(pack, id, input, lang));
  if (!result.ok) return data({ intent, errors: result.errors, input, count: null }, { status: 400 });
  return { intent, errors: null, input: null, count: result.value.changes.length };
}

export default function ConfigAgency() {
  const { t, i18n } = useTranslation();
  const { agency, agencies, levels, offered, version, kinds } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saveErrors = result?.intent !== "remove" ? result?.errors : null;
  const removeErrors = result?.intent === "remove" ? result.errors : null;
  const name = localized(agency.names, i18n.language).text;
  return (
    <>
      <h1>{t("config.agencies.editHeading", { name })}</h1>
      <ConfigNav />
      <p>
        <Link to="/admin/config/agencies">{t("config.back")}</Link> · {t("config.agencies.fixedId", { id: agency.id })}
      </p>
      {params.get("added") && !result ? <p role="status">{t("config.agencies.added")}</p> : null}
      <SavedNotice count={result?.count} />
      <section className="panel">
        <ErrorSummary errors={saveErrors} labels={errorLabels(saveErrors, AGENCY_FORM_KEYS, t)} />
        <Form method="post" noValidate key={version}>
          <CsrfInput />
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={version} />
          <AgencyFields values={result?.input ?? agency} offered={offered} errors={saveErrors} agencies={agencies} levels={levels} self={agency.id} kinds={kinds} />
          <button type="submit" className="button">
            {t("admin.save")}
          </button>
        </Form>
      </section>

      <section className="panel danger" aria-labelledby="remove">
        <h2 id="remove">{t("config.agencies.removeHeading")}</h2>
        <p>{t("config.agencies.removeIntro")}</p>
        <ErrorSummary errors={removeErrors} labels={{}} />
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="name" value={name} />
          <button type="submit" className="button danger">
            {t("config.agencies.removeButton")}
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
