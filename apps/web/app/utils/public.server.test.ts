// The citizen pages' server helpers: filters refused with the field named, view models that never turn
// an editor's stored address into a script link, and heads that announce the feeds.
import { describe, expect, it } from "vitest";
import type { PublicItem } from "@cong/core";
import { lngQuery, parseListFilter, portalHead, toCard, toItemView, webUrl, type Portal } from "./public.server.ts";

const TZ = "Asia/Ho_Chi_Minh";

const params = (query: string) => new URLSearchParams(query);

describe("parseListFilter", () => {
  it("accepts a documents filter and drops empty fields", () => {
    const r = parseListFilter(params("form=Quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh&issuer=&from=2021-01-01&to=2021-12-31&page=2"), { documents: true });
    expect(r).toMatchObject({ ok: true, filter: { form: "Quyết định", from: "2021-01-01", to: "2021-12-31", page: 2 } });
    expect(r.ok && r.filter.issuer).toBeUndefined();
  });

  it("names the date field that is not a date, including impossible days", () => {
    expect(parseListFilter(params("from=15/10/2021"), { documents: true })).toEqual({ ok: false, errors: { from: ["public.filter.dateInvalid"] }, input: { from: "15/10/2021" } });
    expect(parseListFilter(params("to=2021-02-30"), { documents: true })).toMatchObject({ ok: false, errors: { to: ["public.filter.dateInvalid"] } });
  });

  it("refuses a reversed range on the end date", () => {
    expect(parseListFilter(params("from=2021-10-15&to=2021-10-01"), { documents: true })).toMatchObject({ ok: false, errors: { to: ["public.filter.rangeReversed"] } });
    expect(parseListFilter(params("from=2021-10-15&to=2021-10-15"), { documents: true }).ok).toBe(true);
  });

  it("refuses a sub-category the section does not have, and over-long values", () => {
    expect(parseListFilter(params("category=khac"), { documents: false, categories: ["tinh"] })).toMatchObject({ ok: false, errors: { category: ["public.filter.unknownCategory"] } });
    expect(parseListFilter(params(`issuer=${"x".repeat(300)}`), { documents: true })).toMatchObject({ ok: false, errors: { issuer: ["public.filter.tooLong"] } });
  });

  it("refuses control characters the database would choke on", () => {
    expect(parseListFilter(params("form=%00&page=%00"), { documents: true })).toMatchObject({ ok: false, errors: { form: ["public.filter.invalid"] } });
  });

  it("ignores the document filters on other sections, and a bad page number", () => {
    const r = parseListFilter(params("from=nonsense&form=x&page=abc&category=tinh"), { documents: false, categories: ["tinh"] });
    expect(r).toEqual({ ok: true, filter: { page: 1, category: "tinh" }, input: { page: "abc", category: "tinh" } });
  });
});

const item = (over: Partial<PublicItem> = {}): PublicItem => ({
  id: "11111111-1111-4111-8111-111111111111",
  slug: "quyet-dinh-3591",
  sectionSlug: "van-ban-chi-dao",
  sectionNames: { vi: "Văn bản chỉ đạo", en: "Directive documents" },
  kind: "document",
  title: "Quyết định 3591/QĐ-UBND",
  summary: "Ban hành Quy định",
  body: null,
  locale: "en",
  fallback: false,
  publishedAt: new Date("2021-10-15T01:00:00Z"),
  updatedAt: new Date("2021-10-15T01:00:00Z"),
  mediaUrl: null,
  cover: null,
  file: { id: "22222222-2222-4222-8222-222222222222", fileName: "3591 QĐ.pdf", mime: "application/pdf", size: 1_572_864 },
  categorySlug: "tinh",
  agency: null,
  doc: { form: "Quyết định", number: "3591/QĐ-UBND", issuer: "UBND tỉnh", signer: null, issuedOn: "2021-10-15", effectiveOn: null, expiresOn: null, status: "in-force", field: null },
  ...over,
});

describe("view models", () => {
  it("dates show in Vietnam and documents' days as written", () => {
    const card = toCard(item({ publishedAt: new Date("2021-10-14T18:30:00Z") }), "vi", TZ);
    expect(card.published).toBe("15/10/2021 01:30");
    expect(card.doc?.issuedOn).toBe("15/10/2021");
    expect(card.href).toBe("/van-ban-chi-dao/quyet-dinh-3591");
  });

  it("links only to web addresses", () => {
    expect(toCard(item({ kind: "link", mediaUrl: "javascript:alert(1)" }), "vi", TZ).external).toBeNull();
    expect(toCard(item({ kind: "link", mediaUrl: "https://dichvucong.gov.vn/" }), "vi", TZ).external).toBe("https://dichvucong.gov.vn/");
    expect(webUrl("//evil.example")).toBeNull();
  });

  it("takes the default language's body when the translation has none, and says so", () => {
    const vi = item({ locale: "vi", body: "<p>Toàn văn</p>" });
    const view = toItemView(item(), "en", TZ, null, vi);
    expect(view).toMatchObject({ body: "<p>Toàn văn</p>", bodyLang: "vi", bodyFallback: true, fallback: false });
    expect(view.file).toEqual({ href: "/files/22222222-2222-4222-8222-222222222222/3591%20Q%C4%90.pdf", name: "3591 QĐ.pdf", size: "1.5 MB", mime: "application/pdf" });
    expect(toItemView(item({ body: "<p>Full text</p>" }), "en", TZ, null, vi)).toMatchObject({ body: "<p>Full text</p>", bodyLang: "en", bodyFallback: false });
  });

  it("plays an uploaded video and links an official one", () => {
    const file = { id: "33333333-3333-4333-8333-333333333333", fileName: "clip.mp4", mime: "video/mp4", size: 10 };
    expect(toItemView(item({ kind: "video", doc: null, file }), "vi", TZ, null, null).video).toEqual({ src: "/files/33333333-3333-4333-8333-333333333333/clip.mp4", type: "video/mp4" });
    const linked = toItemView(item({ kind: "video", doc: null, file: null, mediaUrl: "https://www.youtube.com/watch?v=x" }), "vi", TZ, null, null);
    expect(linked).toMatchObject({ video: null, videoSource: "https://www.youtube.com/watch?v=x" });
  });
});

describe("portalHead", () => {
  const tenant = { id: "t", slug: "quang-ninh", name: { vi: "Quảng Ninh" }, portalTitle: { vi: "Cổng Quảng Ninh", en: "Quang Ninh Portal" }, defaultLocale: "vi" as const, locales: ["vi" as const, "en" as const], colors: { primary: "#000000" }, timeZone: "Asia/Ho_Chi_Minh", mapOrigins: [] };
  const portal = (locale: "vi" | "en"): Portal => ({
    tenant,
    home: {} as Portal["home"],
    locale,
    t: ((key: string, o?: Record<string, string>) => `${key}|${Object.values(o ?? {}).join("|")}`) as unknown as Portal["t"],
    origin: "http://quang-ninh.localhost:3000",
    lng: lngQuery(locale, tenant),
  });

  it("announces the portal's feeds, the section's on its pages, and search; in the page's language", () => {
    const head = portalHead(portal("en"), { path: "/van-ban", title: "Documents", section: { slug: "van-ban", names: { vi: "Văn bản", en: "Documents" } } });
    expect(head.title).toBe("Documents – Quang Ninh Portal");
    expect(head.canonical).toBe("http://quang-ninh.localhost:3000/van-ban");
    expect(head.rss.map((l) => l.href)).toEqual(["/rss.xml?lng=en", "/van-ban/rss.xml?lng=en"]);
    expect(head.atom.map((l) => l.href)).toEqual(["/atom.xml?lng=en", "/van-ban/atom.xml?lng=en"]);
    expect(head.search.href).toBe("/opensearch.xml?lng=en");
    expect(portalHead(portal("vi"), { path: "/" }).rss.map((l) => l.href)).toEqual(["/rss.xml"]);
  });
});
