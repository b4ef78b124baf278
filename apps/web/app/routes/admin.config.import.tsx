// /admin/config/import: upload or paste a pack, see every problem with its path or the list of changes it
// would make, then apply exactly what was previewed (the validated pack rides in a hidden field and is
// checked again, against the version it was compared with).
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Localized } from "@cong/config";
import { applyPackImport, getTenantConfig, previewPackImport, type ImportPreview } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { ConfigNav } from "~/components/admin/config/config-form";
import { PackChanges } from "~/components/admin/config/pack-changes";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary, TextArea, useErrorText } from "~/components/form/fields";
import { auditActor } from "~/utils/actor.server";
import { PACK_LIMIT, readForm, text } from "~/utils/form.server";
import { getLocale } from "~/utils/locale.server";
import { requireTenantAdmin } from "~/utils/session.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { tenantId } = await requireTenantAdmin(request, context);
  const config = await context.unit.run((tx) => getTenantConfig({ tx, tenantId }));
  if (!config) throw data({ reason: "not-found" }, { status: 404 });
  return { slug: config.slug };
}

type Named = { sections: { slug: string; names: Localized }[]; agencies: { id: string; names: Localized }[] };
const namesOf = (pack: Named): Record<string, Localized> =>
  Object.fromEntries([...pack.agencies.map((a) => [a.id, a.names] as const), ...pack.sections.map((s) => [s.slug, s.names] as const)]);

export async function action({ request, context }: ActionFunctionArgs) {
  const { viewer, tenantId } = await requireTenantAdmin(request, context);
  const form = await readForm(request, context, { maxBytes: PACK_LIMIT });
  const lang = await getLocale(request, context.site);
  if (text(form, "intent") === "apply") {
    const options = { tenantId, actor: auditActor(viewer, context), canonical: text(form, "canonical"), version: text(form, "version"), lang, platformDomain: context.env.PLATFORM_DOMAIN };
    const result = await context.unit.run((tx) => applyPackImport({ tx, ...options }));
    if (!result.ok) return data({ step: "apply" as const, errors: result.errors, preview: null, names: {}, applied: null }, { status: 400 });
    return { step: "apply" as const, errors: null, preview: null, names: {}, applied: result.value.changes.length };
  }
  const file = form.get("file");
  const uploaded = typeof file === "object" && file !== null && file.size > 0 ? await file.text() : "";
  const pasted = uploaded || text(form, "text");
  const { result, current } = await context.unit.run(async (tx) => {
    const result = await previewPackImport({ tx, tenantId, text: pasted, lang, platformDomain: context.env.PLATFORM_DOMAIN });
    return { result, current: result.ok ? await getTenantConfig({ tx, tenantId }) : null };
  });
  if (!result.ok) return data({ step: "preview" as const, errors: result.errors, preview: null, names: {}, applied: null }, { status: 400 });
  const preview: Omit<ImportPreview, "pack"> = { canonical: result.value.canonical, version: result.value.version, changes: result.value.changes };
  return { step: "preview" as const, errors: null, preview, names: { ...(current ? namesOf(current.pack) : {}), ...namesOf(result.value.pack) }, applied: null };
}

export default function ConfigImport() {
  const { t } = useTranslation();
  const { slug } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorText = useErrorText();
  const problems = Object.entries(result?.errors ?? {}).filter(([k]) => k !== "text" && k !== "form");
  return (
    <>
      <h1>{t("config.import.heading")}</h1>
      <ConfigNav />
      <p>{t("config.import.intro")}</p>
      {result?.applied !== null && result?.applied !== undefined ? <p role="status">{t("config.import.applied", { count: result.applied })}</p> : null}

      {problems.length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>
            <strong>{t("config.import.problemsHeading")}</strong>
          </p>
          <ul data-testid="pack-problems">
            {problems.flatMap(([path, messages]) =>
              messages.map((m, i) => (
                <li key={`${path}-${i}`} data-path={path}>
                  <code>{path}</code>: {errorText(m)}
                </li>
              )),
            )}
          </ul>
        </div>
      ) : null}
      <ErrorSummary errors={Object.fromEntries(Object.entries(result?.errors ?? {}).filter(([k]) => k === "text" || k === "form"))} labels={{ text: t("config.import.text") }} />

      {result?.preview ? (
        <section className="panel" aria-labelledby="preview">
          <h2 id="preview">{t("config.import.previewHeading")}</h2>
          {result.preview.changes.length === 0 ? (
            <p role="status">{t("config.import.noChanges")}</p>
          ) : (
            <>
              <p>{t("config.import.changesCount", { count: result.preview.changes.length })}</p>
              <PackChanges changes={result.preview.changes} names={result.names} />
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="intent" value="apply" />
                <input type="hidden" name="version" value={result.preview.version} />
                <input type="hidden" name="canonical" value={result.preview.canonical} />
                <button type="submit" className="button">
                  {t("config.import.applyButton")}
                </button>
              </Form>
            </>
          )}
        </section>
      ) : null}

      <section className="panel">
        <Form method="post" encType="multipart/form-data" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="preview" />
          <div className="field">
            <label htmlFor="f-file">{t("config.import.file")}</label>
            <input id="f-file" name="file" type="file" accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml" />
          </div>
          <TextArea name="text" label={t("config.import.text")} hint={`${t("config.import.textHint")} tenants/${slug}/pack.yaml`} errors={result?.errors} rows={12} />
          <button type="submit" className="button">
            {t("config.import.previewButton")}
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
