// /admin/config/sections/<slug>: one section of the catalogue: its names in every offered language,
// description, kind, order, switches, link, source and sub-categories; and removing it.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SECTION_KINDS } from "@cong/config";
import { editSection, getTenantConfig, removeSection } from "@cong/core";
import { localized } from "@cong/i18n";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { ConfigNav, errorLabels, SavedNotice } from "~/components/admin/config/config-form";
import { CategoryRows, SECTION_FORM_KEYS, SectionFields } from "~/components/admin/config/section-fields";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary } from "~/components/form/fields";
import { LocalizedText } from "~/components/localized-text";
import { text } from "~/utils/form.server";
import { adminNotFound, slugParam } from "~/utils/not-found.server";
import { requireTenantAdmin } from "~/utils/session.server";
import { readConfigForm } from "~/utils/config-form.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { tenantId } = await requireTenantAdmin(request, context);
  const slug = slugParam(params.slug);
  const config = await context.unit.run((tx) => getTenantConfig({ tx, tenantId }));
  const section = config?.pack.sections.find((s) => s.slug === slug);
  if (!config || !section) adminNotFound();
  const owners = config.pack.matrix
    .filter((m) => m.section === section.slug)
    .map((m) => ({ names: config.pack.agencies.find((a) => a.id === m.agency)?.names ?? { vi: m.agency }, roles: m.duties.map((d) => d.role) }));
  return { section, owners, offered: config.pack.locales.offered, version: config.version, kinds: SECTION_KINDS };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireTenantAdmin(request, context);
  const slug = slugParam(params.slug);
  const { form, lang, input, save } = await readConfigForm(request, context, admin);
  const intent = text(form, "intent");
  if (intent === "remove") {
    const name = text(form, "name");
    const result = await save("config.section.remove", (pack) => removeSection(pack, slug, lang));
    if (!result.ok) return data({ intent, errors: result.errors, input: null, count: null }, { status: 400 });
    return redirect(`/admin/config/sections?removed=${encodeURIComponent(name || slug)}`);
  }
  const result = await save("config.section.update", (pack) => editSection(pack, slug, input, lang));
  if (!result.ok) return data({ intent, errors: result.errors, input, count: null }, { status: 400 });
  return { intent, errors: null, input: null, count: result.value.changes.length };
}

export default function ConfigSection() {
  const { t, i18n } = useTranslation();
  const { section, owners, offered, version, kinds } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saveErrors = result?.intent !== "remove" ? result?.errors : null;
  const removeErrors = result?.intent === "remove" ? result.errors : null;
  const values = result?.input ?? section;
  const name = localized(section.names, i18n.language).text;
  return (
    <>
      <h1>{t("config.sections.editHeading", { name })}</h1>
      <ConfigNav />
      <p>
        <Link to="/admin/config/sections">{t("config.back")}</Link> · <code>{section.slug}</code>
      </p>
      {params.get("added") && !result ? <p role="status">{t("config.sections.added")}</p> : null}
      <SavedNotice count={result?.count} />
      <section className="panel">
        <ErrorSummary errors={saveErrors} labels={errorLabels(saveErrors, SECTION_FORM_KEYS, t)} />
        <Form method="post" noValidate key={version}>
          <CsrfInput />
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={version} />
          <SectionFields values={values} offered={offered} errors={saveErrors} kinds={kinds} />
          <CategoryRows values={values} offered={offered} errors={saveErrors} existing={section.categories.map((c) => c.slug)} addBlank={!result?.input} />
          <button type="submit" className="button">
            {t("admin.save")}
          </button>
        </Form>
      </section>

      <section className="panel" aria-labelledby="duties">
        <h2 id="duties">{t("config.sections.duties")}</h2>
        {owners.length === 0 ? <p>{t("config.matrix.noDuties")}</p> : null}
        <ul>
          {owners.map((o, i) => (
            <li key={i}>
              <LocalizedText value={o.names} /> — {o.roles.map((r) => t(`config.dutyRoles.${r}`)).join(", ")}
            </li>
          ))}
        </ul>
        <Link to={`/admin/config/matrix/${section.slug}`}>{t("config.matrix.editDuties")}</Link>
      </section>

      <section className="panel danger" aria-labelledby="remove">
        <h2 id="remove">{t("config.sections.removeHeading")}</h2>
        <p>{t("config.sections.removeIntro")}</p>
        <ErrorSummary errors={removeErrors} labels={{}} />
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="name" value={name} />
          <button type="submit" className="button danger">
            {t("config.sections.removeButton")}
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
