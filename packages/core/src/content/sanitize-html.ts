// Rich text written by agency editors (articles, handbook, policies, fake-news warnings) is stored and
// served as HTML, so it passes through one server-side allowlist before it is saved. Everything not
// listed here is dropped; the allowlist is the whole policy, so widen it here and nowhere else.
//
// Links: http(s), mailto, tel and relative paths. Protocol-relative hrefs ("//host", "/\host", "\\host")
// are dropped: browsers resolve them to another origin with whatever scheme the page has, which an editor
// rarely means and an attacker often does; an editor who links out writes the full https:// address.
// Every absolute http(s) link is treated as external and gets rel="noopener noreferrer": the sanitizer
// cannot know a tenant's own hosts (subdomains and custom domains), and the rel costs nothing on an
// internal link. Images: only our own uploads (/files/...) or https URLs.
import sanitize from "sanitize-html";

const ALLOWED_TAGS = [
  "p", "br", "hr", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup", "blockquote",
  "ul", "ol", "li", "a", "img", "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td",
  "caption", "code", "pre",
];

// Content that is code or UI rather than prose: dropped with the element, not unwrapped into the text.
const DROP_WITH_CONTENT = [
  "script", "style", "iframe", "object", "embed", "svg", "math", "form", "noscript", "template",
  "textarea", "select", "option", "button", "xmp", "noembed", "noframes", "title", "head",
];

// Headings pasted from Word or other sites keep their structure, mapped onto the levels an article may
// use (the page itself owns the h1).
const RENAMED: Record<string, string> = { h1: "h2", h5: "h4", h6: "h4" };

const LINK_SCHEMES = ["http", "https", "mailto", "tel"];

// What browsers ignore inside a URL before they look at its scheme ("java\tscript:" is "javascript:").
function browserView(url: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
}

function schemeOf(url: string): string | null {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return match ? match[1]!.toLowerCase() : null;
}

// The href to keep, or null when the link must lose it.
export function safeHref(href: string): string | null {
  const url = browserView(href);
  if (url === "" || /^[/\\]{2}/.test(url)) return null;
  const scheme = schemeOf(url);
  return scheme === null || LINK_SCHEMES.includes(scheme) ? url : null;
}

export function safeImageSrc(src: string): string | null {
  const url = browserView(src);
  if (url.startsWith("/files/")) return /\\|(^|\/)\.\.(\/|$)/.test(url) ? null : url;
  return schemeOf(url) === "https" && /^https:\/\/[^/\\]/i.test(url) ? url : null;
}

const isExternal = (href: string) => /^https?:/i.test(href);

// Width and height are layout hints in CSS pixels; anything else ("100%", "expression(...)") goes.
const dimension = (value: string | undefined) =>
  value !== undefined && /^\d{1,4}$/.test(value.trim()) ? value.trim() : undefined;

// The value an attribute keeps, or undefined to drop it. Attributes keep their order, so allowed
// markup comes out as it went in.
function attributeValue(tagName: string, name: string, raw: string): string | undefined {
  const value = raw.normalize("NFC");
  if (tagName === "a" && name === "href") return safeHref(value) ?? undefined;
  if (tagName === "a" && name === "rel") return undefined;
  if (tagName === "img" && name === "src") return safeImageSrc(value) ?? undefined;
  if (tagName === "img" && (name === "width" || name === "height")) return dimension(value);
  return value;
}

function transform(tagName: string, attribs: sanitize.Attributes): sanitize.Tag {
  const out: sanitize.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    const kept = attributeValue(tagName, name, value);
    if (kept !== undefined) out[name] = kept;
  }
  if (tagName === "a" && out.href !== undefined && isExternal(out.href)) out.rel = "noopener noreferrer";
  return { tagName: RENAMED[tagName] ?? tagName, attribs: out };
}

// A run of text that starts with a combining mark (its base letter sits before a tag) is written with
// the mark as a character reference: as a raw character it would compose with the tag's ">" under NFC
// (">" + U+0338 is "≯"), so the stored HTML would not survive normalization, and browsers render the
// reference the same.
function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/^\p{M}+/u, (marks) => [...marks].map((mark) => `&#x${mark.codePointAt(0)!.toString(16)};`).join(""));
}

const OPTIONS: sanitize.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ["href", "title", "rel"],
    img: ["src", "alt", "width", "height"],
    th: ["scope", "colspan", "rowspan"],
    td: ["colspan", "rowspan"],
  },
  allowedSchemes: LINK_SCHEMES,
  allowedSchemesByTag: { img: ["https"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: DROP_WITH_CONTENT,
  transformTags: { "*": transform },
  // An image without a usable source is an empty box; drop it rather than render a broken one.
  exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src,
};

// Sanitized HTML in NFC, safe to store and to render unescaped. Attribute values are normalized as they
// pass the allowlist and each run of text between two tags afterwards (the parser hands text over in
// pieces split at entities, too small to normalize), never the markup as a whole: NFC of "<p>" + U+0338
// is "<p≯", a different tag.
export function cleanHtml(html: string): string {
  // The sanitizer escapes "<" and ">" in text and attribute values, so this split finds exactly its tags.
  return sanitize(html, OPTIONS)
    .split(/(<[^>]*>)/)
    .map((piece, index) => (index % 2 === 1 ? piece : normalizeText(piece)))
    .join("");
}

// Elements after which reading text continues on a new line or cell, so words do not run together.
const BREAKING = /<\/?(p|br|hr|h[2-4]|blockquote|ul|ol|li|figure|figcaption|table|thead|tbody|tr|th|td|caption|pre)\b[^>]*>/g;

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", quot: '"', amp: "&" };

const decode = (_: string, name: string) =>
  name.startsWith("#x") ? String.fromCodePoint(Number.parseInt(name.slice(2), 16)) : ENTITIES[name]!;

// Plain text of editor HTML for search indexing and feed summaries: scripts and other dropped content
// never reach the text, entities are decoded once and whitespace is collapsed.
export function htmlToText(html: string): string {
  // cleanHtml's output is well-formed with every "<" and ">" inside text and attributes escaped, so
  // tags can be removed with a pattern and only the entities it writes need decoding.
  return cleanHtml(html)
    .replace(BREAKING, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(lt|gt|quot|amp|#x[0-9a-f]{1,6});/g, decode)
    .replace(/\s+/g, " ")
    .trim()
    .normalize("NFC");
}
