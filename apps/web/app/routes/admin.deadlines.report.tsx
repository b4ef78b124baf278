// /admin/deadlines/report?month=YYYY-MM: the monthly update report per agency and section (3691/QĐ-UBND
// Điều 11.4, 20), printable, with a CSV download.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { monthlyReport } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { ErrorSummary, TextField } from "~/components/form/fields";
import { LocalizedText } from "~/components/localized-text";
import { freshDeadlines, requireDeadlinesView } from "~/utils/deadlines.server";
import { getLocale } from "~/utils/locale.server";

function thisMonth(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const door = await requireDeadlinesView(request, context);
  await freshDeadlines(context, door.tenantId);
  const month = new URL(request.url).searchParams.get("month") ?? thisMonth();
  const lang = await getLocale(request, context.site);
  const report = await context.unit.run((tx) => monthlyReport({ tx, tenantId: door.tenantId, month, lang }));
  if (!report.ok) return data({ ok: false as const, month, errors: report.errors }, { status: 400 });
  return { ok: true as const, month, report: report.value };
}

export default function Report() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb no-print">
        <Link to="/admin/deadlines">{t("deadlines.heading")}</Link>
      </p>
      <h1>{t("deadlines.report.heading", { month: d.month })}</h1>
      <p className="muted">{t("deadlines.report.basis")}</p>
      <Form method="get" className="filters no-print">
        <ErrorSummary errors={d.ok ? null : d.errors} labels={{ month: t("deadlines.report.month") }} />
        <TextField name="month" type="month" label={t("deadlines.report.month")} defaultValue={d.month} errors={d.ok ? null : d.errors} />
        <button type="submit" className="button">
          {t("deadlines.report.show")}
        </button>
        {d.ok ? (
          <>
            <a className="button secondary" href={`/admin/deadlines/report.csv?month=${d.month}`} download>
              {t("deadlines.report.csv")}
            </a>
            <button type="button" className="button secondary" onClick={() => window.print()}>
              {t("deadlines.report.print")}
            </button>
          </>
        ) : null}
      </Form>
      {d.ok && d.report.rows.length === 0 ? <p>{t("deadlines.report.empty")}</p> : null}
      {d.ok && d.report.rows.length > 0 ? (
        <table className="data report" data-testid="report">
          <thead>
            <tr>
              <th scope="col">{t("deadlines.agency")}</th>
              <th scope="col">{t("deadlines.section")}</th>
              <th scope="col">{t("deadlines.report.due")}</th>
              <th scope="col">{t("deadlines.report.onTime")}</th>
              <th scope="col">{t("deadlines.report.late")}</th>
              <th scope="col">{t("deadlines.report.missed")}</th>
              <th scope="col">{t("deadlines.report.pending")}</th>
            </tr>
          </thead>
          <tbody>
            {d.report.rows.map((r) => (
              <tr key={`${r.agencyKey}/${r.sectionSlug}`} data-agency={r.agencyKey} data-section={r.sectionSlug}>
                <th scope="row">
                  <LocalizedText value={r.agency} />
                </th>
                <td>
                  <LocalizedText value={r.section} />
                </td>
                <td>{r.due}</td>
                <td>{r.onTime}</td>
                <td>{r.late}</td>
                <td>{r.missed}</td>
                <td>{r.pending}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t("deadlines.report.total")}
              </th>
              <td>{d.report.totals.due}</td>
              <td>{d.report.totals.onTime}</td>
              <td>{d.report.totals.late}</td>
              <td>{d.report.totals.missed}</td>
              <td>{d.report.totals.pending}</td>
            </tr>
          </tfoot>
        </table>
      ) : null}
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
