// The generic reader behind every configuration form: names by pack path become nested data, and a
// problem at a pack path finds the field the admin typed in.
import { describe, expect, it } from "vitest";
import { fieldNames, formInput, localizedInput, nearestField, num, optionalLocalizedInput } from "./form-input.ts";

describe("formInput", () => {
  it("nests dotted and indexed names, makes repeated names lists and leaves out the CSRF token", () => {
    const input = formInput([
      ["_csrf", "t"],
      ["version", "v"],
      ["names.vi", "Tin tức"],
      ["categories[1].slug", "trong-nuoc"],
      ["categories[0].slug", "the-gioi"],
      ["locales.offered", "vi"],
      ["locales.offered", "en"],
      ["__proto__.polluted", "yes"],
    ]);
    expect(input).toEqual({ names: { vi: "Tin tức" }, categories: [{ slug: "the-gioi" }, { slug: "trong-nuoc" }], locales: { offered: ["vi", "en"] } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(fieldNames(input)).toEqual(["names.vi", "categories[0].slug", "categories[1].slug", "locales.offered"]);
  });
});

describe("nearestField", () => {
  const fields = ["names.vi", "names.en", "domains", "locales.offered", "duties[0].deadline.times"];
  it("finds the field itself, the field holding a list entry, or the first field of a text", () => {
    expect(nearestField("names.en", fields)).toBe("names.en");
    expect(nearestField("domains[2]", fields)).toBe("domains");
    expect(nearestField("duties[0].deadline.times[1]", fields)).toBe("duties[0].deadline.times");
    expect(nearestField("names", fields)).toBe("names.vi");
    expect(nearestField("matrix[3].agency", fields)).toBeNull();
    // "name" is not "names": a prefix must end at a separator.
    expect(nearestField("name", fields)).toBeNull();
  });
});

describe("value readers", () => {
  it("keep what the schema must refuse, so it is refused by name rather than dropped", () => {
    expect(num("12")).toBe(12);
    expect(num("")).toBeUndefined();
    expect(num("mười")).toBe("mười");
    expect(localizedInput({ vi: " Tin ", en: "" }, ["vi", "en"], { vi: "x", zh: "新闻" })).toEqual({ zh: "新闻", vi: "Tin", en: "" });
    expect(optionalLocalizedInput({ vi: "", en: "" }, ["vi", "en"])).toBeUndefined();
  });
});
