// /admin/config/figures/<key>: one series of figures: its names and description in every offered
// language, section, measure, level, the province's figure, times of day, agencies, order, switches,
// source and feed; and removing it, which the save refuses once figures have been entered in it.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { editFigureSeries, getConfigUsage, getTenantConfig, removeFigureSeries } from "@cong/core";
import { localized } from "@cong/i18n";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { ConfigNav, errorLabels, SavedNotice } from "~/components/admin/config/config-form";
import { SERIES_FORM_KEYS, SeriesFields, seriesLabels } from "~/components/admin/config/series-fields";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary } from "~/components/form/fields";
import { text } from "~/utils/form.server";
import { seriesChoices } from "~/utils/config-choices.server";
import { adminNotFound, slugParam } from "~/utils/not-found.server";
import { requireTenantAdmin } from "~/utils/session.server";
import { readConfigForm } from "~/utils/config-form.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { tenantId } = await requireTenantAdmin(request, context);
  const key = slugParam(params.key);
  const { config, usage } = await context.unit.run(async (tx) => ({ config: await getTenantConfig({ tx, tenantId }), usage: await getConfigUsage({ tx, tenantId }) }));
  const series = config?.pack.figures.find((f) => f.key === key);
  if (!config || !series) adminNotFound();
  return { series, entered: usage.figures[key] ?? 0, choices: seriesChoices(config.pack), offered: config.pack.locales.offered, version: config.version };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireTenantAdmin(request, context);
  const key = slugParam(params.key);
  const { form, lang, input, save } = await readConfigForm(request, context, admin);
  const intent = text(form, "intent");
  if (intent === "remove") {
    const result = await save("config.series.remove", (pack) => removeFigureSeries(pack, key, lang));
    if (!result.ok) return data({ intent, errors: result.errors, input: null, count: null }, { status: 400 });
    return redirect(`/admin/config/figures?removed=${encodeURIComponent(text(form, "name") || key)}`);
  }
  const result = await save("config.series.update", (pack) => editFigureSeries(pack, key, input, lang));
  if (!result.ok) return data({ intent, errors: result.errors, input, count: null }, { status: 400 });
  return { intent, errors: null, input: null, count: result.value.changes.length };
}

export default function ConfigSeries() {
  const { t, i18n } = useTranslation();
  const { series, entered, choices, offered, version } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saveErrors = result?.intent !== "remove" ? result?.errors : null;
  const removeErrors = result?.intent === "remove" ? result.errors : null;
  const name = localized(series.names, i18n.language).text;
  return (
    <>
      <h1>{t("config.figures.editHeading", { name })}</h1>
      <ConfigNav />
      <p>
        <Link to="/admin/config/figures">{t("config.back")}</Link> · {t("config.figures.fixedKey", { key: series.key })}
      </p>
      {params.get("added") && !result ? <p role="status">{t("config.figures.added")}</p> : null}
      <SavedNotice count={result?.count} />
      <section className="panel">
        <ErrorSummary errors={saveErrors} labels={errorLabels(saveErrors, SERIES_FORM_KEYS, t, seriesLabels(t))} />
        <Form method="post" noValidate key={version}>
          <CsrfInput />
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={version} />
          <SeriesFields values={result?.input ?? series} offered={offered} errors={saveErrors} choices={choices} />
          <button type="submit" className="button">
            {t("admin.save")}
          </button>
        </Form>
      </section>

      <section className="panel danger" aria-labelledby="remove">
        <h2 id="remove">{t("config.figures.removeHeading")}</h2>
        <p>{t("config.figures.removeIntro")}</p>
        {entered > 0 ? <p className="muted">{t("config.figures.removeBlocked", { count: entered })}</p> : null}
        <ErrorSummary errors={removeErrors} labels={{}} />
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="name" value={name} />
          <button type="submit" className="button danger">
            {t("config.figures.removeButton")}
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
