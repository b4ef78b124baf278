// The <head> of a citizen page: title and description, the canonical address, Open Graph for link
// previews, and the feeds and OpenSearch description announced with <link> so readers and browsers find
// them. The loader builds a PublicHead (server side, absolute URLs); the route's meta export renders it.
import type { MetaDescriptor } from "@remix-run/node";

export type HeadLink = { href: string; title: string };

export type PublicHead = {
  title: string;
  description: string | null;
  /** Absolute URL of this page. */
  canonical: string;
  siteName: string;
  locale: string;
  type: "website" | "article";
  image: string | null;
  publishedTime: string | null;
  modifiedTime: string | null;
  section: string | null;
  rss: HeadLink[];
  atom: HeadLink[];
  search: HeadLink;
};

const OG_LOCALES: Record<string, string> = { vi: "vi_VN", en: "en_US", zh: "zh_CN" };

export function headMeta(head: PublicHead | null | undefined, fallbackTitle = "Cổng"): MetaDescriptor[] {
  if (!head) return [{ title: fallbackTitle }];
  const meta: MetaDescriptor[] = [
    { title: head.title },
    ...(head.description ? [{ name: "description", content: head.description }] : []),
    { tagName: "link", rel: "canonical", href: head.canonical },
    { property: "og:type", content: head.type },
    { property: "og:title", content: head.title },
    ...(head.description ? [{ property: "og:description", content: head.description }] : []),
    { property: "og:url", content: head.canonical },
    { property: "og:site_name", content: head.siteName },
    { property: "og:locale", content: OG_LOCALES[head.locale] ?? "vi_VN" },
    ...(head.image ? [{ property: "og:image", content: head.image }] : []),
    ...(head.publishedTime ? [{ property: "article:published_time", content: head.publishedTime }] : []),
    ...(head.modifiedTime ? [{ property: "article:modified_time", content: head.modifiedTime }] : []),
    ...(head.section ? [{ property: "article:section", content: head.section }] : []),
    ...head.rss.map((l) => ({ tagName: "link", rel: "alternate", type: "application/rss+xml", href: l.href, title: l.title })),
    ...head.atom.map((l) => ({ tagName: "link", rel: "alternate", type: "application/atom+xml", href: l.href, title: l.title })),
    { tagName: "link", rel: "search", type: "application/opensearchdescription+xml", href: head.search.href, title: head.search.title },
  ];
  return meta;
}
