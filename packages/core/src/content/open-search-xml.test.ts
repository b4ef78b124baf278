import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { OPEN_SEARCH_SHORT_NAME_MAX, openSearchXml } from "./open-search-xml.ts";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false });
const TEMPLATE = "https://quang-ninh.cong.gov.vn/tim-kiem?q={searchTerms}&lang=vi";

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).OpenSearchDescription;
}

describe("openSearchXml", () => {
  it("describes the search page as OpenSearch 1.1", () => {
    const description = parse(
      openSearchXml({
        shortName: "Quảng Ninh",
        description: "Tìm văn bản, tin tức & thủ tục",
        searchUrlTemplate: TEMPLATE,
        language: "vi",
        image: { url: "https://quang-ninh.cong.gov.vn/favicon.ico", width: 16, height: 16, type: "image/x-icon" },
      }),
    );
    expect(description["@_xmlns"]).toBe("http://a9.com/-/spec/opensearch/1.1/");
    expect(description.ShortName).toBe("Quảng Ninh");
    expect(description.Description).toBe("Tìm văn bản, tin tức & thủ tục");
    expect(description.InputEncoding).toBe("UTF-8");
    expect(description.Language).toBe("vi");
    expect(description.Url).toEqual({ "@_type": "text/html", "@_method": "get", "@_template": TEMPLATE });
    expect(description.Image).toEqual({
      "#text": "https://quang-ninh.cong.gov.vn/favicon.ico",
      "@_width": "16",
      "@_height": "16",
      "@_type": "image/x-icon",
    });
  });

  it("cuts a short name to 16 characters, counting Vietnamese letters as one each", () => {
    const description = parse(
      openSearchXml({ shortName: "Cổng TTĐT tỉnh Quảng Ninh".normalize("NFD"), description: "d", searchUrlTemplate: TEMPLATE, language: "vi" }),
    );
    expect(description.ShortName).toBe("Cổng TTĐT tỉnh Q");
    expect([...description.ShortName]).toHaveLength(OPEN_SEARCH_SHORT_NAME_MAX);
    expect(description.Image).toBeUndefined();
  });

  it("refuses a template without {searchTerms}, which no browser could use", () => {
    expect(() =>
      openSearchXml({ shortName: "x", description: "d", searchUrlTemplate: "https://a.vn/tim-kiem?q=", language: "en" }),
    ).toThrow(/searchTerms/);
  });
});
