// One server, three provinces: each subdomain is its own portal with its own catalogue.
import { expect, test } from "@playwright/test";
import { direct, packs, siteUrl, slugs } from "./fixtures";

for (const slug of slugs) {
  test(`${slug}.localhost shows its own portal and catalogue`, async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    const response = await page.goto(siteUrl(slug));
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(packs[slug].title);
    const nav = page.getByRole("navigation", { name: "Chuyên mục của cổng" });
    await expect(nav.getByRole("link", { name: packs[slug].uniqueSection, exact: true })).toBeVisible();
    // The other provinces' own sections are not here.
    for (const other of slugs.filter((s) => s !== slug)) {
      await expect(nav.getByText(packs[other].uniqueSection, { exact: true })).toHaveCount(0);
    }
    await expect(page.getByRole("contentinfo")).toContainText("Cơ quan vận hành");
    await expect(page.getByRole("link", { name: "Bỏ qua, đến nội dung chính" })).toBeAttached();
    await expect(page.locator("main#main")).toBeVisible();
    // Hydration went through without errors (a mismatch would log one).
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
  });
}

test("a province's production domain reaches that province", async ({ request }) => {
  for (const slug of slugs) {
    const response = await request.get(siteUrl(undefined, "/"), { headers: { Host: packs[slug].domain } });
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain(packs[slug].title);
    expect(html).toContain(packs[slug].uniqueSection);
  }
});

test("the apex lists the three provinces with links to their subdomains", async ({ page }) => {
  await page.goto(siteUrl());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cổng");
  for (const slug of slugs) {
    const card = page.locator(`[data-tenant="${slug}"]`);
    await expect(card).toContainText(packs[slug].title);
    await expect(card.getByRole("link").first()).toHaveAttribute("href", siteUrl(slug));
  }
  await page.locator('[data-tenant="nghe-an"]').getByRole("link").first().click();
  await expect(page).toHaveURL(siteUrl("nghe-an"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(packs["nghe-an"].title);
});

test("an unknown subdomain is a friendly 404 page", async ({ page }) => {
  const response = await page.goto(siteUrl("ha-noi"));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
  await expect(page.getByText("Không có cổng thông tin nào tại địa chỉ ha-noi.localhost.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Về trang chủ nền tảng Cổng" })).toHaveAttribute("href", siteUrl());
});

test("a page a portal does not have is a 404 on that portal", async ({ page }) => {
  const response = await page.goto(siteUrl("quang-ninh", "/khong-co-trang-nay"));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
});

test("a malformed or oversized Host gets 400, not an error page", async ({ request }) => {
  for (const host of ["bad host.localhost", "quang-ninh..localhost", "localhost:99999", `${"a".repeat(300)}.localhost`]) {
    const response = await request.get(siteUrl(undefined, "/"), { headers: { Host: host } });
    expect(response.status(), host).toBe(400);
    expect(response.headers()["content-type"]).toContain("text/plain");
  }
});

test("pages carry the security headers", async ({ request }) => {
  const response = await request.get(...direct("quang-ninh"));
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"]).toBeTruthy();
});
