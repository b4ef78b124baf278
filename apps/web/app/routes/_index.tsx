// "/": the platform's page on the apex, the province's portal home on a tenant host, 404 elsewhere.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { recentPublished } from "@cong/core";
import { localized } from "@cong/i18n";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { NotFoundPage } from "~/components/not-found-page";
import { PlatformHome } from "~/components/platform-home";
import { PortalHome } from "~/components/portal-home";
import type { loader as rootLoader } from "~/root";
import publicStyles from "~/styles/public.css?url";
import { listTenants } from "~/utils/core.server";
import { getLocale, i18next } from "~/utils/locale.server";
import { notFound } from "~/utils/not-found.server";
import { headMeta } from "~/utils/public-head";
import { loadPortal, portalHead, toCard } from "~/utils/public.server";
import { siteUrl } from "~/utils/urls.server";

const LATEST = 6;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, env } = context;
  const locale = await getLocale(request, site);
  if (site.kind === "apex") {
    const t = await i18next.getFixedT(locale, "common");
    const tenants = await context.unit.run((tx) => listTenants({ tx }));
    return {
      page: "apex" as const,
      title: t("meta.platformTitle"),
      tenants: tenants.map((x) => ({
        slug: x.slug,
        name: x.name,
        portalTitle: x.portalTitle,
        url: siteUrl(request, env.PLATFORM_DOMAIN, x.slug),
        color: x.colors.primary,
      })),
    };
  }
  const portal = await loadPortal(request, context);
  if (portal) {
    const { home } = portal;
    const title = localized(home.tenant.portalTitle, locale).text;
    const latest = await context.unit.run((tx) => recentPublished({ tx, tenantId: home.tenant.id, locale, limit: LATEST }));
    const head = portalHead(portal, { path: "/" });
    return { page: "tenant" as const, title, home, head, lng: portal.lng, latest: latest.map((i) => toCard(i, locale, portal.tenant.timeZone)) };
  }
  return notFound(request, context);
}

export default function Index() {
  const data = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const offered = root?.offered ?? ["vi"];
  const locale = root?.locale ?? "vi";
  if (data.page === "apex") return <PlatformHome tenants={data.tenants} offered={offered} locale={locale} />;
  if (data.page === "tenant") return <PortalHome home={data.home} offered={offered} locale={locale} latest={data.latest} lng={data.lng} />;
  return <NotFoundPage host={data.host} homeUrl={data.homeUrl} />;
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: publicStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => (data && "head" in data ? headMeta(data.head) : [{ title: data?.title ?? "Cổng" }]);
