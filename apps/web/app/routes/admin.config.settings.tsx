// /admin/config/settings: the portal's title and the province's name, domains, languages, time zone,
// branding, contacts, hotlines and attribution line, saved as one edit of the pack.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { editSettings, getTenantConfig } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { ConfigNav, errorLabels, SavedNotice } from "~/components/admin/config/config-form";
import { SETTINGS_FORM_KEYS, SettingsFields, settingsLabels } from "~/components/admin/config/settings-fields";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary } from "~/components/form/fields";
import { requireTenantAdmin } from "~/utils/session.server";
import { readConfigForm } from "~/utils/config-form.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { tenantId } = await requireTenantAdmin(request, context);
  const config = await context.unit.run((tx) => getTenantConfig({ tx, tenantId }));
  if (!config) throw data({ reason: "not-found" }, { status: 404 });
  const { pack } = config;
  return {
    values: {
      name: pack.name,
      portalTitle: pack.portalTitle,
      domains: pack.domains.join("\n"),
      locales: pack.locales,
      timeZone: pack.timeZone,
      branding: pack.branding,
      contacts: pack.contacts,
      hotlines: pack.hotlines,
      attribution: pack.attribution,
    },
    agencies: pack.agencies.map((a) => ({ value: a.id, names: a.names })),
    offered: pack.locales.offered,
    version: config.version,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireTenantAdmin(request, context);
  const { input, save } = await readConfigForm(request, context, admin);
  const result = await save("config.settings.update", (pack) => editSettings(pack, input));
  if (!result.ok) return data({ errors: result.errors, input, count: null }, { status: 400 });
  return { errors: null, input: null, count: result.value.changes.length };
}

export default function ConfigSettings() {
  const { t } = useTranslation();
  const { values, agencies, offered, version } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t("config.settings.heading")}</h1>
      <ConfigNav />
      <SavedNotice count={result?.count} />
      <section className="panel">
        <ErrorSummary errors={result?.errors} labels={errorLabels(result?.errors, SETTINGS_FORM_KEYS, t, settingsLabels(t))} />
        <Form method="post" noValidate key={version}>
          <CsrfInput />
          <input type="hidden" name="version" value={version} />
          <SettingsFields values={result?.input ?? values} offered={offered} errors={result?.errors} agencies={agencies} addBlank={!result?.input} />
          <button type="submit" className="button">
            {t("admin.save")}
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
