// The language switch offers exactly the tenant's locales and translates the whole page.
import { expect, test } from "@playwright/test";
import { siteUrl } from "./fixtures";

test("quang-ninh switches to English and Chinese, and remembers the choice", async ({ page }) => {
  await page.goto(siteUrl("quang-ninh"));
  const switcher = page.getByRole("navigation", { name: "Chọn ngôn ngữ" });
  await expect(switcher.getByRole("link")).toHaveText(["Tiếng Việt", "English", "中文"]);

  await switcher.getByRole("link", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quang Ninh COVID-19 Information Portal");
  const navEn = page.getByRole("navigation", { name: "Portal sections" });
  await expect(navEn.getByRole("link", { name: "COVID-19 prevention handbook", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeAttached();
  await expect(page.getByRole("contentinfo")).toContainText("Operating agency");
  // No Vietnamese UI string is left behind.
  const body = await page.locator("body").innerText();
  for (const vi of ["Chuyên mục", "Đường dây nóng", "Cơ quan vận hành", "Ngôn ngữ"]) expect(body).not.toContain(vi);

  // The choice sticks: a plain visit now opens in English.
  await page.goto(siteUrl("quang-ninh"));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByRole("navigation", { name: "Choose a language" }).getByRole("link", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("广宁省新冠肺炎信息门户");
  await expect(page.getByRole("navigation", { name: "门户栏目" }).getByRole("link", { name: "新冠肺炎防控手册", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "热线电话" })).toBeVisible();

  await page.getByRole("navigation", { name: "选择语言" }).getByRole("link", { name: "Tiếng Việt" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cổng thông tin COVID-19 tỉnh Quảng Ninh");
});

test("nghe-an offers only Vietnamese and ignores other languages", async ({ page }) => {
  await page.goto(siteUrl("nghe-an"));
  await expect(page.getByRole("navigation", { name: "Chọn ngôn ngữ" })).toHaveCount(0);
  await page.goto(siteUrl("nghe-an", "/?lng=en"));
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { level: 2, name: "Chuyên mục" }).first()).toBeVisible();
});

test("the apex offers Vietnamese, English and Chinese", async ({ page }) => {
  await page.goto(siteUrl());
  const switcher = page.getByRole("navigation", { name: "Chọn ngôn ngữ" });
  await expect(switcher.getByRole("link")).toHaveText(["Tiếng Việt", "English", "中文"]);
  await switcher.getByRole("link", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 2, name: "Provinces and cities on the platform" })).toBeVisible();
  await expect(page.locator('[data-tenant="quang-ninh"]')).toContainText("Quang Ninh COVID-19 Information Portal");
  // Nghệ An's pack is Vietnamese only: its name stays Vietnamese, marked, with the note explaining it.
  await expect(page.locator('[data-tenant="nghe-an"] [lang="vi"]').first()).toContainText("Nghệ An");
  await expect(page.getByText("Items marked * are not yet translated and are shown in Vietnamese.")).toBeVisible();
});

test("an unknown subdomain's 404 page is translated too", async ({ page }) => {
  const response = await page.goto(siteUrl("ha-noi", "/?lng=en"));
  expect(response?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});
