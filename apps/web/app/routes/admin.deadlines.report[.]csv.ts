// GET /admin/deadlines/report.csv?month=YYYY-MM: the monthly report as CSV (UTF-8 with BOM), headers in
// the page language.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { monthlyReport, reportCsv } from "@cong/core";
import { translate } from "@cong/i18n";
import { freshDeadlines, requireDeadlinesView } from "~/utils/deadlines.server";
import { getLocale } from "~/utils/locale.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const door = await requireDeadlinesView(request, context);
  await freshDeadlines(context, door.tenantId);
  const lang = await getLocale(request, context.site);
  const month = new URL(request.url).searchParams.get("month") ?? "";
  const report = await context.unit.run((tx) => monthlyReport({ tx, tenantId: door.tenantId, month, lang }));
  if (!report.ok) return new Response(`${translate(lang, "errors.monthInvalid")}\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const headers = ["report.csvMonth", "agency", "section", "report.due", "report.onTime", "report.late", "report.missed", "report.pending"].map((k) => translate(lang, `deadlines.${k}`));
  return new Response(reportCsv(report.value, headers, lang), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="bao-cao-cap-nhat-${report.value.month}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
