import { describe, expect, it } from "vitest";
import { localized } from "./localized.ts";
import { resources } from "./index.ts";

describe("localized", () => {
  it("returns the requested language when present", () => {
    expect(localized({ vi: "Tin tức", en: "News" }, "en")).toEqual({ text: "News", fallback: false });
  });
  it("falls back to Vietnamese and says so", () => {
    expect(localized({ vi: "Tin tức", en: "News" }, "zh")).toEqual({ text: "Tin tức", fallback: true });
  });
  it("never marks Vietnamese as a fallback", () => {
    expect(localized({ vi: "Tin tức" }, "vi")).toEqual({ text: "Tin tức", fallback: false });
  });
});

describe("resources", () => {
  const keys = (o: object, prefix = ""): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
  it("every language has every key of Vietnamese", () => {
    const vi = keys(resources.vi.common).sort();
    expect(keys(resources.en.common).sort()).toEqual(vi);
    expect(keys(resources.zh.common).sort()).toEqual(vi);
  });
  it("Vietnamese text is NFC", () => {
    const json = JSON.stringify(resources);
    expect(json).toBe(json.normalize("NFC"));
  });
});
