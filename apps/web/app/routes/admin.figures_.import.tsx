// /admin/figures/import: an agency's editor imports figures from a CSV or XLSX file (issue 10), one row
// per figure. A file with any bad row changes nothing: the page answers 400 with a report of each bad
// row, column and reason (the first 500, and how many more); a good one is written at once and the page
// says how many rows and changed figures. The same door as the entry grid (404 off a province's site,
// 403 without the ability to enter figures). (`figures_`: its own page, not inside the grid's.)
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { FIGURE_COLUMN_NAMES, getFigureGrid, importFigures, listFeedStatus, type FeedProblem } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { FiguresUpload } from "~/components/admin/figures-upload";
import { ImportReport } from "~/components/admin/import-report";
import { LocalizedText } from "~/components/localized-text";
import { auditActor } from "~/utils/actor.server";
import { staleDeadlines } from "~/utils/deadlines.server";
import { requireFigureEntry } from "~/utils/figures.server";
import { MB, readForm } from "~/utils/form.server";
import { getLocale } from "~/utils/locale.server";
import { formatDateTime } from "~/utils/public-format";

const PATH = "/admin/figures/import";
// The report shows this many problems; the rest are counted.
const SHOWN = 500;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { tenant, ability, who } = await requireFigureEntry(request, context);
  const grid = await context.unit.run((tx) => getFigureGrid({ tx, tenantId: tenant.id, ability, who, timeZone: tenant.timeZone }));
  // The feeds of the series this person enters, with their last pull (pack data: feed:).
  const mine = new Set(grid.series.map((s) => s.key));
  const feeds = (await context.unit.run((tx) => listFeedStatus({ tx, tenantId: tenant.id }))).filter((f) => mine.has(f.key));
  // The column names as the template writes them (the import also takes them in the other languages).
  const columns = FIGURE_COLUMN_NAMES[await getLocale(request, context.site)];
  return {
    columns,
    series: grid.series.map((s) => ({ key: s.key, names: s.names, times: s.times })),
    feeds: feeds.map((f) => ({ key: f.key, names: grid.series.find((s) => s.key === f.key)!.names, url: f.feed.url, format: f.feed.format, every: f.feed.every, last: f.last ? { ...f.last, at: f.last.at.toISOString() } : null })),
    timeZone: tenant.timeZone,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { tenant, ability, who, viewer } = await requireFigureEntry(request, context);
  // 20 MB of file and the form around it.
  const form = await readForm(request, context, { maxBytes: 21 * MB });
  const lang = await getLocale(request, context.site);
  const upload = form.get("file");
  const file = typeof upload === "object" && upload !== null ? { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) } : { name: "", bytes: new Uint8Array() };
  const result = await context.unit.run((tx) => importFigures({ tx, tenantId: tenant.id, ability, actor: auditActor(viewer, context), who, timeZone: tenant.timeZone, file, lang }));
  if (!result.ok) {
    return data({ errors: result.errors, rows: result.rows.slice(0, SHOWN), problems: result.rows.length, total: result.total }, { status: 400 });
  }
  // Each import is an update for the deadline engine: its round and the next view see it once committed.
  context.unit.afterCommit(async () => {
    staleDeadlines(tenant.id);
    await context.services.jobs.nudgeDeadlines();
  });
  return redirect(`${PATH}?done=${result.value.rows}&changed=${result.value.changed}`);
}

export default function FiguresImport() {
  const { t, i18n } = useTranslation();
  const { columns, series, feeds, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const report = <ImportReport result={result} />;
  return (
    <>
      <h1>{t("figures.import.heading")}</h1>
      <p>
        <a href="/admin/figures">{t("figures.heading")}</a>
      </p>
      {done !== null ? <p role="status">{t("figures.import.done", { count: Number(done), changed: Number(params.get("changed") ?? 0) })}</p> : null}
      <p className="muted">{t("figures.import.intro")}</p>
      <section className="panel" aria-labelledby="import-columns">
        <h2 id="import-columns">{t("figures.import.columnsHeading")}</h2>
        <ul>
          {(
            [
              ["date", "figures.import.columnDate"],
              ["time", "figures.import.columnTime"],
              ["unit", "figures.import.columnUnit"],
              ["series", "figures.import.columnSeries"],
              ["value", "figures.import.columnValue"],
            ] as const
          ).map(([c, key]) => (
            <li key={c}>
              <strong>{columns[c]}</strong>: {t(key)}
            </li>
          ))}
        </ul>
        <p>{t("figures.import.columnsNote")}</p>
        {series.length > 0 ? (
          <>
            <h3>{t("figures.import.seriesHeading")}</h3>
            <ul>
              {series.map((s) => (
                <li key={s.key}>
                  <code>{s.key}</code> — <LocalizedText value={s.names} /> ({t("figures.import.seriesTimes", { times: s.times.join(", ") })})
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          <a href="/admin/figures/template.csv" download>
            {t("figures.import.template")}
          </a>
        </p>
      </section>
      <FiguresUpload action={PATH} report={report} />
      {feeds.length > 0 ? (
        <section className="panel" aria-labelledby="feeds-heading">
          <h2 id="feeds-heading">{t("figures.feeds.heading")}</h2>
          <p className="muted">{t("figures.feeds.intro")}</p>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="feeds-heading">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("figures.feeds.series")}</th>
                  <th scope="col">{t("figures.feeds.address")}</th>
                  <th scope="col">{t("figures.feeds.every")}</th>
                  <th scope="col">{t("figures.feeds.last")}</th>
                </tr>
              </thead>
              <tbody>
                {feeds.map((f) => (
                  <tr key={f.key}>
                    <th scope="row">
                      <LocalizedText value={f.names} />
                    </th>
                    <td>
                      <code>{f.url}</code> ({f.format.toUpperCase()})
                    </td>
                    <td>{t("figures.feeds.minutes", { count: f.every })}</td>
                    <td>
                      {f.last === null
                        ? t("figures.feeds.never")
                        : f.last.ok
                          ? t("figures.feeds.ok", { time: formatDateTime(f.last.at, i18n.language, timeZone), count: f.last.rows, changed: f.last.changed })
                          : t("figures.feeds.failed", { time: formatDateTime(f.last.at, i18n.language, timeZone), reason: feedReasons(f.last.reasons, t) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;

/** A failed pull's reasons in the viewer's language (a bad row with its line and column). */
function feedReasons(reasons: FeedProblem[] | string | null, t: TFunction): string {
  if (reasons === null) return "";
  if (typeof reasons === "string") return reasons;
  return reasons
    .map((p) => {
      const reason = t(p.key, p.values ?? {});
      return p.row === undefined ? reason : t("figures.feeds.problem.row", { row: p.row, column: p.column ?? "", reason });
    })
    .join("; ");
}
