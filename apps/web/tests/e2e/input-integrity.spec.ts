// What a user types or a URL carries never turns into a 500 or a half-done save: ids and slugs that name
// nothing are the page's 404, a refused file or field saves nothing of an item, and a province cannot
// list the platform's hosts among its domains.
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./sign-in";
import { siteUrl } from "./fixtures";

const qn = (path: string) => siteUrl("quang-ninh", path);
const NOT_A_UUID = ["abc", "------------------------------------", "7d1c5a8e-3b2f-4c6d-9e0a-1b2c3d4e5f6", "7d1c5a8e-3b2f-4c6d-9e0a-1b2c3d4e5f60x"];
const NOT_A_SLUG = ["a..b", "x".repeat(3000), "Tin-Tuc", "a%2Fb", "tin%20tuc"];
// A path segment with a control character names nothing: the server's entry turns it into "_" (which no
// id or slug can be, request-shape.ts) and the route answers its own 404.
const CONTROL = ["%00", "00000000-0000-0000-0000-00000000000%00"];
const UNKNOWN = "7d1c5a8e-3b2f-4c6d-9e0a-1b2c3d4e5f60";

/** The status and the page's own answer for a URL, as the signed-in browser gets it. */
async function visit(page: Page, url: string) {
  const response = await page.goto(url);
  return { status: response?.status(), refusal: await page.locator("[data-status]").getAttribute("data-status").catch(() => null) };
}

/** A form post from inside the page (same origin, the page's CSRF token), answering the status. */
async function post(page: Page, url: string, fields: Record<string, string>): Promise<number> {
  return page.evaluate(
    async ({ url, fields }) => {
      const body = new FormData();
      const token = document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? "";
      body.set("_csrf", token);
      for (const [k, v] of Object.entries(fields)) body.set(k, v);
      return (await fetch(url, { method: "POST", body, redirect: "manual" })).status;
    },
    { url, fields },
  );
}

test("an admin URL whose id is not a uuid, or names nothing, is the admin's 404 page, never a 500", async ({ page }) => {
  await signInAs(page, "qnAdmin");
  const urls = [
    ...[...NOT_A_UUID, UNKNOWN].flatMap((id) => [`/admin/users/${id}`, `/admin/sections/cam-nang/items/${id}`, `/admin/deadlines/${id}`]),
    ...NOT_A_SLUG.flatMap((slug) => [`/admin/sections/${slug}`, `/admin/sections/${slug}/new`, `/admin/sections/${slug}/items/${UNKNOWN}`, `/admin/config/sections/${slug}`, `/admin/config/matrix/${slug}`, `/admin/config/agencies/${slug}`, `/admin/config/figures/${slug}`, `/admin/config/places/${slug}`]),
  ];
  for (const url of urls) expect([url, await visit(page, qn(url))]).toEqual([url, { status: 404, refusal: "404" }]);
  for (const bad of CONTROL) {
    for (const url of [`/admin/users/${bad}`, `/admin/sections/cam-nang/items/${bad}`, `/admin/sections/${bad}`, `/admin/config/agencies/${bad}`]) expect([url, await visit(page, qn(url))]).toEqual([url, { status: 404, refusal: "404" }]);
  }

  // The same URLs' forms: a post to them is a 404 too, and changes nothing.
  await page.goto(qn("/admin/calendar"));
  for (const id of NOT_A_UUID) {
    expect(await post(page, `/admin/users/${id}`, { intent: "update", name: "X" })).toBe(404);
    expect(await post(page, `/admin/users/${id}`, { intent: "deactivate" })).toBe(404);
    expect(await post(page, `/admin/sections/cam-nang/items/${id}`, { intent: "transition", action: "publish" })).toBe(404);
  }
  expect(await post(page, "/admin/config/agencies/a..b", { intent: "remove" })).toBe(404);
  // A day of the calendar named by a bad id is refused as a form error, not a 500.
  expect(await post(page, "/admin/calendar", { intent: "remove", id: "abc" })).toBe(400);
  // Query strings a person could type: a control character is refused, an absurd page is an empty one.
  for (const [url, status] of [["/admin/audit?actor=%00", 400], ["/admin/audit?action=%00", 400], ["/admin/sections/cam-nang?page=99999999999999999999", 200], ["/admin/sections/cam-nang?recorded=abc", 200]] as const) {
    expect([url, (await page.goto(qn(url)))?.status()]).toEqual([url, status]);
  }
});

test("a portal or file URL that names nothing is the portal's 404", async ({ page }) => {
  for (const url of ["/a..b", "/cam-nang/a..b", `/cam-nang/${"x".repeat(3000)}`, "/a..b/rss.xml", "/files/abc/x.pdf", "/files/------------------------------------/x.pdf", `/files/${UNKNOWN}/x.pdf`, "/api/v1/items/a..b", "/api/v1/items/cam-nang~a..b"]) {
    expect([url, (await page.goto(qn(url)))?.status()]).toEqual([url, 404]);
  }
});

test("a refused cover image saves nothing of the item; a refused field keeps nothing of a fine file", async ({ page }) => {
  await signInAs(page, "qnHealthEditor");
  const title = `Cẩm nang ảnh bìa ${Date.now()}`;
  const cover = page.getByLabel("Ảnh đại diện (PNG, JPEG, WebP; tối đa 5 MB)");
  const save = page.getByRole("button", { name: "Lưu bản nháp" });
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0, 0, 0, 0]);

  await page.goto(qn("/admin/sections/cam-nang/new?kind=article"));
  await page.getByLabel("Tiêu đề (Tiếng Việt)").fill(title);
  await cover.setInputFiles({ name: "bia.png", mimeType: "image/png", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  const refused = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/admin/sections/cam-nang/new"));
  await save.click();
  expect((await refused).status()).toBe(400);
  const summary = page.locator(".error-summary");
  await expect(summary).toContainText("Chưa lưu được.");
  await expect(summary).toContainText("Ảnh đại diện (PNG, JPEG, WebP; tối đa 5 MB): Loại tệp không được chấp nhận");
  await expect(page.getByLabel("Tiêu đề (Tiếng Việt)")).toHaveValue(title);
  await page.goto(qn("/admin/sections/cam-nang"));
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);

  // A fine image beside a missing title: the title is named, the image must be chosen again.
  await page.goto(qn("/admin/sections/cam-nang/new?kind=article"));
  await cover.setInputFiles({ name: "bia.png", mimeType: "image/png", buffer: png });
  await save.click();
  await expect(summary).toContainText("Tiêu đề (Tiếng Việt): Vui lòng nhập tiêu đề.");
  await expect(summary).toContainText("Tệp đã chọn chưa được lưu vì biểu mẫu còn lỗi: vui lòng chọn lại tệp.");
  await expect(page.getByText(/Tệp hiện tại/)).toHaveCount(0);

  // Chosen again with the title, it is saved with its cover.
  await page.goto(qn("/admin/sections/cam-nang/new?kind=article"));
  await page.getByLabel("Tiêu đề (Tiếng Việt)").fill(title);
  await cover.setInputFiles({ name: "bia.png", mimeType: "image/png", buffer: png });
  await save.click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu.");
  await expect(page.getByText("Tệp hiện tại: bia.png")).toBeVisible();
});

test("the settings refuse another province's subdomain and the platform's own host, naming each", async ({ page }) => {
  await signInAs(page, "thAdmin");
  await page.goto(siteUrl("thanh-hoa", "/admin/config/settings"));
  const domains = page.getByLabel("Tên miền", { exact: true });
  await domains.fill("covid19.thanhhoa.gov.vn\nquang-ninh.localhost\nthongtincovid19.nghean.gov.vn");
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  const field = page.getByRole("alert").locator('[data-field="domains"]');
  await expect(field).toHaveCount(2);
  await expect(field.first()).toHaveText("Tên miền: Tên miền “quang-ninh.localhost” thuộc tên miền của nền tảng (localhost): chỉ nền tảng cấp các địa chỉ này, tỉnh không khai báo được.");
  await expect(field.last()).toHaveText("Tên miền: Tên miền “thongtincovid19.nghean.gov.vn” đang thuộc về một tỉnh khác.");
  await page.goto(siteUrl("thanh-hoa", "/admin/config/settings"));
  await expect(domains).toHaveValue("covid19.thanhhoa.gov.vn");
});
