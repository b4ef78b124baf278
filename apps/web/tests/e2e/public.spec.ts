// What citizens get from publishing: documents browsable and filterable, item pages with the document's
// details and the attribution line, search that ignores diacritics, feeds, sitemap, robots.txt,
// OpenSearch and the read API. The content is each province's own regulations, which the test server
// seeds as published documents (packages/core/src/items/seed-regulations.ts).
import { expect, test, type Page } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { direct, port, siteUrl } from "./fixtures";

const QN_DOCS = "/van-ban-chi-dao";
const QN_3591 = /3591\/QĐ-UBND/;
const QN_2187 = /2187\/2017\/QĐ-UBND/;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
  return errors;
}

/** The href of the Quảng Ninh 3591 decision's page, read from its documents section. */
async function path3591(page: Page): Promise<string> {
  await page.goto(siteUrl("quang-ninh", QN_DOCS));
  const href = await page.locator(".doc-table tbody tr", { hasText: QN_3591 }).getByRole("link").getAttribute("href");
  expect(href).toMatch(/^\/van-ban-chi-dao\/[a-z0-9-]+$/);
  return href!;
}

test("a documents section lists the regulations, and its filters narrow the list", async ({ page }) => {
  const errors = watchErrors(page);
  const response = await page.goto(siteUrl("quang-ninh", QN_DOCS));
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Văn bản chỉ đạo");
  const rows = page.locator(".doc-table tbody tr");
  await expect(page.locator(".doc-table thead")).toContainText("Số, ký hiệu");
  await expect(page.locator(".doc-table thead")).toContainText("Ngày ban hành");
  await expect(page.locator(".doc-table thead")).toContainText("Trích yếu");
  await expect(rows.filter({ hasText: QN_3591 })).toContainText("15/10/2021");
  await expect(rows.filter({ hasText: QN_3591 })).toContainText("Ban hành Quy định về việc vận hành Cổng thông tin COVID-19 tỉnh Quảng Ninh");
  await expect(rows.filter({ hasText: QN_2187 })).toHaveCount(1);
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);

  // By date of issue: 2021 onwards keeps the 2021 decision and drops the 2017 one, and the reverse.
  await page.getByLabel("Ban hành từ ngày").fill("2021-01-01");
  await page.getByRole("button", { name: "Lọc văn bản" }).click();
  await expect(page).toHaveURL(/from=2021-01-01/);
  await expect(rows.filter({ hasText: QN_3591 })).toHaveCount(1);
  await expect(rows.filter({ hasText: QN_2187 })).toHaveCount(0);
  await page.goto(siteUrl("quang-ninh", `${QN_DOCS}?to=2020-12-31`));
  await expect(rows.filter({ hasText: QN_2187 })).toHaveCount(1);
  await expect(rows.filter({ hasText: QN_3591 })).toHaveCount(0);

  // By sub-category: both are provincial documents, none is central.
  await page.goto(siteUrl("quang-ninh", `${QN_DOCS}?category=trung-uong`));
  await expect(rows).toHaveCount(0);
  await expect(page.getByText("Không có nội dung nào khớp với điều kiện lọc.")).toBeVisible();
  await page.goto(siteUrl("quang-ninh", `${QN_DOCS}?category=tinh`));
  await expect(rows.filter({ hasText: QN_3591 })).toHaveCount(1);

  // An invalid date is refused, naming the field, not a 500.
  const bad = await page.goto(siteUrl("quang-ninh", `${QN_DOCS}?from=15/10/2021`));
  expect(bad?.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("Ban hành từ ngày: ngày không hợp lệ");
  await expect(page.getByLabel("Ban hành từ ngày")).toHaveAttribute("aria-invalid", "true");
  expect((await page.goto(siteUrl("quang-ninh", `${QN_DOCS}?issuer=%00`)))?.status()).toBe(400);
  const impossible = await page.goto(siteUrl("quang-ninh", `${QN_DOCS}?to=2021-02-30`));
  expect(impossible?.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("Đến ngày: ngày không hợp lệ");
});

test("the documents filter narrows by form of document", async ({ page }) => {
  await page.goto(siteUrl("nghe-an", "/van-ban-dieu-hanh"));
  const rows = page.locator(".doc-table tbody tr");
  await expect(rows.filter({ hasText: "3691/QĐ-UBND" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "6581/UBND-TH" })).toHaveCount(1);
  await page.getByLabel("Hình thức văn bản").selectOption("Công văn");
  await page.getByRole("button", { name: "Lọc văn bản" }).click();
  await expect(page).toHaveURL(/form=C%C3%B4ng\+v%C4%83n/);
  await expect(rows.filter({ hasText: "6581/UBND-TH" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "3691/QĐ-UBND" })).toHaveCount(0);
  await expect(page.getByLabel("Hình thức văn bản")).toHaveValue("Công văn");
});

test("an item page shows the document's details, the attribution line and Open Graph", async ({ page }) => {
  const errors = watchErrors(page);
  const href = await path3591(page);
  const response = await page.goto(siteUrl("quang-ninh", href));
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quyết định 3591/QĐ-UBND: Ban hành Quy định về việc vận hành Cổng thông tin COVID-19 tỉnh Quảng Ninh");
  const details = page.getByRole("table", { name: "Thuộc tính văn bản" });
  const row = (label: string) => details.getByRole("row").filter({ has: page.getByRole("rowheader", { name: label, exact: true }) });
  await expect(row("Số, ký hiệu")).toContainText("3591/QĐ-UBND");
  await expect(row("Hình thức văn bản")).toContainText("Quyết định");
  await expect(row("Cơ quan ban hành")).toContainText("Ủy ban nhân dân tỉnh Quảng Ninh");
  await expect(row("Người ký")).toContainText("Phạm Văn Thành");
  await expect(row("Ngày ban hành")).toContainText("15/10/2021");
  await expect(row("Ngày có hiệu lực")).toContainText("15/10/2021");
  await expect(row("Loại văn bản")).toContainText("Văn bản của Tỉnh");
  // The full text, sanitized HTML rendered as such.
  await expect(page.locator(".item-body p").first()).toBeVisible();
  await expect(page.locator(".item-body")).toContainText("Điều 1");
  // 2187/2017 Điều 13: the source to credit, with the page's address.
  const attribution = page.locator(".item-attribution");
  await expect(attribution).toContainText("Nguồn: Cổng thông tin COVID-19 tỉnh Quảng Ninh (covid19.quangninh.gov.vn)");
  await expect(attribution).toContainText(siteUrl("quang-ninh", href));

  const meta = (property: string) => page.locator(`head meta[property="${property}"]`);
  await expect(meta("og:type")).toHaveAttribute("content", "article");
  await expect(meta("og:title")).toHaveAttribute("content", /^Quyết định 3591\/QĐ-UBND/);
  await expect(meta("og:description")).toHaveAttribute("content", "Ban hành Quy định về việc vận hành Cổng thông tin COVID-19 tỉnh Quảng Ninh");
  await expect(meta("og:url")).toHaveAttribute("content", siteUrl("quang-ninh", href));
  await expect(meta("og:site_name")).toHaveAttribute("content", "Cổng thông tin COVID-19 tỉnh Quảng Ninh");
  await expect(meta("og:locale")).toHaveAttribute("content", "vi_VN");
  await expect(meta("article:published_time")).toHaveAttribute("content", "2021-10-15T01:00:00.000Z");
  // Its section's feeds, besides the portal's.
  await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"][href="/van-ban-chi-dao/rss.xml"]')).toHaveCount(1);
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"][href="/van-ban-chi-dao/atom.xml"]')).toHaveCount(1);
  await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"][href="/rss.xml"]')).toHaveCount(1);
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
});

test("the English page of an item without an English body shows the Vietnamese text with a note", async ({ page }) => {
  const href = await path3591(page);
  await page.goto(siteUrl("quang-ninh", `${href}?lng=en`));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Rules on operating the Quang Ninh COVID-19 Information Portal");
  await expect(page.getByText("The full text has not been translated into English yet; it is shown below in Vietnamese.")).toBeVisible();
  await expect(page.locator(".item-body")).toHaveAttribute("lang", "vi");
  await expect(page.locator(".item-body")).toContainText("Điều 1");
  await expect(page.getByRole("table", { name: "Document details" })).toContainText("Issuing body");
  await expect(page.locator(".item-attribution")).toContainText("Source: Quang Ninh COVID-19 Information Portal");
  await expect(page.locator('head meta[property="og:locale"]')).toHaveAttribute("content", "en_US");
  await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"][href="/rss.xml?lng=en"]')).toHaveCount(1);
});

test("search ignores diacritics and case: the three spellings find the same items, 3591 among them", async ({ page }) => {
  const found = async (q: string) => {
    const response = await page.goto(siteUrl("quang-ninh", `/search?q=${encodeURIComponent(q)}`));
    expect(response?.status()).toBe(200);
    await expect(page.locator("#results-heading")).toContainText(q);
    return page.locator(".search-results [data-item]").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-item")));
  };
  const plain = await found("quang ninh");
  expect(plain.length).toBeGreaterThan(0);
  await expect(page.locator(".search-results")).toContainText("3591/QĐ-UBND");
  expect(await found("QUANG NINH")).toEqual(plain);
  expect(await found("quảng ninh")).toEqual(plain);

  // Another province's content is not found here.
  await page.goto(siteUrl("nghe-an", "/search?q=3591"));
  await expect(page.locator(".search-results [data-item]")).toHaveCount(0);
  await expect(page.getByText("Không tìm thấy nội dung nào cho “3591”.", { exact: false })).toBeVisible();

  // The masthead box leads here; what was typed comes back as text, never as markup.
  let dialog = false;
  page.on("dialog", (d) => {
    dialog = true;
    void d.dismiss();
  });
  await page.goto(siteUrl("quang-ninh"));
  await page.getByRole("searchbox", { name: "Tìm kiếm trên cổng" }).fill('<img src=x onerror=alert(1)>"quang');
  await page.getByRole("searchbox", { name: "Tìm kiếm trên cổng" }).press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.locator("#results-heading")).toContainText('<img src=x onerror=alert(1)>"quang');
  await expect(page.locator("main img[src=x]")).toHaveCount(0);
  expect(dialog).toBe(false);
});

test("/rss.xml and a section's /atom.xml are well-formed feeds of the published items", async ({ request }) => {
  const rss = await request.get(...direct("quang-ninh", "/rss.xml"));
  expect(rss.status()).toBe(200);
  expect(rss.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  const rssXml = await rss.text();
  expect(XMLValidator.validate(rssXml)).toBe(true);
  const channel = parser.parse(rssXml).rss.channel;
  expect(channel.title).toBe("Cổng thông tin COVID-19 tỉnh Quảng Ninh");
  const items = list<{ title: string; link: string; guid: { "#text": string } }>(channel.item);
  const decision = items.find((i) => QN_3591.test(i.title));
  expect(decision?.link).toMatch(new RegExp(`^http://quang-ninh\\.localhost:${port}/van-ban-chi-dao/[a-z0-9-]+$`));
  expect(decision?.guid["#text"]).toMatch(/^urn:uuid:/);

  const atom = await request.get(...direct("quang-ninh", `${QN_DOCS}/atom.xml`));
  expect(atom.status()).toBe(200);
  expect(atom.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const atomXml = await atom.text();
  expect(XMLValidator.validate(atomXml)).toBe(true);
  const feed = parser.parse(atomXml).feed;
  expect(feed.title["#text"]).toBe("Văn bản chỉ đạo – Cổng thông tin COVID-19 tỉnh Quảng Ninh");
  const entries = list<{ title: { "#text": string }; link: { "@href": string } }>(feed.entry);
  const titles = entries.map((e) => e.title["#text"]);
  expect(titles.some((t) => QN_3591.test(t))).toBe(true);
  expect(titles.some((t) => QN_2187.test(t))).toBe(true);
  for (const e of entries) expect(e.link["@href"]).toContain(`/van-ban-chi-dao/`);

  // Another section's feed has none of them; unknown sections and the apex have no feed.
  const news = parser.parse(await (await request.get(...direct("quang-ninh", "/tin-tuc/rss.xml"))).text()).rss.channel;
  expect(list<{ title: string }>(news.item).some((i) => QN_3591.test(i.title))).toBe(false);
  expect((await request.get(...direct("quang-ninh", "/khong-co/atom.xml"))).status()).toBe(404);
  expect((await request.get(...direct(undefined, "/rss.xml"))).status()).toBe(404);
});

test("every portal page announces the feeds and the OpenSearch description in its head", async ({ page, request }) => {
  await page.goto(siteUrl("quang-ninh"));
  await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute("href", "/rss.xml");
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", "/atom.xml");
  const search = page.locator('head link[rel="search"][type="application/opensearchdescription+xml"]');
  await expect(search).toHaveAttribute("href", "/opensearch.xml");
  await expect(page.locator('head meta[property="og:type"]')).toHaveAttribute("content", "website");
  // The home page lists the latest published items (other specs may have published newer ones).
  await expect(page.locator(".latest [data-item]").first()).toBeVisible();

  const description = await request.get(...direct("quang-ninh", "/opensearch.xml"));
  expect(description.headers()["content-type"]).toBe("application/opensearchdescription+xml; charset=utf-8");
  const xml = await description.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(parser.parse(xml).OpenSearchDescription.Url["@template"]).toBe(`http://quang-ninh.localhost:${port}/search?q={searchTerms}`);

  await page.goto(siteUrl("nghe-an", "/search"));
  await expect(page.locator('head link[rel="search"]')).toHaveCount(1);
  await expect(page.locator('head link[rel="alternate"][href="/rss.xml"]')).toHaveCount(1);
});

test("/sitemap.xml lists the published items and /robots.txt names it", async ({ request, page }) => {
  const href = await path3591(page);
  const sitemap = await request.get(...direct("quang-ninh", "/sitemap.xml"));
  expect(sitemap.status()).toBe(200);
  expect(sitemap.headers()["content-type"]).toBe("application/xml; charset=utf-8");
  const xml = await sitemap.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const locs = list<{ loc: string }>(parser.parse(xml).urlset.url).map((u) => u.loc);
  const origin = `http://quang-ninh.localhost:${port}`;
  expect(locs).toContain(`${origin}/`);
  expect(locs).toContain(`${origin}${QN_DOCS}`);
  expect(locs).toContain(`${origin}${href}`);
  expect(locs.every((l) => l.startsWith(origin))).toBe(true);

  const robots = await request.get(...direct("quang-ninh", "/robots.txt"));
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  const text = await robots.text();
  expect(text).toContain(`Sitemap: ${origin}/sitemap.xml`);
  expect(text).toMatch(/^Disallow: \/admin$/m);
  expect((await request.get(...direct(undefined, "/robots.txt"))).status()).toBe(404);
});

test("/api/v1/items and /api/v1/documents return published content as paginated JSON", async ({ request }) => {
  const items = await request.get(...direct("quang-ninh", `/api/v1/items?section=van-ban-chi-dao&category=tinh`));
  expect(items.status()).toBe(200);
  expect(items.headers()["content-type"]).toContain("application/json");
  const page1 = await items.json();
  expect(page1).toMatchObject({ tenant: "quang-ninh", section: "van-ban-chi-dao", page: 1, pageSize: 10, previous: null });
  expect(page1.total).toBeGreaterThanOrEqual(2);
  expect(page1.items.length).toBe(Math.min(page1.total, 10));
  const decision = page1.items.find((i: { document: { number: string } | null }) => i.document?.number === "3591/QĐ-UBND");
  expect(decision).toMatchObject({ kind: "document", locale: "vi", document: { form: "Quyết định", issuedOn: "2021-10-15" } });
  expect(decision.url).toMatch(new RegExp(`^http://quang-ninh\\.localhost:${port}/van-ban-chi-dao/`));

  const one = await request.get(...direct("quang-ninh", new URL(decision.api).pathname + "?locale=en"));
  expect(one.status()).toBe(200);
  const full = (await one.json()).item;
  expect(full).toMatchObject({ id: decision.id, locale: "en", bodyLocale: "vi", attribution: expect.stringContaining("Source: Quang Ninh") });
  expect(full.body).toContain("<p>");
  expect((await request.get(...direct("quang-ninh", "/api/v1/items/van-ban-chi-dao~khong-co"))).status()).toBe(404);

  const docs = await (await request.get(...direct("quang-ninh", "/api/v1/documents?from=2021-01-01"))).json();
  expect(docs.section).toBe("van-ban-chi-dao");
  expect(docs.facets.forms).toContain("Quyết định");
  const numbers = docs.items.map((i: { document: { number: string } }) => i.document.number);
  expect(numbers).toContain("3591/QĐ-UBND");
  expect(numbers).not.toContain("2187/2017/QĐ-UBND");
  const na = await (await request.get(...direct("nghe-an", "/api/v1/documents?form=C%C3%B4ng%20v%C4%83n"))).json();
  // other specs may publish documents too: every one listed is a "Công văn", the 3691 decision is not
  const naDocs = na.items as { document: { number: string; form: string } }[];
  expect(naDocs.map((i) => i.document.number)).toContain("6581/UBND-TH");
  expect(naDocs.map((i) => i.document.number)).not.toContain("3691/QĐ-UBND");
  expect(new Set(naDocs.map((i) => i.document.form))).toEqual(new Set(["Công văn"]));

  const bad = await request.get(...direct("quang-ninh", "/api/v1/documents?from=2021-13-01"));
  expect(bad.status()).toBe(400);
  expect((await bad.json()).fields.from[0]).toMatch(/^from: /);
  expect((await request.get(...direct("nghe-an", "/api/v1/items?locale=en"))).status()).toBe(400);
});

test("the read API is a JSON 404 on the apex and on unknown hosts", async ({ request }) => {
  for (const slug of [undefined, "ha-noi"]) {
    for (const path of ["/api/v1/items", "/api/v1/documents", "/api/v1/items/van-ban~quyet-dinh"]) {
      const response = await request.get(...direct(slug, path));
      expect(response.status(), `${slug} ${path}`).toBe(404);
      expect(response.headers()["content-type"]).toContain("application/json");
      expect(await response.json()).toHaveProperty("error");
    }
  }
});

test("an unknown item, an unknown section and the apex's section pages are the friendly 404", async ({ page }) => {
  const urls = [`${QN_DOCS}/khong-co-van-ban-nay`, "/khong-co-chuyen-muc/abc", `${QN_DOCS}/%00`, "/%00"].map((p) => siteUrl("quang-ninh", p));
  for (const url of [...urls, siteUrl(undefined, QN_DOCS)]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
  }
});
