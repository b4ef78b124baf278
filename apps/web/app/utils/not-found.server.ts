// The 404 answer every page route shares: unknown host or unknown path, in the page language.
import { data } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
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
