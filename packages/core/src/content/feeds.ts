// RSS 2.0 and Atom 1.0 documents for a portal's news, announcements and fake-news warnings, so citizens,
// press and other government sites can follow them. Both formats carry the same feed; pure functions
// of the data, the route only sets the content type.
import type { Language } from "@cong/i18n";
import { rfc3339, rfc822, XML_DECLARATION, xmlAttribute, xmlText } from "./xml-text.ts";

export type FeedItem = {
  title: string;
  // The item's HTML page.
  link: string;
  // Stable identity for readers' "already seen" (a URL or tag: URI), unchanged by edits.
  id: string;
  published: Date;
  updated: Date;
  // Plain text (htmlToText of the body or lead); never HTML.
  summary: string;
  author?: string;
  categories?: string[];
};

export type Feed = {
  title: string;
  description: string;
  // The HTML page this feed mirrors.
  link: string;
  // Where this feed document itself is served.
  selfUrl: string;
  language: Language;
  updated: Date;
  // Atom requires an author for entries that name none; the portal or agency. Defaults to the title.
  author?: string;
  items: FeedItem[];
};

const element = (name: string, text: string) => `<${name}>${xmlText(text)}</${name}>`;

function rssItem(item: FeedItem): string {
  return [
    "<item>",
    element("title", item.title),
    element("link", item.link),
    `<guid isPermaLink="${item.id === item.link}">${xmlText(item.id)}</guid>`,
    element("pubDate", rfc822(item.published)),
    element("description", item.summary),
    // RSS's own <author> must be an e-mail address; Dublin Core's creator takes a name.
    ...(item.author ? [element("dc:creator", item.author)] : []),
    ...(item.categories ?? []).map((category) => element("category", category)),
    "</item>",
  ].join("\n");
}

export function rssFeed(feed: Feed): string {
  return [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "<channel>",
    element("title", feed.title),
    element("link", feed.link),
    element("description", feed.description),
    element("language", feed.language),
    element("lastBuildDate", rfc822(feed.updated)),
    `<atom:link href="${xmlAttribute(feed.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...feed.items.map(rssItem),
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}

const person = (name: string) => `<author>${element("name", name)}</author>`;

function atomEntry(item: FeedItem): string {
  return [
    "<entry>",
    `<title type="text">${xmlText(item.title)}</title>`,
    element("id", item.id),
    `<link rel="alternate" type="text/html" href="${xmlAttribute(item.link)}"/>`,
    element("published", rfc3339(item.published)),
    element("updated", rfc3339(item.updated)),
    `<summary type="text">${xmlText(item.summary)}</summary>`,
    ...(item.author ? [person(item.author)] : []),
    ...(item.categories ?? []).map((category) => `<category term="${xmlAttribute(category)}"/>`),
    "</entry>",
  ].join("\n");
}

export function atomFeed(feed: Feed): string {
  return [
    XML_DECLARATION,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlAttribute(feed.language)}">`,
    `<title type="text">${xmlText(feed.title)}</title>`,
    `<subtitle type="text">${xmlText(feed.description)}</subtitle>`,
    // The feed's own address is its identity: the same page may offer RSS and Atom, each its own feed.
    element("id", feed.selfUrl),
    `<link rel="alternate" type="text/html" href="${xmlAttribute(feed.link)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${xmlAttribute(feed.selfUrl)}"/>`,
    element("updated", rfc3339(feed.updated)),
    person(feed.author ?? feed.title),
    ...feed.items.map(atomEntry),
    "</feed>",
    "",
  ].join("\n");
}
