// /<section>/<item>: one published item in the page language, or in the default language with a visible
// note when it has no translation (or a translated title but no translated body). A draft, a withdrawn
// item or one in a disabled section is a 404, like an unknown address.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { getPublicSection, getPublishedItem } from "@cong/core";
import { NotFoundPage } from "~/components/not-found-page";
import { Breadcrumb, type Crumb } from "~/components/portal/breadcrumb";
import { ItemArticle } from "~/components/portal/item-article";
import { PortalFrame } from "~/components/portal/portal-frame";
import type { loader as rootLoader } from "~/root";
import publicStyles from "~/styles/public.css?url";
import { isSlug, notFound } from "~/utils/not-found.server";
import { headMeta } from "~/utils/public-head";
import { fileHref, itemPath, loadPortal, portalHead, toItemView } from "~/utils/public.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const portal = await loadPortal(request, context);
  if (!portal || !isSlug(params.section) || !isSlug(params.item)) return notFound(request, context);
  const tenantId = portal.tenant.id;
  const item = await context.unit.run((tx) => getPublishedItem({ tx, tenantId, sectionSlug: params.section!, itemSlug: params.item!, locale: portal.locale }));
  if (!item) return notFound(request, context);
  const defaultLocale = portal.tenant.defaultLocale;
  const needsDefaultBody = !item.body && item.locale !== defaultLocale;
  const section = await context.unit.run((tx) => getPublicSection({ tx, tenantId, slug: item.sectionSlug }));
  const defaultText = needsDefaultBody ? await context.unit.run((tx) => getPublishedItem({ tx, tenantId, sectionSlug: item.sectionSlug, itemSlug: item.slug, locale: defaultLocale })) : null;
  const view = toItemView(item, portal.locale, portal.tenant.timeZone, section, defaultText);
  const path = itemPath(item);
  const head = portalHead(portal, {
    path,
    title: item.title,
    description: item.summary,
    section: { slug: item.sectionSlug, names: item.sectionNames },
    article: { published: item.publishedAt, modified: item.updatedAt, image: item.cover ? `${portal.origin}${fileHref(item.cover)}` : null },
  });
  return { page: "item" as const, home: portal.home, lng: portal.lng, head, item: view, pageUrl: `${portal.origin}${path}` };
}

export default function ItemPage() {
  const d = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  if (d.page !== "item") return <NotFoundPage host={d.host} homeUrl={d.homeUrl} />;
  const { item } = d;
  const locale = root?.locale ?? "vi";
  const trail: Crumb[] = [{ href: `/${item.section.slug}`, label: item.section.names }];
  if (item.category) trail.push({ href: `/${item.section.slug}?category=${encodeURIComponent(item.category.slug)}`, label: item.category.names });
  trail.push({ label: item.title });
  return (
    <PortalFrame home={d.home} offered={root?.offered ?? ["vi"]} locale={locale} current={item.section.slug} lng={d.lng}>
      <Breadcrumb trail={trail} />
      <ItemArticle item={item} locale={locale} attribution={d.home.attribution} pageUrl={d.pageUrl} />
    </PortalFrame>
  );
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: publicStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => (data && "head" in data ? headMeta(data.head) : [{ title: data?.title ?? "404" }]);
