// The page language only ever comes from the locales the site offers.
import { describe, expect, it } from "vitest";
import type { TenantSummary } from "@cong/core";
import type { Site } from "~/load-context";
import { getLocale, localeCookie, localeCookieHeader } from "./locale.server.ts";

const tenant = (slug: string, locales: TenantSummary["locales"]): Site => ({
  kind: "tenant",
  tenant: { id: "x", slug, name: { vi: slug }, portalTitle: { vi: slug }, defaultLocale: "vi", locales, colors: { primary: "#000000" }, timeZone: "Asia/Ho_Chi_Minh", mapOrigins: [] },
});
const quangNinh = tenant("quang-ninh", ["vi", "en", "zh"]);
const ngheAn = tenant("nghe-an", ["vi"]);

describe("getLocale", () => {
  it("opens in the tenant's default language, whatever the browser prefers", async () => {
    const request = new Request("http://quang-ninh.localhost/", { headers: { "Accept-Language": "en-US,en" } });
    expect(await getLocale(request, quangNinh)).toBe("vi");
  });

  it("follows ?lng= among the offered languages", async () => {
    expect(await getLocale(new Request("http://quang-ninh.localhost/?lng=zh"), quangNinh)).toBe("zh");
    expect(await getLocale(new Request("http://localhost/?lng=en"), { kind: "apex" })).toBe("en");
  });

  it("refuses a language the tenant does not offer, from the URL or a cookie", async () => {
    expect(await getLocale(new Request("http://nghe-an.localhost/?lng=en"), ngheAn)).toBe("vi");
    const cookie = await localeCookie.serialize("zh");
    expect(await getLocale(new Request("http://nghe-an.localhost/", { headers: { Cookie: cookie } }), ngheAn)).toBe("vi");
    expect(await getLocale(new Request("http://quang-ninh.localhost/", { headers: { Cookie: cookie } }), quangNinh)).toBe("zh");
  });

  it("remembers only an offered choice in the cookie", async () => {
    expect(await localeCookieHeader(new Request("http://quang-ninh.localhost/?lng=en"), quangNinh)).toMatch(/^lng=/);
    expect(await localeCookieHeader(new Request("http://nghe-an.localhost/?lng=en"), ngheAn)).toBeNull();
    expect(await localeCookieHeader(new Request("http://quang-ninh.localhost/"), quangNinh)).toBeNull();
  });
});
