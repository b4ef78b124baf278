import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldVietnamese, MAX_QUERY_TERMS, MAX_TERM_LENGTH, searchTerms, toTsQuery } from "./search-text.ts";

const VIETNAMESE_LETTERS = [..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"];
const TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];

// Vietnamese-looking words: letters with random tone marks, composed (NFC) like stored text.
const vietnameseWord = fc
  .array(fc.tuple(fc.constantFrom(...VIETNAMESE_LETTERS), fc.constantFrom(...TONES)), { minLength: 1, maxLength: 7 })
  .map((pairs) => pairs.map(([letter, tone]) => letter + tone).join("").normalize("NFC"));
const vietnameseText = fc.array(vietnameseWord, { minLength: 1, maxLength: 6 }).map((words) => words.join(" "));

describe("foldVietnamese", () => {
  it("folds case, diacritics and đ so that all spellings of a name meet", () => {
    expect(foldVietnamese("Quảng Ninh")).toBe("quang ninh");
    expect(foldVietnamese("quang ninh")).toBe("quang ninh");
    expect(foldVietnamese("QUẢNG NINH")).toBe("quang ninh");
    expect(foldVietnamese("QUANG NINH")).toBe("quang ninh");
    expect(foldVietnamese("Đắk Lắk")).toBe("dak lak");
    expect(foldVietnamese("Thừa Thiên Huế")).toBe("thua thien hue");
    expect(foldVietnamese("Bà Rịa – Vũng Tàu")).toBe("ba ria – vung tau");
  });

  it("treats NFD input like NFC input", () => {
    const nfd = "Quảng Ninh".normalize("NFD");
    expect(nfd).not.toBe("Quảng Ninh");
    expect(foldVietnamese(nfd)).toBe("quang ninh");
  });

  it("collapses and trims whitespace of every kind", () => {
    expect(foldVietnamese("  Hà\u00a0\u00a0Nội \n\t Mới ")).toBe("ha noi moi");
  });

  it("loses the dot a lower-cased İ would carry", () => {
    expect(foldVietnamese("İ")).toBe("i");
  });

  it("is idempotent on any string (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        const once = foldVietnamese(text);
        expect(foldVietnamese(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it("gives every spelling of Vietnamese text the same plain a-z fold (property)", () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        const folded = foldVietnamese(text);
        expect(folded).toMatch(/^[a-z]+( [a-z]+)*$/);
        expect(foldVietnamese(text.toUpperCase())).toBe(folded);
        expect(foldVietnamese(text.normalize("NFD"))).toBe(folded);
      }),
    );
  });
});

describe("toTsQuery", () => {
  it("ANDs the folded words and prefix-matches the last one", () => {
    expect(toTsQuery("Quảng Ninh")).toBe("quang & ninh:*");
    expect(toTsQuery("thủ tục đất đai")).toBe("thu & tuc & dat & dai:*");
    expect(toTsQuery("covid-19")).toBe("covid & 19:*");
    expect(toTsQuery("  HÀ  ")).toBe("ha:*");
    expect(toTsQuery("Quảng Ninh", { weight: "A" })).toBe("quang:A & ninh:*A");
  });

  it("returns null when there is nothing to search for", () => {
    for (const query of ["", "   ", "!!!", "&|:*()", "’“”", "中文"]) expect(toTsQuery(query), query).toBeNull();
  });

  it("drops operators, quotes and injection attempts, keeping only the words", () => {
    expect(toTsQuery("a & b | !c")).toBe("a & b & c:*");
    expect(toTsQuery("x') OR 1=1; --")).toBe("x & or & 1 & 1:*");
    expect(toTsQuery("quang:* <-> ninh")).toBe("quang & ninh:*");
    expect(toTsQuery("\\'\"")).toBeNull();
  });

  it("caps the number of terms and ignores overlong ones", () => {
    const many = Array.from({ length: 30 }, (_, index) => `w${index}`).join(" ");
    expect(searchTerms(many)).toHaveLength(MAX_QUERY_TERMS);
    expect(toTsQuery(`${"x".repeat(MAX_TERM_LENGTH + 1)} ninh`)).toBe("ninh:*");
    expect(toTsQuery("x".repeat(MAX_TERM_LENGTH))).toBe(`${"x".repeat(MAX_TERM_LENGTH)}:*`);
  });

  it("only ever produces plain terms joined by & with a final :* (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), vietnameseText), (query) => {
        const result = toTsQuery(query);
        if (result === null) {
          expect(searchTerms(query)).toEqual([]);
          return;
        }
        expect(result).toMatch(/^[a-z0-9]+( & [a-z0-9]+)*:\*$/);
        expect(result).not.toMatch(/[^a-z0-9 &:*]/);
      }),
      { numRuns: 3000 },
    );
  });

  it("finds Vietnamese text however the query is spelled (property)", () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        const query = toTsQuery(text.toUpperCase().normalize("NFD"));
        expect(query).toBe(`${foldVietnamese(text).split(" ").join(" & ")}:*`);
      }),
    );
  });
});
