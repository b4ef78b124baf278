// A statistics or charts section's figures (issue 10): per series, a chart of the period's figures (and
// of the running total where the series is cumulative), each with its table, and the latest slot's
// figures by locality. Server-rendered: no script, readable without the chart.
import { useTranslation } from "react-i18next";
import type { PublicSeries } from "@cong/core";
import { FigureChart } from "~/components/figure-chart";
import { localized } from "@cong/i18n";
import { formatDateTime } from "~/utils/public-format";

export function SectionFigures({ series, locale, timeZone, days }: { series: PublicSeries[]; locale: string; timeZone: string; days: number }) {
  const { t, i18n } = useTranslation();
  const text = (value: Parameters<typeof localized>[0]) => localized(value, i18n.language).text;
  if (series.length === 0) return null;
  const number = new Intl.NumberFormat(locale);
  return (
    <section className="section-figures" aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t("figures.public.heading")}</h2>
      <p className="muted">{t("figures.public.range", { days })}</p>
      {series.some((s) => s.demo) ? (
        <p className="notice" role="note">
          {t("figures.public.demo")}
        </p>
      ) : null}
      {series.map((s) => {
        const title = text(s.names);
        const last = s.slots.length > 0 ? formatDateTime(s.slots[s.slots.length - 1]!, locale, timeZone) : null;
        return (
          <article key={s.key} className="figure-series" data-series={s.key}>
            {s.slots.length === 0 ? (
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
                {s.latest && s.latest.units.length > 0 ? (
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
                ) : null}
              </>
            )}
          </article>
        );
      })}
    </section>
  );
}
