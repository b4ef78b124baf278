// The OpenSearch 1.1 description that lets a browser add a portal's search to its address bar
// (linked from every page with rel="search").
import type { Language } from "@cong/i18n";
import { XML_DECLARATION, xmlAttribute, xmlText } from "./xml-text.ts";

// Limits of the specification, in characters.
export const OPEN_SEARCH_SHORT_NAME_MAX = 16;
export const OPEN_SEARCH_DESCRIPTION_MAX = 1024;

export type OpenSearchDescription = {
  shortName: string;
  description: string;
  // The results page, with "{searchTerms}" where the query goes.
  searchUrlTemplate: string;
  language: Language;
  image?: { url: string; width: number; height: number; type: string };
};

// Province names make long short names ("Cổng TTĐT Quảng Ninh"); a browser shows only a few characters
// anyway, so an over-long one is cut rather than failing the page.
function cut(text: string, max: number): string {
  const chars = [...text.normalize("NFC").trim()];
  return chars.length <= max ? chars.join("") : chars.slice(0, max).join("").trimEnd();
}

export function openSearchXml(description: OpenSearchDescription): string {
  if (!description.searchUrlTemplate.includes("{searchTerms}")) {
    throw new Error("OpenSearch searchUrlTemplate must contain {searchTerms}");
  }
  const { image } = description;
  return [
    XML_DECLARATION,
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">',
    `<ShortName>${xmlText(cut(description.shortName, OPEN_SEARCH_SHORT_NAME_MAX))}</ShortName>`,
    `<Description>${xmlText(cut(description.description, OPEN_SEARCH_DESCRIPTION_MAX))}</Description>`,
    "<InputEncoding>UTF-8</InputEncoding>",
    `<Language>${xmlText(description.language)}</Language>`,
    ...(image
      ? [
          `<Image width="${Math.round(image.width)}" height="${Math.round(image.height)}" type="${xmlAttribute(image.type)}">${xmlText(image.url)}</Image>`,
        ]
      : []),
    `<Url type="text/html" method="get" template="${xmlAttribute(description.searchUrlTemplate)}"/>`,
    "</OpenSearchDescription>",
    "",
  ].join("\n");
}
