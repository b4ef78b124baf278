// GET /admin/figures/template.csv: a CSV to fill in for the import (UTF-8 with a BOM so Excel reads the
// diacritics): the header row in the page language and one example line for the viewer's first series.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { figureTemplate } from "@cong/core";
import { requireFigureEntry } from "~/utils/figures.server";
import { getLocale } from "~/utils/locale.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { tenant, ability, who } = await requireFigureEntry(request, context);
  const lang = await getLocale(request, context.site);
  const csv = await context.unit.run((tx) => figureTemplate({ tx, tenantId: tenant.id, ability, who, timeZone: tenant.timeZone, lang }));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="mau-so-lieu-${tenant.slug}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
