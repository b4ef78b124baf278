// /admin/config/figures: the province's series of figures in the order the portal shows them (where,
// how and when each is entered, by whom, whether it is pulled from another system), and a short form
// to add one (the full form opens after it is made).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { editFigureSeries, getConfigUsage, getTenantConfig } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { ConfigNav, CheckField, errorLabels, LocalizedFields, read } from "~/components/admin/config/config-form";
import { KeyName, SERIES_FORM_KEYS, seriesLabels, SeriesSetupFields } from "~/components/admin/config/series-fields";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary, TextField } from "~/components/form/fields";
import { LocalizedText } from "~/components/localized-text";
import { text } from "~/utils/form.server";
import { namesByKey, seriesChoices } from "~/utils/config-choices.server";
import { requireTenantAdmin } from "~/utils/session.server";
import { readConfigForm } from "~/utils/config-form.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { tenantId } = await requireTenantAdmin(request, context);
  const { config, usage } = await context.unit.run(async (tx) => ({ config: await getTenantConfig({ tx, tenantId }), usage: await getConfigUsage({ tx, tenantId }) }));
  if (!config) throw data({ reason: "not-found" }, { status: 404 });
  const { pack } = config;
  const series = [...pack.figures].sort((a, b) => a.order - b.order || a.key.localeCompare(b.key)).map((f) => ({ ...f, entered: usage.figures[f.key] ?? 0 }));
  const nextOrder = Math.max(0, ...pack.figures.map((f) => f.order)) + 1;
  return {
    series,
    sectionNames: namesByKey(pack.sections, (s) => s.slug),
    levelNames: namesByKey(pack.adminLevels, (l) => l.key),
    agencyNames: namesByKey(pack.agencies, (a) => a.id),
    choices: seriesChoices(pack),
    offered: pack.locales.offered,
    version: config.version,
    nextOrder,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireTenantAdmin(request, context);
  const { form, lang, input, save } = await readConfigForm(request, context, admin);
  const result = await save("config.series.add", (pack) => editFigureSeries(pack, null, input, lang));
  if (!result.ok) return data({ errors: result.errors, input }, { status: 400 });
  return redirect(`/admin/config/figures/${text(form, "key")}?added=1`);
}

export default function ConfigFigures() {
  const { t } = useTranslation();
  const { series, sectionNames, levelNames, agencyNames, choices, offered, version, nextOrder } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const values = result?.input ?? { order: String(nextOrder), enabled: "on", measure: "count", province: "entered", level: "" };
  const labels = errorLabels(result?.errors, SERIES_FORM_KEYS, t, seriesLabels(t));
  return (
    <>
      <h1>{t("config.figures.heading")}</h1>
      <ConfigNav />
      {params.get("removed") ? <p role="status">{t("config.figures.removed", { name: params.get("removed") })}</p> : null}
      <p className="muted">{t("config.figures.intro")}</p>
      {series.length === 0 ? (
        <p>{t("config.figures.none")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("config.figures.order")}</th>
              <th scope="col">{t("config.figures.name")}</th>
              <th scope="col">{t("config.figures.section")}</th>
              <th scope="col">{t("config.figures.measure")}</th>
              <th scope="col">{t("config.figures.level")}</th>
              <th scope="col">{t("config.figures.province")}</th>
              <th scope="col">{t("config.figures.times")}</th>
              <th scope="col">{t("config.figures.agencies")}</th>
              <th scope="col">{t("config.figures.status")}</th>
              <th scope="col">{t("config.figures.feedList")}</th>
              <th scope="col">{t("config.figures.entered")}</th>
            </tr>
          </thead>
          <tbody>
            {series.map((f) => (
              <tr key={f.key} data-series={f.key}>
                <td>{f.order}</td>
                <th scope="row">
                  <Link to={`/admin/config/figures/${f.key}`}>
                    <LocalizedText value={f.names} />
                  </Link>{" "}
                  <code className="muted">{f.key}</code>
                </th>
                <td><KeyName names={sectionNames} id={f.section} /></td>
                <td>{t(`config.figures.measures.${f.measure}`)}</td>
                <td>{f.level ? <KeyName names={levelNames} id={f.level} /> : t("config.figures.provinceOnly")}</td>
                <td>{t(`config.figures.provinceModes.${f.province}`)}</td>
                <td>{f.times.join(", ")}</td>
                <td>
                  {f.agencies.map((a, i) => (
                    <span key={a}>
                      {i > 0 ? "; " : null}
                      <KeyName names={agencyNames} id={a} />
                    </span>
                  ))}
                </td>
                <td>{f.enabled ? t("config.figures.enabled") : <span className="badge">{t("config.figures.disabled")}</span>}</td>
                <td>{f.feed ? t("config.figures.everyMinutes", { url: f.feed.url, every: f.feed.every }) : "—"}</td>
                <td>{f.entered}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section className="panel" aria-labelledby="add-series">
        <h2 id="add-series">{t("config.figures.addHeading")}</h2>
        <p className="muted">{t("config.figures.addIntro")}</p>
        <ErrorSummary errors={result?.errors} labels={labels} />
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="version" value={version} />
          <TextField name="key" label={t("config.figures.key")} hint={t("config.figures.keyHint")} defaultValue={read(values, "key")} errors={result?.errors} required />
          <LocalizedFields name="names" label={t("config.figures.names")} offered={offered} values={values} errors={result?.errors} />
          <SeriesSetupFields values={values} errors={result?.errors} choices={choices} />
          <TextField name="order" type="number" label={t("config.figures.order")} defaultValue={read(values, "order")} errors={result?.errors} />
          <CheckField name="enabled" label={t("config.figures.enabledLabel")} values={values} />
          <button type="submit" className="button">
            {t("config.figures.addButton")}
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
