// The read API's parameters: keys, languages and sections are checked before any query runs.
import { describe, expect, it } from "vitest";
import type { TenantSummary } from "@cong/core";
import { apiQuery, filterErrors, parseItemKey } from "./public-api.server.ts";

const tenant: TenantSummary = { id: "t", slug: "nghe-an", name: { vi: "Nghệ An" }, portalTitle: { vi: "Cổng" }, defaultLocale: "vi", locales: ["vi"], colors: { primary: "#000000" }, timeZone: "Asia/Ho_Chi_Minh", mapOrigins: [] };

describe("public API parameters", () => {
  it("reads an item key as two slugs and nothing else", () => {
    expect(parseItemKey("van-ban~quyet-dinh-3691")).toEqual({ section: "van-ban", item: "quyet-dinh-3691" });
    for (const bad of ["van-ban", "a~b~c", "Van~x", "../x~y", "", undefined]) expect(parseItemKey(bad)).toBeNull();
  });

  it("refuses a language the portal does not offer and a malformed section, naming them", async () => {
    const refused = apiQuery(new URLSearchParams("locale=en&section=Bad Slug"), tenant);
    expect(refused).toBeInstanceOf(Response);
    const body = await (refused as Response).json();
    expect((refused as Response).status).toBe(400);
    expect(Object.keys(body.fields)).toEqual(["locale", "section"]);
    expect(apiQuery(new URLSearchParams(""), tenant)).toEqual({ locale: "vi", section: null });
  });

  it("explains a refused filter in English by its parameter", async () => {
    const response = filterErrors({ from: ["public.filter.dateInvalid"] });
    expect(response.status).toBe(400);
    expect((await response.json()).fields.from[0]).toMatch(/^from: not a valid date/);
  });
});
