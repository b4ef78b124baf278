// /admin/config/charts: the province's charts of several series (issue 10), in the order its pages show
// them (which section, which series, how drawn), and the form to add one. Each chart is pack data: the
// same schema checks this form and a pack file (docs/decisions/0005).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { chartSeriesInput, editFigureChart, getTenantConfig } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { ChartFields, CHART_FORM_KEYS, chartLabels } from "~/components/admin/config/chart-fields";
import { ConfigNav, errorLabels, read } from "~/components/admin/config/config-form";
import { KeyName } from "~/components/admin/config/series-fields";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary, TextField } from "~/components/form/fields";
import { LocalizedText } from "~/components/localized-text";
import { text } from "~/utils/form.server";
import { chartChoices, namesByKey } from "~/utils/config-choices.server";
import { requireTenantAdmin } from "~/utils/session.server";
import { readConfigForm } from "~/utils/config-form.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { tenantId } = await requireTenantAdmin(request, context);
  const config = await context.unit.run((tx) => getTenantConfig({ tx, tenantId }));
  if (!config) throw data({ reason: "not-found" }, { status: 404 });
  const { pack } = config;
  const charts = [...pack.charts].sort((a, b) => a.section.localeCompare(b.section) || a.order - b.order || a.key.localeCompare(b.key));
  return {
    charts,
    sectionNames: namesByKey(pack.sections, (s) => s.slug),
    seriesNames: namesByKey(pack.figures, (f) => f.key),
    choices: chartChoices(pack),
    offered: pack.locales.offered,
    version: config.version,
    nextOrder: Math.max(0, ...pack.charts.map((c) => c.order)) + 1,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireTenantAdmin(request, context);
  const { form, lang, input, save } = await readConfigForm(request, context, admin);
  const result = await save("config.chart.add", (pack) => editFigureChart(pack, null, input, lang));
  if (!result.ok) return data({ errors: result.errors, input: { ...input, series: chartSeriesInput(input.series) } }, { status: 400 });
  return redirect(`/admin/config/charts/${text(form, "key")}?added=1`);
}

export default function ConfigCharts() {
  const { t } = useTranslation();
  const { charts, sectionNames, seriesNames, choices, offered, version, nextOrder } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const values = result?.input ?? { order: String(nextOrder), kind: "line", section: choices.sections[0]?.value ?? "" };
  const labels = errorLabels(result?.errors, CHART_FORM_KEYS, t, chartLabels(t));
  return (
    <>
      <h1>{t("config.charts.heading")}</h1>
      <ConfigNav />
      {params.get("removed") ? <p role="status">{t("config.charts.removed", { name: params.get("removed") })}</p> : null}
      <p className="muted">{t("config.charts.intro")}</p>
      {charts.length === 0 ? (
        <p>{t("config.charts.none")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("config.charts.name")}</th>
              <th scope="col">{t("config.charts.section")}</th>
              <th scope="col">{t("config.charts.order")}</th>
              <th scope="col">{t("config.charts.series")}</th>
              <th scope="col">{t("config.charts.kind")}</th>
              <th scope="col">{t("config.charts.totals")}</th>
            </tr>
          </thead>
          <tbody>
            {charts.map((c) => (
              <tr key={c.key} data-chart={c.key}>
                <th scope="row">
                  <Link to={`/admin/config/charts/${c.key}`}>
                    <LocalizedText value={c.names} />
                  </Link>{" "}
                  <code className="muted">{c.key}</code>
                </th>
                <td>
                  <KeyName names={sectionNames} id={c.section} />
                </td>
                <td>{c.order}</td>
                <td>
                  {c.series.map((s, i) => (
                    <span key={s}>
                      {i > 0 ? "; " : null}
                      <KeyName names={seriesNames} id={s} />
                    </span>
                  ))}
                </td>
                <td>{t(`config.charts.kinds.${c.kind}`)}</td>
                <td>{c.cumulative ? t("config.charts.yes") : t("config.charts.no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section className="panel" aria-labelledby="add-chart">
        <h2 id="add-chart">{t("config.charts.addHeading")}</h2>
        {choices.series.length === 0 ? <p>{t("config.charts.noSeriesYet")}</p> : null}
        <ErrorSummary errors={result?.errors} labels={labels} />
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="version" value={version} />
          <TextField name="key" label={t("config.charts.key")} hint={t("config.charts.keyHint")} defaultValue={read(values, "key")} errors={result?.errors} required />
          <ChartFields values={values} offered={offered} errors={result?.errors} choices={choices} />
          <button type="submit" className="button">
            {t("config.charts.addButton")}
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
