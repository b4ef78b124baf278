// /admin/config/charts/<key>: one chart of several series (issue 10): its names and description in every
// offered language, section, series, how it is drawn, running totals, order; and removing it (its series
// stay, each again drawn on its own chart).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { chartSeriesInput, editFigureChart, getTenantConfig, removeFigureChart } from "@cong/core";
import { localized } from "@cong/i18n";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { ChartFields, CHART_FORM_KEYS, chartLabels } from "~/components/admin/config/chart-fields";
import { ConfigNav, errorLabels, SavedNotice } from "~/components/admin/config/config-form";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary } from "~/components/form/fields";
import { text } from "~/utils/form.server";
import { chartChoices } from "~/utils/config-choices.server";
import { adminNotFound, slugParam } from "~/utils/not-found.server";
import { requireTenantAdmin } from "~/utils/session.server";
import { readConfigForm } from "~/utils/config-form.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { tenantId } = await requireTenantAdmin(request, context);
  const key = slugParam(params.key);
  const config = await context.unit.run((tx) => getTenantConfig({ tx, tenantId }));
  const chart = config?.pack.charts.find((c) => c.key === key);
  if (!config || !chart) adminNotFound();
  return { chart, choices: chartChoices(config.pack), offered: config.pack.locales.offered, version: config.version };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireTenantAdmin(request, context);
  const key = slugParam(params.key);
  const { form, lang, input, save } = await readConfigForm(request, context, admin);
  const intent = text(form, "intent");
  if (intent === "remove") {
    const result = await save("config.chart.remove", (pack) => removeFigureChart(pack, key, lang));
    if (!result.ok) return data({ intent, errors: result.errors, input: null, count: null }, { status: 400 });
    return redirect(`/admin/config/charts?removed=${encodeURIComponent(text(form, "name") || key)}`);
  }
  const result = await save("config.chart.update", (pack) => editFigureChart(pack, key, input, lang));
  if (!result.ok) return data({ intent, errors: result.errors, input: { ...input, series: chartSeriesInput(input.series) }, count: null }, { status: 400 });
  return { intent, errors: null, input: null, count: result.value.changes.length };
}

export default function ConfigChart() {
  const { t, i18n } = useTranslation();
  const { chart, choices, offered, version } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saveErrors = result?.intent !== "remove" ? result?.errors : null;
  const removeErrors = result?.intent === "remove" ? result.errors : null;
  const name = localized(chart.names, i18n.language).text;
  return (
    <>
      <h1>{t("config.charts.editHeading", { name })}</h1>
      <ConfigNav />
      <p>
        <Link to="/admin/config/charts">{t("config.back")}</Link> · {t("config.charts.fixedKey", { key: chart.key })}
      </p>
      {params.get("added") && !result ? <p role="status">{t("config.charts.added")}</p> : null}
      <SavedNotice count={result?.count} />
      <section className="panel">
        <ErrorSummary errors={saveErrors} labels={errorLabels(saveErrors, CHART_FORM_KEYS, t, chartLabels(t))} />
        <Form method="post" noValidate key={version}>
          <CsrfInput />
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={version} />
          <ChartFields values={result?.input ?? chart} offered={offered} errors={saveErrors} choices={choices} />
          <button type="submit" className="button">
            {t("admin.save")}
          </button>
        </Form>
      </section>

      <section className="panel danger" aria-labelledby="remove">
        <h2 id="remove">{t("config.charts.removeHeading")}</h2>
        <p>{t("config.charts.removeIntro")}</p>
        <ErrorSummary errors={removeErrors} labels={{}} />
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="name" value={name} />
          <button type="submit" className="button danger">
            {t("config.charts.removeButton")}
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
