import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanHtml, htmlToText, safeHref, safeImageSrc } from "./sanitize-html.ts";

const ALLOWED: Record<string, string[]> = {
  p: [], br: [], hr: [], h2: [], h3: [], h4: [], strong: [], b: [], em: [], i: [], u: [], s: [], sub: [],
  sup: [], blockquote: [], ul: [], ol: [], li: [], a: ["href", "title", "rel"], img: ["src", "alt", "width", "height"],
  figure: [], figcaption: [], table: [], thead: [], tbody: [], tr: [], th: ["scope", "colspan", "rowspan"],
  td: ["colspan", "rowspan"], caption: [], code: [], pre: [],
};

// Every tag and attribute in sanitized output, so a test can say "nothing outside the allowlist".
function markupOf(html: string) {
  return [...html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)].map(([, tag, rest]) => ({
    tag: tag!,
    attributes: [...rest!.matchAll(/\s([^\s=/]+)(?:="([^"]*)")?/g)].map(([, name, value]) => ({ name: name!, value })),
  }));
}

// As a browser reads an href (WHATWG URL): a scheme is letters up to the first ":", and a relative URL
// starting with two slashes of either kind leaves for another host.
function hrefIsSafe(attribute: string) {
  const href = attribute.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return /^(https?|mailto|tel):/i.test(href);
  return !/^[/\\]{2}/.test(href);
}

function expectOnlyAllowed(html: string) {
  for (const { tag, attributes } of markupOf(html)) {
    expect(Object.keys(ALLOWED), `tag <${tag}> in ${html}`).toContain(tag);
    for (const { name, value } of attributes) {
      expect(ALLOWED[tag], `${tag}[${name}] in ${html}`).toContain(name);
      if (name === "href") expect(hrefIsSafe(value ?? ""), `href="${value}"`).toBe(true);
      if (name === "src") expect(value).toMatch(/^(https:\/\/|\/files\/)/);
    }
  }
  expect(html).not.toMatch(/<\s*(script|style|iframe|object|embed|svg|math|form)/i);
}

describe("cleanHtml", () => {
  it("keeps allowed markup exactly as written", () => {
    const article = [
      "<h2>Thông báo</h2>",
      '<p>Xem <a href="https://quangninh.gov.vn/van-ban" title="Văn bản" rel="noopener noreferrer">văn bản</a>, ',
      '<a href="/thu-tuc?linh-vuc=dat-dai#muc-2">thủ tục</a>, <a href="mailto:vp@quangninh.gov.vn">thư</a>, ',
      '<a href="tel:+842033835555">điện thoại</a>.</p>',
      '<figure><img src="/files/qn/anh-1.png" alt="Ảnh" width="640" height="480" /><figcaption>Chú thích</figcaption></figure>',
      '<img src="https://cdn.example.vn/a.jpg" alt="" />',
      '<table><caption>Lịch</caption><thead><tr><th scope="col" colspan="2">Ngày</th></tr></thead>',
      '<tbody><tr><td rowspan="2">1</td><td>2</td></tr></tbody></table>',
      "<ul><li><strong>a</strong> <b>b</b> <em>c</em> <i>d</i> <u>e</u> <s>f</s> H<sub>2</sub>O x<sup>2</sup></li></ul>",
      "<ol><li>một</li></ol><blockquote>trích</blockquote><hr /><p>dòng<br />mới</p><pre><code>x &lt; y &amp;&amp; z</code></pre>",
      "<h3>Ba</h3><h4>Bốn</h4>",
    ].join("");
    expect(cleanHtml(article)).toBe(article);
  });

  it("removes script elements with their content, in any case", () => {
    expect(cleanHtml("<p>a</p><script>alert(1)</script><SCRIPT src=x.js></SCRIPT><p>b</p>")).toBe("<p>a</p><p>b</p>");
  });

  it("defeats a script tag split by another one", () => {
    const out = cleanHtml("<scr<script>ipt>alert(1)</script><p>ok</p>");
    expect(out).not.toMatch(/<script/i);
    expect(out).toContain("<p>ok</p>");
    expectOnlyAllowed(out);
  });

  it("drops event handlers and an image whose source is not allowed", () => {
    expect(cleanHtml('<img src=x onerror="alert(1)">')).toBe("");
    expect(cleanHtml('<img src="/files/a.png" onerror="alert(1)" onload=alert(2)>')).toBe('<img src="/files/a.png" />');
    expect(cleanHtml('<p onclick="steal()" onmouseover=x>chữ</p>')).toBe("<p>chữ</p>");
  });

  it("drops javascript: links however they are spelled", () => {
    for (const href of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "&#106;avascript:alert(1)",
      "&#x6A;&#x61;vascript&colon;alert(1)",
      "jav&#x09;ascript:alert(1)",
      "&#0000106&#0000097vascript:alert(1)",
      "vbscript:msgbox(1)",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    ]) {
      expect(cleanHtml(`<a href="${href}">bấm</a>`), href).toBe("<a>bấm</a>");
    }
  });

  it("drops svg, math, iframe, object, embed and forms with everything inside them", () => {
    expect(cleanHtml('<svg onload="alert(1)"><circle r="1"/><text>svg chữ</text></svg>x')).toBe("x");
    expect(cleanHtml('<math><mi xlink:href="javascript:alert(1)">m</mi></math>x')).toBe("x");
    expect(cleanHtml('<iframe src="https://evil.example"><p>fallback</p></iframe>x')).toBe("x");
    expect(cleanHtml('<object data="x.swf"><embed src="x.swf"></object>x')).toBe("x");
    expect(cleanHtml('<form action="https://evil.example"><input name=p><button>Gửi</button></form>x')).toBe("x");
    expect(cleanHtml("<style>body{display:none}</style>x")).toBe("x");
  });

  it("drops style, class and id attributes", () => {
    expect(cleanHtml('<p style="background:url(javascript:alert(1))" class="big" id="main">a</p>')).toBe("<p>a</p>");
  });

  it("accepts images only from /files/ or https", () => {
    expect(cleanHtml('<img src="data:image/png;base64,iVBORw0KGgo=" alt="x">')).toBe("");
    expect(cleanHtml('<img src="http://example.vn/a.png">')).toBe("");
    expect(cleanHtml('<img src="//example.vn/a.png">')).toBe("");
    expect(cleanHtml('<img src="/uploads/a.png">')).toBe("");
    expect(cleanHtml('<img src="javascript:alert(1)">')).toBe("");
    expect(cleanHtml('<img src="/files/a.png" width="100%" height="expression(1)">')).toBe('<img src="/files/a.png" />');
  });

  it("drops protocol-relative links, which would leave the site with the page's scheme", () => {
    expect(cleanHtml('<a href="//evil.example/x">a</a>')).toBe("<a>a</a>");
    expect(cleanHtml('<a href="/\\evil.example/x">a</a>')).toBe("<a>a</a>");
    expect(cleanHtml('<a href="\\\\evil.example/x">a</a>')).toBe("<a>a</a>");
  });

  it("marks external links noopener noreferrer, replacing whatever rel the editor wrote", () => {
    expect(cleanHtml('<a href="https://example.vn" rel="opener" target="_blank">x</a>')).toBe(
      '<a href="https://example.vn" rel="noopener noreferrer">x</a>',
    );
    expect(cleanHtml('<a href="/lien-he" rel="opener">x</a>')).toBe('<a href="/lien-he">x</a>');
  });

  it("normalizes Vietnamese text and attribute values to NFC", () => {
    const nfd = "Qua\u0309ng Ninh".normalize("NFD");
    expect(nfd).not.toBe(nfd.normalize("NFC"));
    expect(cleanHtml(`<p title="${nfd}">${nfd}</p>`)).toBe("<p>Quảng Ninh</p>");
    expect(cleanHtml(`<a href="/x" title="${nfd}">${nfd}</a>`)).toBe('<a href="/x" title="Quảng Ninh">Quảng Ninh</a>');
    expect(cleanHtml("<p>Qua&#x309;ng Ninh</p>")).toBe("<p>Quảng Ninh</p>");
  });

  it("keeps a combining mark after a tag from fusing with the tag under NFC", () => {
    const out = cleanHtml("<p>\u0338x</p>");
    expect(out).toBe("<p>&#x338;x</p>");
    expect(out.normalize("NFC")).toBe(out);
  });

  it("unwraps unknown elements but keeps their text, and maps h1/h5/h6 onto allowed headings", () => {
    expect(cleanHtml("<div><span>chữ</span></div>")).toBe("chữ");
    expect(cleanHtml("<h1>Một</h1><h5>Năm</h5><h6>Sáu</h6>")).toBe("<h2>Một</h2><h4>Năm</h4><h4>Sáu</h4>");
  });

  it("escapes text so it stays text", () => {
    expect(cleanHtml("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    expect(cleanHtml('<p title="&quot;><script>alert(1)</script>">a</p>')).toBe("<p>a</p>");
    expect(cleanHtml('<a href="/x" title="&quot;><img src=x onerror=alert(1)>">a</a>')).toBe(
      '<a href="/x" title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">a</a>',
    );
  });

  // Not idempotence: on malformed input ("<p><e<p>") sanitize-html may nest elements a second pass
  // unnests, harmless but not a fixed point. Well-formed input is covered by the first test.
  it("never lets anything outside the allowlist through and returns NFC (property)", () => {
    const piece = fc.constantFrom(
      "<p>", "</p>", "<a href='javascript:alert(1)'>", "<a href='//evil'>", "<a href='https://x.vn'>", "</a>",
      "<img src=x onerror=alert(1)>", "<img src='/files/a.png'>", "<script>", "</script>", "<svg onload=alert(1)>",
      "<iframe>", "</iframe>", "<style>", "<b>", "</b>", "<table><tr><td>", "<!--", "-->", "<![CDATA[", "]]>",
      "<", ">", "\"", "'", "&", "&lt;", "&#x338;", "\u0301", "\u0338", "e", "Đắk Lắk", " ", "=", "/", "<noscript>",
      "<textarea>", "</textarea>", "<math>", "<xmp>", "<p title='", "<a href=\"", "&#106;avascript:", "<li>",
      "</ul>", "\n", "<br/>", "<h1>",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const out = cleanHtml(pieces.join(""));
        expectOnlyAllowed(out);
        expect(out.normalize("NFC")).toBe(out);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("safeHref and safeImageSrc", () => {
  it("keep allowed schemes and relative paths and refuse the rest", () => {
    expect(safeHref("https://a.vn/x")).toBe("https://a.vn/x");
    expect(safeHref("  /x\n")).toBe("/x");
    expect(safeHref("tai-lieu/1")).toBe("tai-lieu/1");
    expect(safeHref("ftp://a.vn")).toBeNull();
    expect(safeHref("//a.vn")).toBeNull();
    expect(safeHref("")).toBeNull();
    expect(safeImageSrc("/files/a/b.png")).toBe("/files/a/b.png");
    expect(safeImageSrc("/files/../admin")).toBeNull();
    expect(safeImageSrc("https://a.vn/b.png")).toBe("https://a.vn/b.png");
    expect(safeImageSrc("https:/\\a.vn/b.png")).toBeNull();
  });
});

describe("htmlToText", () => {
  it("gives the text a reader sees, words separated across blocks", () => {
    expect(htmlToText("<h2>Tiêu đề</h2><p>Đoạn <strong>một</strong></p><ul><li>a</li><li>b</li></ul>")).toBe(
      "Tiêu đề Đoạn một a b",
    );
    expect(htmlToText("<p>dòng<br>mới</p><table><tr><td>1</td><td>2</td></tr></table>")).toBe("dòng mới 1 2");
  });

  it("decodes entities exactly once", () => {
    expect(htmlToText("<p>a &amp; b &lt;c&gt; &quot;d&quot; &amp;lt; x&nbsp;y</p>")).toBe('a & b <c> "d" &lt; x y');
  });

  it("leaves out scripts, styles and other dropped content", () => {
    expect(htmlToText("<p>a</p><script>var secret = 1</script><style>p{}</style><svg><text>s</text></svg>b")).toBe("a b");
  });

  it("collapses whitespace and returns NFC", () => {
    expect(htmlToText("  <p>\n  Qua\u0309ng\t\tNinh  </p>\n")).toBe("Quảng Ninh");
    expect(htmlToText("<b>e</b>\u0301")).toBe("é");
  });
});
