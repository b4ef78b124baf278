// The 404 answers routes share: the portal's page for an unknown host or path, in the page language, and
// the admin's, thrown for an id or slug in the URL that names nothing. An id that is not a uuid and a
// slug with characters no slug has (NUL, "..", thousands of letters) name nothing either: they are a 404
// before any query sees them, never a database error and a 500 ("invalid input syntax for type uuid").
import { data } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { isUuid } from "@cong/db";
import { getLocale, i18next } from "~/utils/locale.server";
import { siteUrl } from "~/utils/urls.server";

export async function notFound(request: Request, context: AppLoadContext) {
  const t = await i18next.getFixedT(await getLocale(request, context.site), "common");
  const host = context.site.kind === "unknown" ? context.site.host : null;
  return data(
    {
      page: "not-found" as const,
      title: t("meta.notFoundTitle"),
      host,
      homeUrl: host ? siteUrl(request, context.env.PLATFORM_DOMAIN) : "/",
    },
    { status: 404 },
  );
}

export { isUuid };

/** Section and item slugs and agency keys as packs and the core make them; anything else names nothing. */
export const isSlug = (value: string | undefined): value is string => value !== undefined && value.length <= 100 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);

/** The admin's 404, shown by AdminErrorBoundary. */
export function adminNotFound(): never {
  throw data({ reason: "not-found" as const }, { status: 404 });
}

/** The URL's id when it can name a row at all; otherwise the admin's 404, as for an unknown one. */
export function uuidParam(value: string | undefined): string {
  if (!isUuid(value)) adminNotFound();
  return value;
}

/** The URL's slug (or agency key) when it can name one at all; otherwise the admin's 404. */
export function slugParam(value: string | undefined): string {
  if (!isSlug(value)) adminNotFound();
  return value;
}
