// /admin/config/sections: the province's section catalogue in the order the portal shows it, and a short
// form to add a section (the full form opens after it is made).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SECTION_KINDS } from "@cong/config";
import { editSection, getTenantConfig } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { ConfigNav, CheckField, errorLabels, LocalizedFields, read } from "~/components/admin/config/config-form";
import { SECTION_FORM_KEYS, SectionKindField } from "~/components/admin/config/section-fields";
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
  const sections = [...config.pack.sections].sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  const nextOrder = Math.max(0, ...sections.map((s) => s.order)) + 1;
  return { sections, offered: config.pack.locales.offered, version: config.version, nextOrder, kinds: SECTION_KINDS };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireTenantAdmin(request, context);
  const { form, lang, input, save } = await readConfigForm(request, context, admin);
  const result = await save("config.section.add", (pack) => editSection(pack, null, input, lang));
  if (!result.ok) return data({ errors: result.errors, input }, { status: 400 });
  return redirect(`/admin/config/sections/${text(form, "slug")}?added=1`);
}

export default function ConfigSections() {
  const { t } = useTranslation();
  const { sections, offered, version, nextOrder, kinds } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const values = result?.input ?? { order: String(nextOrder), enabled: "on", kind: "page" };
  const labels = errorLabels(result?.errors, SECTION_FORM_KEYS, t, { slug: t("config.sections.slug") });
  return (
    <>
      <h1>{t("config.sections.heading")}</h1>
      <ConfigNav />
      {params.get("removed") ? <p role="status">{t("config.sections.removed", { name: params.get("removed") })}</p> : null}
      <p className="muted">{t("config.sections.intro")}</p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("config.sections.order")}</th>
            <th scope="col">{t("config.sections.name")}</th>
            <th scope="col">{t("config.sections.kind")}</th>
            <th scope="col">{t("config.sections.status")}</th>
            <th scope="col">{t("config.sections.categoriesCount")}</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((s) => (
            <tr key={s.slug} data-section={s.slug}>
              <td>{s.order}</td>
              <th scope="row">
                <Link to={`/admin/config/sections/${s.slug}`}>
                  <LocalizedText value={s.names} />
                </Link>{" "}
                <code className="muted">{s.slug}</code>
              </th>
              <td>{t(`config.sectionKinds.${s.kind}`)}</td>
              <td>{s.enabled ? t("config.sections.enabled") : <span className="badge">{t("config.sections.disabled")}</span>}</td>
              <td>{s.categories.length}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <section className="panel" aria-labelledby="add-section">
        <h2 id="add-section">{t("config.sections.addHeading")}</h2>
        <ErrorSummary errors={result?.errors} labels={labels} />
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="version" value={version} />
          <TextField name="slug" label={t("config.sections.slug")} hint={t("config.sections.slugHint")} defaultValue={read(values, "slug")} errors={result?.errors} required />
          <LocalizedFields name="names" label={t("config.sections.names")} offered={offered} values={values} errors={result?.errors} />
          <SectionKindField values={values} errors={result?.errors} kinds={kinds} />
          <TextField name="order" type="number" label={t("config.sections.order")} defaultValue={read(values, "order")} errors={result?.errors} />
          <CheckField name="enabled" label={t("config.sections.enabledLabel")} values={values} />
          <button type="submit" className="button">
            {t("config.sections.addButton")}
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
