// GET /admin/places/template.csv: a CSV to fill in for the places import (UTF-8 with a BOM so Excel reads
// the diacritics): the header row in the page language and one example line for the viewer's first kind.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { placeTemplate } from "@cong/core";
import { getLocale } from "~/utils/locale.server";
import { requirePlaceKeeping } from "~/utils/places.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { tenant, ability, who } = await requirePlaceKeeping(request, context);
  const lang = await getLocale(request, context.site);
  const csv = await context.unit.run((tx) => placeTemplate({ tx, tenantId: tenant.id, ability, who, lang }));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="mau-dia-diem-${tenant.slug}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
