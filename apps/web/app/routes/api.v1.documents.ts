// GET /api/v1/documents?section=&category=&form=&issuer=&field=&from=&to=&page=&locale=: the published
// legal documents of a documents section (the portal's first one unless ?section= names another),
// filterable like the page (2187/2017/QĐ-UBND Điều 14.4), with the values each filter can take.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentFacets, getPortalHome, listPublishedItems } from "@cong/core";
import { apiError, apiJson, apiQuery, apiSection, apiTenant, filterErrors, pageJson } from "~/utils/public-api.server";
import { isDocumentsSection, parseListFilter } from "~/utils/public.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const tenant = apiTenant(context);
  if (tenant instanceof Response) return tenant;
  const params = new URL(request.url).searchParams;
  const query = apiQuery(params, tenant);
  if (query instanceof Response) return query;
  const slug = query.section ?? (await context.unit.run((tx) => getPortalHome({ tx, tenantId: tenant.id })))?.sections.find(isDocumentsSection)?.slug;
  if (!slug) return apiError(404, "this portal has no documents section");
  const section = await apiSection(context, tenant, slug);
  if (section instanceof Response) return section;
  if (!isDocumentsSection(section)) return apiError(400, `section "${slug}" does not hold documents`, { section: [`section: "${slug}" is not a documents section`] });
  const parsed = parseListFilter(params, { documents: true, categories: section.categories.map((c) => c.slug) });
  if (!parsed.ok) return filterErrors(parsed.errors);
  const list = await context.unit.run((tx) => listPublishedItems({ tx, tenantId: tenant.id, sectionId: section.id, locale: query.locale, filter: parsed.filter }));
  const facets = await context.unit.run((tx) => documentFacets({ tx, tenantId: tenant.id, sectionId: section.id }));
  return apiJson(pageJson(request, tenant, query.locale, list, { section: section.slug, facets: { ...facets, categories: section.categories.map((c) => c.slug) } }));
}
