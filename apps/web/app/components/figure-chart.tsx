// A chart of a section's figures (cases, tests, vaccinations by day) that needs no JavaScript: a figure with
// an inline SVG drawn on the server, an HTML legend, and the same numbers in a table beneath, so people who
// cannot see the chart or its colours get every figure (WCAG 2.1 AA). Series differ by colour, dash and
// marker (or hatching for bars). No inline style or script; same props, same bytes (pages carry ETags).
// Where the page loads the chart island (islands/chart-island.ts), the chart also answers the pointer and
// the arrow keys with each time's figures, read from the table: data-chart-plot says where the slots are.
import { useTranslation } from "react-i18next";
import {
  alignValues,
  bandScale,
  columnTotals,
  DASHES,
  dateFormatters,
  HATCHES,
  labelIndices,
  linePath,
  linearScale,
  MARKERS,
  markerPath,
  niceTicks,
  round,
  seriesColor,
  stackSegments,
  summarize,
  valueExtent,
} from "~/components/figure-chart-scale";

/** More rows than this fold the table under a disclosure. */
const LONG_TABLE = 14;

export type FigureChartSeries = {
  /** Stable key (a React key and a data attribute). */
  key: string;
  label: string;
  /** One value per date, in the order of dates; null is "no figure" and shows as a gap. */
  values: (number | null)[];
  /** A hex colour; ignored in favour of the palette unless it reaches 3:1 against white. */
  color?: string;
};

export type FigureChartProps = {
  /** Unique on the page: the SVG's, the caption's and the hatch patterns' ids are built from it. */
  id: string;
  title: string;
  description?: string;
  kind: "line" | "bar" | "stacked-bar";
  unitLabel?: string;
  /** The x axis in order: calendar days (YYYY-MM-DD) or ISO instants (slot times, shown in timeZone). */
  dates: string[];
  series: FigureChartSeries[];
  /** For numbers and dates ("vi", "en", "zh"); the words come from the page's i18n language. */
  locale: string;
  timeZone: string;
  /** How a date is written everywhere (axis, table, tooltips, summary), instead of the locale's default. */
  dateLabel?: (date: string) => string;
  /** Whether adding the values up means something (new cases per day: yes; cumulative counts, rates: no). */
  totals?: boolean;
  /** Line charts only: start the y axis at zero (the default) or fit it to the values. Bars always start at zero. */
  zeroBased?: boolean;
};

// Drawing units of the viewBox. Text is 13 units, which the stylesheet caps at about 20 px on a desktop
// (max-width of the SVG); on a phone the stylesheet raises it to 17 units (about 12 px at 320 px), so the
// margins and the spacing of date labels are planned for 17.
const WIDTH = 360;
const HEIGHT = 220;
const FONT = 13;
const ROOM = 17;
const CHAR = ROOM * 0.6; // average glyph width, to size margins and space the date labels
const INK = "#1d2430";
const MUTED = "#5a6475";
const GRID = "#d9dee7";

export function FigureChart(props: FigureChartProps) {
  const { id, title, description, kind, unitLabel, dates, locale, timeZone, dateLabel, totals = true, zeroBased = true } = props;
  const { t } = useTranslation();
  const captionId = `${id}-caption`;
  const caption = (
    <figcaption>
      <span className="chart-title">{title}</span>
      {description ? <span className="chart-description">{description}</span> : null}
    </figcaption>
  );
  if (dates.length === 0 || props.series.length === 0) {
    return (
      <figure className="figure-chart" id={id}>
        {caption}
        <p className="empty">{t("public.chart.empty")}</p>
      </figure>
    );
  }

  const n = dates.length;
  const series = props.series.map((s, i) => ({
    ...s,
    values: alignValues(s.values, n),
    color: seriesColor(s.color, i),
    dash: DASHES[i % DASHES.length] ?? "",
    marker: MARKERS[i % MARKERS.length] ?? "circle",
    hatch: HATCHES[i % HATCHES.length] ?? null,
    fillId: `${id}-fill-${i}`,
  }));
  const valueSets = series.map((s) => s.values);
  const number = new Intl.NumberFormat(locale);
  const when = dateFormatters(dates, locale, timeZone);
  const fullDate = (i: number) => (dateLabel ? dateLabel(dates[i] ?? "") : when.full(i));
  const shortDate = (i: number) => (dateLabel ? dateLabel(dates[i] ?? "") : when.short(i));
  const fill = (s: (typeof series)[number]) => (kind !== "line" && s.hatch ? `url(#${s.fillId})` : s.color);

  // Y axis: round ticks around every value; big numbers in the short form ("12K", "1,2 Tr", "12万").
  const ticks = niceTicks(...valueExtent(kind, valueSets, n, zeroBased), 5);
  const top = ticks[ticks.length - 1] ?? 1;
  const bottom = ticks[0] ?? 0;
  const tickFormat = Math.max(Math.abs(top), Math.abs(bottom)) >= 10_000 ? new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }) : number;
  const tickLabels = ticks.map((v) => tickFormat.format(v));
  const left = Math.ceil(Math.max(...tickLabels.map((l) => l.length)) * CHAR) + 10;
  const plot = { left, right: WIDTH - 12, top: unitLabel ? ROOM + 12 : 10, bottom: HEIGHT - ROOM - 10 };
  const y = linearScale([bottom, top], [plot.bottom, plot.top]);
  const x = bandScale(n, plot.left, plot.right);
  const zeroY = round(y(Math.min(Math.max(0, bottom), top)));

  // X axis: as many date labels as fit side by side, kept inside the drawing.
  const xLabels = Array.from({ length: n }, (_, i) => shortDate(i));
  const labelWidth = Math.max(...xLabels.map((l) => l.length)) * CHAR;
  const xTicks = labelIndices(n, Math.floor((plot.right - plot.left) / (labelWidth + 12)));
  const clampX = (cx: number) => Math.min(Math.max(cx, labelWidth / 2 + 2), WIDTH - labelWidth / 2 - 2);

  const pointTitle = (label: string, i: number, value: number) => t("public.chart.point", { series: label, date: fullDate(i), value: number.format(value) });
  const markerR = round(Math.min(3.5, Math.max(1.5, x.band * 0.3)));
  const stacks = kind === "stacked-bar" ? stackSegments(valueSets, n) : [];
  const groupWidth = x.band * (kind === "bar" ? 0.8 : 0.7);
  const barWidth = kind === "bar" ? groupWidth / series.length : groupWidth;
  const outline = barWidth >= 4; // a white edge between bars, unless it would eat thin bars

  const summaries = series.map((s) => ({ label: s.label, ...summarize(s.values) }));
  const parts = summaries.map(({ label, latest, total }) =>
    latest
      ? t(totals ? "public.chart.latestTotal" : "public.chart.latest", { series: label, value: number.format(latest.value), date: fullDate(latest.index), total: number.format(total) })
      : t("public.chart.seriesNoData", { series: label }),
  );
  const kindName = t(`public.chart.kinds.${kind}`);
  const summary =
    n === 1
      ? t("public.chart.summaryOne", { kind: kindName, date: fullDate(0), parts: parts.join(t("public.chart.separator")) })
      : t("public.chart.summary", { kind: kindName, from: fullDate(0), to: fullDate(n - 1), parts: parts.join(t("public.chart.separator")) });
  const stackTotals = kind === "stacked-bar" ? columnTotals(valueSets, n) : [];
  const cell = (v: number | null | undefined) =>
    v === null || v === undefined ? (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t("public.chart.noData")}</span>
      </>
    ) : (
      number.format(v)
    );

  const table = (
    <div className="chart-table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="chart-table">
        <caption id={captionId}>
          {t("public.chart.table", { title })}
          {unitLabel ? <span className="chart-unit"> {t("public.chart.unit", { unit: unitLabel })}</span> : null}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t(when.hasTime ? "public.chart.time" : "public.chart.date")}</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
            {kind === "stacked-bar" ? <th scope="col">{t("public.chart.total")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {dates.map((d, i) => (
            <tr key={i}>
              <th scope="row">
                <time dateTime={d}>{fullDate(i)}</time>
              </th>
              {series.map((s) => (
                <td key={s.key}>{cell(s.values[i])}</td>
              ))}
              {kind === "stacked-bar" ? <td>{cell(stackTotals[i])}</td> : null}
            </tr>
          ))}
        </tbody>
        {totals ? (
          <tfoot>
            <tr>
              <th scope="row">{t("public.chart.total")}</th>
              {summaries.map((s, j) => (
                <td key={series[j]?.key ?? j}>{cell(s.count > 0 ? s.total : null)}</td>
              ))}
              {kind === "stacked-bar" ? <td>{cell(summaries.some((s) => s.count > 0) ? summaries.reduce((sum, s) => sum + s.total, 0) : null)}</td> : null}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
  return (
    <figure className="figure-chart" id={id}>
      {caption}
      <ul className="chart-legend" aria-label={t("public.chart.legend")}>
        {series.map((s) => (
          <li key={s.key}>
            <svg className="chart-swatch" aria-hidden="true" width="28" height="14" viewBox="0 0 28 14">
              {kind === "line" ? (
                <>
                  <path d="M1 7H27" fill="none" stroke={s.color} strokeWidth={2} strokeDasharray={s.dash || undefined} />
                  <path d={markerPath(s.marker, 14, 7, 3.5)} fill={s.color} />
                </>
              ) : (
                <rect x={7} y={0} width={14} height={14} fill={fill(s)} />
              )}
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <p className="chart-hint visually-hidden" id={`${id}-hint`} hidden>
        {t("public.chart.hint")}
      </p>
      <svg
        className="chart-svg"
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        fontSize={FONT}
        data-chart-plot={`${round(plot.left)} ${round(x.band)} ${round(plot.top)} ${round(plot.bottom)} ${n}`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {kind !== "line" && series.some((s) => s.hatch) ? (
          <defs>
            {series.map((s) =>
              s.hatch ? (
                <pattern key={s.key} id={s.fillId} patternUnits="userSpaceOnUse" width={6} height={6}>
                  <rect width={6} height={6} fill={s.color} />
                  <path d={s.hatch.d} {...(s.hatch.fill ? { fill: "#fff" } : { fill: "none", stroke: "#fff", strokeWidth: 1.5 })} />
                </pattern>
              ) : null,
            )}
          </defs>
        ) : null}
        {unitLabel ? (
          <text x={2} y={ROOM} fill={MUTED}>
            {unitLabel}
          </text>
        ) : null}
        <g className="chart-y-axis">
          {ticks.map((v, i) => (
            <g key={v}>
              <path d={`M${plot.left} ${round(y(v))}H${plot.right}`} stroke={v === 0 ? MUTED : GRID} strokeWidth={1} />
              <text x={plot.left - 6} y={round(y(v))} dy="0.35em" textAnchor="end" fill={INK}>
                {tickLabels[i]}
              </text>
            </g>
          ))}
        </g>
        <g className="chart-x-axis">
          <path d={`M${plot.left} ${round(plot.bottom)}H${plot.right}`} stroke={MUTED} strokeWidth={1} />
          {xTicks.map((i) => (
            <g key={i}>
              <path d={`M${round(x.center(i))} ${plot.bottom}v4`} stroke={MUTED} strokeWidth={1} />
              <text x={round(clampX(x.center(i)))} y={plot.bottom + 5} dy="1em" textAnchor="middle" fill={INK}>
                {xLabels[i]}
              </text>
            </g>
          ))}
        </g>
        {kind === "line"
          ? series.map((s) => (
              <g key={s.key} className="chart-series" data-series={s.key}>
                <path
                  className="chart-line"
                  d={linePath(s.values.map((v, i) => (v === null ? null : { x: x.center(i), y: y(v) })))}
                  fill="none"
                  stroke={s.color}
                  strokeWidth={2}
                  strokeLinejoin="round"
                  strokeDasharray={s.dash || undefined}
                />
                <g fill={s.color}>
                  {s.values.map((v, i) =>
                    v === null ? null : (
                      <path key={i} d={markerPath(s.marker, x.center(i), y(v), markerR)}>
                        <title>{pointTitle(s.label, i, v)}</title>
                      </path>
                    ),
                  )}
                </g>
              </g>
            ))
          : series.map((s, j) => (
              <g key={s.key} className="chart-series" data-series={s.key} fill={fill(s)} {...(outline ? { stroke: "#fff", strokeWidth: 0.5 } : {})}>
                {s.values.map((v, i) => {
                  if (v === null) return null;
                  const seg = kind === "stacked-bar" ? stacks[j]?.[i] : { from: 0, to: v };
                  if (!seg) return null;
                  const bx = x.start(i) + (x.band - groupWidth) / 2 + (kind === "bar" ? j * barWidth : 0);
                  const y0 = y(seg.from);
                  const y1 = y(seg.to);
                  return (
                    <rect key={i} x={round(bx)} y={round(Math.min(y0, y1))} width={round(barWidth)} height={round(Math.abs(y1 - y0))}>
                      <title>{pointTitle(s.label, i, v)}</title>
                    </rect>
                  );
                })}
              </g>
            ))}
        {kind !== "line" ? <path d={`M${plot.left} ${zeroY}H${plot.right}`} stroke={MUTED} strokeWidth={1} /> : null}
      </svg>
      {dates.length > LONG_TABLE ? (
        // A month of slots is a long table: folded under its caption's words, one press away (the chart's
        // description already gives the latest figures and the totals).
        <details className="chart-table-details">
          <summary>{t("public.chart.table", { title })}</summary>
          {table}
        </details>
      ) : (
        table
      )}
    </figure>
  );
}
