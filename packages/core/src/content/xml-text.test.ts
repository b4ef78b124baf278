import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rfc3339, rfc822, xmlAttribute, xmlText } from "./xml-text.ts";

describe("xmlText", () => {
  it("escapes the five markup characters", () => {
    expect(xmlText(`Tom & Jerry <b> "quoted" 'single'`)).toBe("Tom &amp; Jerry &lt;b&gt; &quot;quoted&quot; &apos;single&apos;");
    expect(xmlText("]]>")).toBe("]]&gt;");
    expect(xmlText("&amp;")).toBe("&amp;amp;");
  });

  it("removes characters XML 1.0 cannot carry and keeps tabs, line breaks and astral characters", () => {
    expect(xmlText("a\u0000b\u0008c\u000bd\u001fe\ufffef\uffffg")).toBe("abcdefg");
    expect(xmlText("lone \ud800 high, lone \udc00 low")).toBe("lone  high, lone  low");
    expect(xmlText("t\tn\n😀")).toBe("t\tn\n😀");
  });

  it("writes line breaks as a parser will read them", () => {
    expect(xmlText("a\r\nb\rc\nd")).toBe("a\nb\nc\nd");
    expect(xmlAttribute("a\r\nb\tc & d")).toBe("a b c &amp; d");
  });

  it("returns Vietnamese in NFC", () => {
    expect(xmlText("Đắk Lắk".normalize("NFD"))).toBe("Đắk Lắk".normalize("NFC"));
  });

  it("never lets a markup or forbidden character through (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 50 }), (text) => {
        const out = xmlText(text);
        // eslint-disable-next-line no-control-regex -- the test looks for forbidden controls
        expect(out).not.toMatch(/[<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
        expect(out).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
        expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("dates", () => {
  const date = new Date(Date.UTC(2025, 6, 1, 3, 4, 5, 678));

  it("writes RFC 822 for RSS in GMT", () => {
    expect(rfc822(date)).toBe("Tue, 01 Jul 2025 03:04:05 GMT");
  });

  it("writes RFC 3339 in UTC without fractions", () => {
    expect(rfc3339(date)).toBe("2025-07-01T03:04:05Z");
  });

  it("refuses an invalid date instead of writing 'Invalid Date'", () => {
    expect(() => rfc822(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => rfc3339(new Date("not a date"))).toThrow(RangeError);
  });
});
