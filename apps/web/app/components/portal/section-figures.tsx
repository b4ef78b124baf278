// A statistics or charts section's figures (issue 10): per series, a chart of the period's figures (and
// of the running total where the series is cumulative), each with its table, and the latest slot's
// figures by locality. Server-rendered and complete without script; the chart island (one small module,
// islands/chart-island.ts) then lets the pointer and the arrow keys read each time's figures.
import { useTranslation } from "react-i18next";
import type { FigureViewInput, PublicChart, PublicSeries } from "@cong/core";
import { FigureChart } from "~/components/figure-chart";
import chartIslandUrl from "~/islands/chart-island.ts?worker&url";
import { localized } from "@cong/i18n";
import { formatDateTime } from "~/utils/public-format";

export type FigureViewProps = {
  /** The page's address, where the form sends its choice. */
  action: string;
  fromDay: string;
  toDay: string;
  unit: { code: string; name: string } | null;
  /** The localities to choose from, each district followed by its communes. */
  units: { code: string; name: string; depth: number }[];
  input: FigureViewInput;
  errors: Record<string, string[]> | null;
};

export function SectionFigures({ series, charts = [], locale, timeZone, view }: { series: PublicSeries[]; charts?: PublicChart[]; locale: string; timeZone: string; view: FigureViewProps }) {
  const { t, i18n } = useTranslation();
  const text = (value: Parameters<typeof localized>[0]) => localized(value, i18n.language).text;
  if (series.length === 0) return null;
  const number = new Intl.NumberFormat(locale);
  const charted = new Set(charts.flatMap((c) => c.series.map((m) => m.key)));
  const day = (d: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${d}T00:00:00Z`));
  return (
    <section className="section-figures" aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t("figures.public.heading")}</h2>
      <FigureViewForm {...view} />
      <p className="muted" aria-live="polite">
        {t("figures.view.showing", { from: day(view.fromDay), to: day(view.toDay), place: view.unit ? view.unit.name : t("figures.view.wholeProvince") })}
      </p>
      {series.some((s) => s.demo) ? (
        <p className="notice" role="note">
          {t("figures.public.demo")}
        </p>
      ) : null}
      {charts.map((c) => (
        // The pack's charts of several series (dose 1 beside dose 2…); their series skip their own chart.
        <article key={c.key} className="figure-series" data-chart={c.key}>
          <FigureChart
            id={`chart-${c.key}`}
            title={text(c.names)}
            description={[c.description ? text(c.description) : null, t("figures.public.asOf", { time: formatDateTime(c.dates[c.dates.length - 1]!, locale, timeZone) })].filter(Boolean).join(" ")}
            kind={c.kind}
            dates={c.dates}
            series={c.series.map((m) => ({ key: m.key, label: text(m.names), values: m.values }))}
            locale={locale}
            timeZone={timeZone}
            totals={!c.cumulative}
          />
        </article>
      ))}
      {series.map((s) => {
        const title = text(s.names);
        const last = s.slots.length > 0 ? formatDateTime(s.slots[s.slots.length - 1]!, locale, timeZone) : null;
        const inChart = charted.has(s.key) && s.slots.length > 0;
        // Drawn in a chart above, with nothing of its own to add (no figures by locality): not repeated.
        if (inChart && !(s.latest && s.latest.units.length > 0)) return null;
        const latestTable =
          s.latest && s.latest.units.length > 0 ? (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`fig-${s.key}-units`}>
            <table className="data">
              <caption id={`fig-${s.key}-units`}>
                {title}: {t("figures.public.latest", { time: formatDateTime(s.latest.slot, locale, timeZone) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("figures.unit")}</th>
                  <th scope="col">{title}</th>
                </tr>
              </thead>
              <tbody>
                {s.latest.units.map((u) => (
                  <tr key={u.code}>
                    <th scope="row">{u.name}</th>
                    <td className="number">{number.format(u.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null;
        return (
          <article key={s.key} className="figure-series" data-series={s.key}>
            {inChart ? (
              <>
                <h3>{title}</h3>
                {latestTable}
              </>
            ) : s.slots.length === 0 ? (
              <>
                <h3>{title}</h3>
                <p className="empty">{t("figures.public.noData")}</p>
              </>
            ) : (
              <>
                <FigureChart
                  id={`fig-${s.key}`}
                  title={title}
                  description={[s.description ? text(s.description) : null, last ? t("figures.public.asOf", { time: last }) : null].filter(Boolean).join(" ")}
                  kind={s.measure === "level" ? "line" : "bar"}
                  dates={s.slots}
                  series={[{ key: "period", label: t("figures.public.daily"), values: s.values }]}
                  locale={locale}
                  timeZone={timeZone}
                  totals={s.measure === "count"}
                  zeroBased={s.measure === "count"}
                />
                {s.totals ? (
                  <FigureChart
                    id={`fig-${s.key}-total`}
                    title={`${title} – ${t("figures.public.total")}`}
                    kind="line"
                    dates={s.slots}
                    series={[{ key: "total", label: t("figures.public.total"), values: s.totals }]}
                    locale={locale}
                    timeZone={timeZone}
                    totals={false}
                  />
                ) : null}
                {latestTable}
              </>
            )}
          </article>
        );
      })}
      {series.some((s) => s.slots.length > 0) ? <script type="module" src={chartIslandUrl} /> : null}
    </section>
  );
}

// A plain GET form (no script): the page's address names the period and the locality, so each choice is
// a page of its own that any cache may keep.
function FigureViewForm({ action, fromDay, toDay, unit, units, input, errors }: FigureViewProps) {
  const { t } = useTranslation();
  const describedBy = (field: string) => (errors?.[field] ? `figure-view-${field}-error` : undefined);
  return (
    <form method="get" action={action} className="inline-form figure-view" aria-labelledby="figure-view-heading" noValidate>
      <h3 id="figure-view-heading" className="visually-hidden">
        {t("figures.view.heading")}
      </h3>
      {errors ? (
        <div className="error-summary" role="alert">
          <p>
            <strong>{t("figures.view.failed")}</strong>
          </p>
          <ul>
            {Object.entries(errors).map(([field, keys]) => (
              <li key={field} id={`figure-view-${field}-error`}>
                <a href={`#figure-view-${field}`}>{t(`figures.view.${field}`)}</a>: {keys.map((k) => t(k)).join(" ")}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <label htmlFor="figure-view-from">{t("figures.view.from")}</label>{" "}
      <input id="figure-view-from" name="from" type="date" defaultValue={errors ? (input.from ?? fromDay) : fromDay} aria-invalid={errors?.from ? true : undefined} aria-describedby={describedBy("from")} />{" "}
      <label htmlFor="figure-view-to">{t("figures.view.to")}</label>{" "}
      <input id="figure-view-to" name="to" type="date" defaultValue={errors ? (input.to ?? toDay) : toDay} aria-invalid={errors?.to ? true : undefined} aria-describedby={describedBy("to")} />{" "}
      <label htmlFor="figure-view-unit">{t("figures.view.unit")}</label>{" "}
      <select id="figure-view-unit" name="unit" defaultValue={unit?.code ?? ""} aria-invalid={errors?.unit ? true : undefined} aria-describedby={describedBy("unit")}>
        <option value="">{t("figures.view.wholeProvince")}</option>
        {units.map((u) => (
          <option key={u.code} value={u.code}>
            {`${"\u00a0\u00a0".repeat(u.depth)}${u.name}`}
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="button secondary">
        {t("figures.view.apply")}
      </button>
    </form>
  );
}
