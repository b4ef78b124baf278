// A provincial admin configures the province in /admin/config: a renamed section shows on the citizen's
// home page at once, a bad value is refused by name and not saved, the pack exports as YAML and imports
// again after a preview, and an editor is kept out. Every change made here is undone before the test
// ends: other specs read the Quảng Ninh catalogue (the sections changed here are ones they do not read).
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { parsePackText } from "@cong/config";
import { packs, siteUrl } from "./fixtures";
import { signInAs } from "./sign-in";

// These tests change one province's configuration in turn; run in parallel they would trip over each
// other's versions (which the app rightly refuses). They share one signed-in admin: sign-ins are limited
// per address, and the whole suite signs in from 127.0.0.1.
test.describe.configure({ mode: "serial" });

let admin: Page;

test.beforeAll(async ({ browser }) => {
  admin = await browser.newPage();
  await signInAs(admin, "qnAdmin");
});

test.afterAll(async () => {
  await admin?.context().close();
});

const qn = (path: string) => siteUrl("quang-ninh", path);

async function renameSection(page: Page, slug: string, name: string) {
  await page.goto(qn(`/admin/config/sections/${slug}`));
  await page.locator('input[name="names.vi"]').fill(name);
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu cấu hình (1 thay đổi).");
}

async function portalSectionNames(page: Page): Promise<string[]> {
  await page.goto(qn("/"));
  return page.getByRole("navigation", { name: "Chuyên mục của cổng" }).getByRole("link").allTextContents();
}

async function exportPack(page: Page): Promise<{ name: string; text: string }> {
  await page.goto(qn("/admin/config"));
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải pack.yaml" }).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(file, "utf8") };
}

async function importPack(page: Page, text: string) {
  await page.goto(qn("/admin/config/import"));
  await page.getByLabel("Hoặc dán nội dung gói").fill(text);
  await page.getByRole("button", { name: "Kiểm tra và xem trước" }).click();
}

test("the Quảng Ninh admin renames a section and the citizen home page shows the new name", async () => {
  const page = admin;
  await page.goto(qn("/admin/config"));
  await page.getByRole("navigation", { name: "Các trang cấu hình" }).getByRole("link", { name: "Chuyên mục" }).click();
  await page.locator('tr[data-section="videos"]').getByRole("link", { name: "Videos" }).click();
  await expect(page).toHaveURL(qn("/admin/config/sections/videos"));
  try {
    await renameSection(page, "videos", "Video phòng chống dịch");
    const names = await portalSectionNames(page);
    expect(names).toContain("Video phòng chống dịch");
    expect(names).not.toContain("Videos");
  } finally {
    await renameSection(page, "videos", "Videos");
  }
  expect(await portalSectionNames(page)).toContain("Videos");
});

test("a bad value is refused with the field named, and nothing is saved", async () => {
  const page = admin;
  await page.goto(qn("/admin/config/settings"));
  await page.getByLabel("Màu chính").fill("đỏ tươi");
  await page.getByLabel("Tên cổng thông tin (tiếng Việt)").fill("Cổng đã sửa nhưng không được lưu");
  await page.getByRole("button", { name: "Lưu", exact: true }).click();

  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Chưa lưu được.");
  await expect(summary.locator('[data-field="branding.colors.primary"]')).toHaveText("Màu chính: Phải là mã màu dạng #b71c1c.");
  await expect(page.getByLabel("Màu chính")).toHaveAttribute("aria-invalid", "true");

  // Nothing was half-saved: neither the colour nor the valid title typed beside it.
  await page.goto(qn("/admin/config/settings"));
  await expect(page.getByLabel("Màu chính")).toHaveValue("#b71c1c");
  await expect(page.getByLabel("Tên cổng thông tin (tiếng Việt)")).toHaveValue(packs["quang-ninh"].title);
  await page.goto(qn("/"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(packs["quang-ninh"].title);
});

test("the export downloads the province's pack as YAML", async () => {
  const page = admin;
  const exported = await exportPack(page);
  expect(exported.name).toBe("pack.yaml");
  const parsed = parsePackText(exported.text);
  expect(parsed.ok).toBe(true);
  const pack = parsed.ok ? (parsed.value as { slug: string; domains: string[]; sections: { names: { vi: string } }[] }) : null;
  expect(pack?.slug).toBe("quang-ninh");
  expect(pack?.domains).toContain(packs["quang-ninh"].domain);
  expect(pack?.sections.map((s) => s.names.vi)).toContain(packs["quang-ninh"].uniqueSection);
});

test("an imported pack shows its changes before they are applied, then applies them", async () => {
  const page = admin;
  const original = (await exportPack(page)).text;
  const edited = original.replace("vi: Fake News - Tin giả,", "vi: Tin giả và tin sai sự thật,");
  expect(edited).not.toBe(original);

  await importPack(page, edited);
  const changes = page.getByTestId("pack-changes");
  await expect(changes.locator("tbody tr")).toHaveCount(1);
  const row = changes.locator('tr[data-change="changed sections tin-gia names"]');
  await expect(row).toContainText("vi: Fake News - Tin giả");
  await expect(row).toContainText("vi: Tin giả và tin sai sự thật");
  // Previewed, not applied.
  expect(await portalSectionNames(page)).toContain("Fake News - Tin giả");

  await importPack(page, edited);
  try {
    await page.getByRole("button", { name: "Áp dụng các thay đổi" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã áp dụng gói cấu hình (1 thay đổi).");
    expect(await portalSectionNames(page)).toContain("Tin giả và tin sai sự thật");
  } finally {
    await importPack(page, original);
    await page.getByRole("button", { name: "Áp dụng các thay đổi" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã áp dụng gói cấu hình (1 thay đổi).");
  }
  expect(await portalSectionNames(page)).toContain("Fake News - Tin giả");
});

test("an import lists every problem with its path, and refuses another province's pack", async () => {
  const page = admin;
  const original = (await exportPack(page)).text;
  await importPack(page, original.replace('primary: "#b71c1c"', 'primary: "red"').replace("slug: quang-ninh", "slug: nghe-an"));
  const problems = page.getByTestId("pack-problems");
  await expect(problems.locator('[data-path="branding.colors.primary"]')).toContainText("Phải là mã màu dạng #b71c1c.");
  await expect(problems.locator('[data-path="slug"]')).toContainText("Không được đổi mã tỉnh");
  await expect(page.getByRole("button", { name: "Áp dụng các thay đổi" })).toHaveCount(0);
});

test("an agency editor gets a 403 on the configuration pages", async ({ page }) => {
  await signInAs(page, "qnHealthEditor");
  for (const path of ["/admin/config", "/admin/config/sections/videos", "/admin/config/figures", "/admin/config/figures/ca-mac-moi", "/admin/config/places/quarantine", "/admin/config/import"]) {
    const response = await page.goto(qn(path));
    expect(response?.status(), path).toBe(403);
    await expect(page.getByText("Trang này dành cho quản trị viên của tỉnh.")).toBeVisible();
  }
  const exported = await page.goto(qn("/admin/config/export"));
  expect(exported?.status()).toBe(403);
  await expect(page.getByText("Trang này dành cho quản trị viên của tỉnh.")).toBeVisible();
});
