// Text and dates as the XML documents we publish (feeds, sitemap, OpenSearch) need them. Anything an
// editor typed may end up in one of them, and one stray character would make the whole document
// unreadable to every feed reader and crawler, so text is cleaned rather than rejected.

// Characters XML 1.0 allows (https://www.w3.org/TR/xml/#charsets). With the u flag a lone surrogate is a
// code point of its own, outside every range, so it is removed too.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

// Element content: characters XML cannot carry removed, NFC, markup characters escaped. Line breaks
// become "\n", which is what every XML parser turns "\r\n" and "\r" into anyway.
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML_CHAR, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC")
    .replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

// A quoted attribute value: as xmlText, with tabs and line breaks as the spaces a parser reads them as.
export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/[\t\n]/g, " ");
}

function checked(date: Date): Date {
  if (Number.isNaN(date.getTime())) throw new RangeError("Invalid date in XML document");
  return date;
}

// RFC 822 date-time as RSS 2.0 wants it, in GMT: "Tue, 01 Jul 2025 03:00:00 GMT".
export function rfc822(date: Date): string {
  return checked(date).toUTCString();
}

// RFC 3339 (Atom) and W3C Datetime (sitemaps), in UTC without fractions: "2025-07-01T03:00:00Z".
export function rfc3339(date: Date): string {
  return checked(date).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
