// GET /api/v1/items?section=&category=&page=&locale= (and the documents filters form, issuer, field,
// from, to): published items, newest first, paginated like the pages, with absolute URLs.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listPublishedItems } from "@cong/core";
import { apiJson, apiQuery, apiSection, apiTenant, filterErrors, pageJson } from "~/utils/public-api.server";
import { isDocumentsSection, parseListFilter } from "~/utils/public.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const tenant = apiTenant(context);
  if (tenant instanceof Response) return tenant;
  const params = new URL(request.url).searchParams;
  const query = apiQuery(params, tenant);
  if (query instanceof Response) return query;
  const section = query.section ? await apiSection(context, tenant, query.section) : null;
  if (section instanceof Response) return section;
  const parsed = parseListFilter(params, {
    documents: section ? isDocumentsSection(section) : true,
    categories: section ? section.categories.map((c) => c.slug) : undefined,
  });
  if (!parsed.ok) return filterErrors(parsed.errors);
  const list = await context.unit.run((tx) => listPublishedItems({ tx, tenantId: tenant.id, sectionId: section?.id, locale: query.locale, filter: parsed.filter }));
  return apiJson(pageJson(request, tenant, query.locale, list, { section: section?.slug ?? null }));
}
