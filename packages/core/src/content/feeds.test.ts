import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { atomFeed, rssFeed, type Feed } from "./feeds.ts";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ["item", "entry", "category", "link"].includes(name),
});

// Parsed document, after checking it is well-formed XML.
function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  return parser.parse(xml);
}

const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

const TRICKY_TITLE = `Tom & Jerry <script>alert("x")</script> 'trích' "dẫn" – Quảng Ninh`;

const feed: Feed = {
  title: "Tin tức – Cổng TTĐT tỉnh Quảng Ninh",
  description: "Tin & thông báo <mới nhất>",
  link: "https://quang-ninh.cong.gov.vn/tin-tuc",
  selfUrl: "https://quang-ninh.cong.gov.vn/tin-tuc/rss.xml?lang=vi&v=2",
  language: "vi",
  updated: new Date(Date.UTC(2025, 6, 2, 8, 30, 0)),
  items: [
    {
      title: TRICKY_TITLE,
      link: "https://quang-ninh.cong.gov.vn/tin-tuc/123?a=1&b=2",
      id: "tag:quang-ninh.cong.gov.vn,2025:item/123",
      published: new Date(Date.UTC(2025, 6, 1, 1, 0, 0)),
      updated: new Date(Date.UTC(2025, 6, 2, 2, 0, 0)),
      summary: "Tóm tắt: 5 < 6 & 7 > 3",
      author: "Văn phòng UBND tỉnh",
      categories: ["Thời sự", "Kinh tế & Xã hội"],
    },
    {
      title: "Thông báo nghỉ lễ",
      link: "https://quang-ninh.cong.gov.vn/tin-tuc/124",
      id: "https://quang-ninh.cong.gov.vn/tin-tuc/124",
      published: new Date(Date.UTC(2025, 5, 30, 23, 0, 0)),
      updated: new Date(Date.UTC(2025, 5, 30, 23, 0, 0)),
      summary: "Nghỉ lễ 2/9.",
    },
  ],
};

describe("rssFeed", () => {
  it("is RSS 2.0 with the channel's title, link, language, self link and build date", () => {
    const { rss } = parse(rssFeed(feed));
    expect(rss["@_version"]).toBe("2.0");
    const channel = rss.channel;
    expect(channel.title).toBe(feed.title);
    expect(channel.description).toBe(feed.description);
    expect(channel.link).toEqual([feed.link]);
    expect(channel.language).toBe("vi");
    expect(channel.lastBuildDate).toMatch(RFC_822);
    expect(new Date(channel.lastBuildDate).getTime()).toBe(feed.updated.getTime());
    expect(channel["atom:link"]).toMatchObject({ "@_href": feed.selfUrl, "@_rel": "self", "@_type": "application/rss+xml" });
  });

  it("carries each item with escaped text, RFC 822 dates, guid, author and categories", () => {
    const [first, second] = parse(rssFeed(feed)).rss.channel.item;
    expect(first.title).toBe(TRICKY_TITLE);
    expect(first.link).toEqual([feed.items[0]!.link]);
    expect(first.guid).toEqual({ "#text": feed.items[0]!.id, "@_isPermaLink": "false" });
    expect(first.pubDate).toMatch(RFC_822);
    expect(new Date(first.pubDate).getTime()).toBe(feed.items[0]!.published.getTime());
    expect(first.description).toBe("Tóm tắt: 5 < 6 & 7 > 3");
    expect(first["dc:creator"]).toBe("Văn phòng UBND tỉnh");
    expect(first.category).toEqual(["Thời sự", "Kinh tế & Xã hội"]);
    expect(second.guid).toEqual({ "#text": feed.items[1]!.link, "@_isPermaLink": "true" });
    expect(second["dc:creator"]).toBeUndefined();
    expect(second.category).toBeUndefined();
  });

  it("writes no raw markup from the data", () => {
    const xml = rssFeed(feed);
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("&lt;script&gt;");
  });

  it("is an empty but valid channel without items", () => {
    const { rss } = parse(rssFeed({ ...feed, items: [] }));
    expect(rss.channel.item).toBeUndefined();
  });
});

describe("atomFeed", () => {
  it("is Atom 1.0 with id, links, RFC 3339 updated, language and a feed author", () => {
    const { feed: parsed } = parse(atomFeed(feed));
    expect(parsed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(parsed["@_xml:lang"]).toBe("vi");
    expect(parsed.title["#text"]).toBe(feed.title);
    expect(parsed.subtitle["#text"]).toBe(feed.description);
    expect(parsed.id).toBe(feed.selfUrl);
    expect(parsed.link).toEqual([
      { "@_rel": "alternate", "@_type": "text/html", "@_href": feed.link },
      { "@_rel": "self", "@_type": "application/atom+xml", "@_href": feed.selfUrl },
    ]);
    expect(parsed.updated).toBe("2025-07-02T08:30:00Z");
    expect(parsed.author.name).toBe(feed.title);
    const named = parse(atomFeed({ ...feed, author: "UBND tỉnh Quảng Ninh" })).feed;
    expect(named.author.name).toBe("UBND tỉnh Quảng Ninh");
  });

  it("carries each entry with escaped text and RFC 3339 dates", () => {
    const [first, second] = parse(atomFeed(feed)).feed.entry;
    expect(first.title["#text"]).toBe(TRICKY_TITLE);
    expect(first.id).toBe(feed.items[0]!.id);
    expect(first.link).toEqual([{ "@_rel": "alternate", "@_type": "text/html", "@_href": feed.items[0]!.link }]);
    expect(first.published).toMatch(RFC_3339);
    expect(first.published).toBe("2025-07-01T01:00:00Z");
    expect(first.updated).toBe("2025-07-02T02:00:00Z");
    expect(first.summary["#text"]).toBe("Tóm tắt: 5 < 6 & 7 > 3");
    expect(first.author.name).toBe("Văn phòng UBND tỉnh");
    expect(first.category).toEqual([{ "@_term": "Thời sự" }, { "@_term": "Kinh tế & Xã hội" }]);
    expect(second.author).toBeUndefined();
  });
});

describe("both formats", () => {
  it("stay well-formed and round-trip any title, in NFC and without characters XML forbids (property)", () => {
    // What a conforming parser reads back: forbidden characters gone, line breaks as "\n" (and as spaces
    // inside attribute values), NFC.
    const clean = (text: string) =>
      text
        .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "")
        .replace(/\r\n?/g, "\n")
        .normalize("NFC");
    const cleanAttribute = (text: string) => clean(text).replace(/[\t\n]/g, " ");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }), (title, category) => {
        const item = { ...feed.items[0]!, title, summary: title, categories: [category] };
        const input = { ...feed, title, items: [item] };
        const rss = parse(rssFeed(input)).rss.channel;
        expect(rss.title).toBe(clean(title));
        expect(rss.item[0].title).toBe(clean(title));
        expect(rss.item[0].category ?? [""]).toEqual([clean(category)]);
        const atom = parse(atomFeed(input)).feed;
        expect(atom.title["#text"] ?? "").toBe(clean(title));
        expect(atom.entry[0].category).toEqual([{ "@_term": cleanAttribute(category) }]);
      }),
      { numRuns: 500 },
    );
  });

  it("refuse an invalid date rather than publish a feed readers would reject", () => {
    const broken = { ...feed, updated: new Date(Number.NaN) };
    expect(() => rssFeed(broken)).toThrow(RangeError);
    expect(() => atomFeed(broken)).toThrow(RangeError);
  });
});
