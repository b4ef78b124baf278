// /admin/config/matrix/<section>: one section's duties in the agency-role matrix as rows: agency, role,
// what, sub-categories, deadline rule and citation; add, change or remove rows and save them together.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DUTY_ROLES, EVENT_KINDS, deadlineRuleSchema } from "@cong/config";
import { editSectionDuties, getTenantConfig } from "@cong/core";
import { localized } from "@cong/i18n";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { ConfigNav, errorLabels, rowsOf, SavedNotice } from "~/components/admin/config/config-form";
import { DutyRow } from "~/components/admin/config/duty-rows";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary } from "~/components/form/fields";
import { adminNotFound, slugParam } from "~/utils/not-found.server";
import { requireTenantAdmin } from "~/utils/session.server";
import { readConfigForm } from "~/utils/config-form.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { tenantId } = await requireTenantAdmin(request, context);
  const slug = slugParam(params.section);
  const config = await context.unit.run((tx) => getTenantConfig({ tx, tenantId }));
  const section = config?.pack.sections.find((s) => s.slug === slug);
  if (!config || !section) adminNotFound();
  const { pack } = config;
  const duties = pack.matrix.filter((m) => m.section === section.slug).flatMap((m) => m.duties.map((d) => ({ agency: m.agency, ...d })));
  return {
    section: { slug: section.slug, names: section.names },
    values: { duties },
    choices: {
      agencies: pack.agencies.map((a) => ({ value: a.id, names: a.names })),
      categories: section.categories.map((c) => ({ value: c.slug, names: c.names })),
      roles: DUTY_ROLES,
      deadlineKinds: deadlineRuleSchema.options.map((o) => o.shape.kind.value),
      events: EVENT_KINDS,
    },
    offered: pack.locales.offered,
    version: config.version,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireTenantAdmin(request, context);
  const slug = slugParam(params.section);
  const { lang, input, save } = await readConfigForm(request, context, admin);
  const result = await save("config.matrix.update", (pack) => editSectionDuties(pack, slug, input, lang));
  if (!result.ok) return data({ errors: result.errors, input, count: null }, { status: 400 });
  return { errors: null, input: null, count: result.value.changes.length };
}

export default function ConfigSectionDuties() {
  const { t, i18n } = useTranslation();
  const { section, values, choices, offered, version } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const shown = result?.input ?? values;
  const posted = Boolean(result?.input);
  const count = rowsOf(shown, "duties").length + (posted ? 0 : 1);
  return (
    <>
      <h1>{t("config.matrix.editHeading", { section: localized(section.names, i18n.language).text })}</h1>
      <ConfigNav />
      <p>
        <Link to="/admin/config/matrix">{t("config.back")}</Link> · <Link to={`/admin/config/sections/${section.slug}`}>{t("config.nav.sections")}</Link>
      </p>
      <SavedNotice count={result?.count} />
      <ErrorSummary errors={result?.errors} labels={errorLabels(result?.errors, ["duties"], t)} />
      <Form method="post" noValidate key={version}>
        <CsrfInput />
        <input type="hidden" name="version" value={version} />
        {Array.from({ length: count }, (_, i) => (
          <DutyRow key={i} index={i} values={shown} offered={offered} errors={result?.errors} choices={choices} blank={!posted && i === count - 1} />
        ))}
        <button type="submit" className="button">
          {t("admin.save")}
        </button>
      </Form>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
