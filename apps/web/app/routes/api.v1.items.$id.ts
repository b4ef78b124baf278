// GET /api/v1/items/<section>~<item>?locale=: one published item with its sanitized HTML body and the
// portal's attribution line. The key is the list's `key` (its `api` field is this address).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPortalHome, getPublishedItem } from "@cong/core";
import { apiError, apiJson, apiQuery, apiTenant, itemJson, parseItemKey } from "~/utils/public-api.server";
import { originOf, text } from "~/utils/public.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const tenant = apiTenant(context);
  if (tenant instanceof Response) return tenant;
  const query = apiQuery(new URL(request.url).searchParams, tenant);
  if (query instanceof Response) return query;
  const key = parseItemKey(params.id);
  if (!key) return apiError(404, 'no such item: the key is "<section>~<item>", as in the list\'s "key" field');
  const item = await context.unit.run((tx) => getPublishedItem({ tx, tenantId: tenant.id, sectionSlug: key.section, itemSlug: key.item, locale: query.locale }));
  if (!item) return apiError(404, "no such published item on this portal");
  // Like the page: a translation without a body shows the default language's full text.
  const full = !item.body && item.locale !== tenant.defaultLocale ? await context.unit.run((tx) => getPublishedItem({ tx, tenantId: tenant.id, sectionSlug: key.section, itemSlug: key.item, locale: tenant.defaultLocale })) : null;
  const home = await context.unit.run((tx) => getPortalHome({ tx, tenantId: tenant.id }));
  return apiJson({
    tenant: tenant.slug,
    item: {
      ...itemJson(item, originOf(request), query.locale),
      body: full?.body ?? item.body,
      bodyLocale: full?.body ? full.locale : item.body ? item.locale : null,
      attribution: home ? text(home.attribution, query.locale) : null,
    },
  });
}
