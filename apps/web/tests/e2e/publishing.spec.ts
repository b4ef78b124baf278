// Publishing in the browser: an agency drafts and submits, the editorial board publishes, citizens see
// the item and find it without diacritics; scheduled items appear at their time; withdrawn items leave
// pages, feeds, search and the sitemap; scripts never reach a page; renamed executables are refused.
import { expect, test, type Page } from "@playwright/test";
import { direct, siteUrl } from "./fixtures";
import { signInAs } from "./sign-in";

const unique = () => Math.random().toString(36).slice(2, 8);

/** The Vietnam wall-clock time `ms` from now, as a datetime-local value with seconds. */
function vietnamLocal(ms: number): string {
  return new Date(Date.now() + ms + 7 * 3_600_000).toISOString().slice(0, 19);
}

async function newArticle(page: Page, section: string, title: string, body?: string) {
  await page.goto(siteUrl("quang-ninh", `/admin/sections/${section}/new?kind=article`));
  await page.getByLabel("Tiêu đề (Tiếng Việt)").fill(title);
  await page.getByLabel("Tóm tắt (Tiếng Việt)").fill(`Tóm tắt: ${title}`);
  if (body !== undefined) {
    await page.getByRole("button", { name: "Mã HTML" }).first().click();
    await page.locator('textarea[name="translations.vi.body"]').fill(body);
  }
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu.");
  return page.url();
}

test("an agency drafts, the board publishes where review is required, and citizens find it without diacritics", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "qnAdmin");
  // The province asks for the editorial board's review of the handbook, through its configuration.
  await admin.goto(siteUrl("quang-ninh", "/admin/config/sections/cam-nang"));
  const review = admin.getByLabel("Nội dung phải được Ban Biên tập duyệt trước khi đăng");
  await review.check();
  await admin.getByRole("button", { name: /^Lưu/ }).first().click();
  await expect(admin.getByRole("status").first()).toBeVisible();

  const editor = await (await browser.newContext()).newPage();
  await signInAs(editor, "qnHealthEditor");
  const title = `Hướng dẫn phòng dịch tại Quảng Ninh ${unique()}`;
  const itemUrl = await newArticle(editor, "cam-nang", title, "<p>Đeo khẩu trang nơi công cộng.</p>");
  await expect(editor.getByText("Chuyên mục này cần Ban biên tập duyệt trước khi đăng.")).toBeVisible();
  await expect(editor.getByRole("button", { name: "Đăng ngay" })).toHaveCount(0);
  await editor.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect(editor.getByTestId("item-status")).toHaveText("Trạng thái: Chờ duyệt");

  const board = await (await browser.newContext()).newPage();
  await signInAs(board, "qnBoard");
  await board.goto(itemUrl.replace(/\?.*$/, ""));
  await board.getByRole("button", { name: "Đăng ngay" }).click();
  await expect(board.getByTestId("item-status")).toHaveText("Trạng thái: Đã đăng");
  await expect(board.locator(".history li").first()).toHaveAttribute("data-action", "publish");

  const citizen = await (await browser.newContext()).newPage();
  for (const q of ["huong dan phong dich tai quang ninh", "HƯỚNG DẪN PHÒNG DỊCH TẠI QUẢNG NINH"]) {
    await citizen.goto(siteUrl("quang-ninh", `/search?q=${encodeURIComponent(q)}`));
    await expect(citizen.getByRole("link", { name: title })).toBeVisible();
  }
  await citizen.getByRole("link", { name: title }).click();
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(citizen.getByText("Đeo khẩu trang nơi công cộng.")).toBeVisible();

  await admin.goto(siteUrl("quang-ninh", "/admin/config/sections/cam-nang"));
  await admin.getByLabel("Nội dung phải được Ban Biên tập duyệt trước khi đăng").uncheck();
  await admin.getByRole("button", { name: /^Lưu/ }).first().click();
  await expect(admin.getByRole("status").first()).toBeVisible();
});

test("a scheduled item appears on the portal at its time, and a withdrawn one leaves pages, feeds, search and the sitemap", async ({ page, request }) => {
  await signInAs(page, "qnHealthEditor");
  const title = `Lịch tiêm chủng tuần tới ${unique()}`;
  await newArticle(page, "cam-nang", title);
  await page.getByLabel("Thời điểm đăng (giờ Việt Nam)").fill(vietnamLocal(6_000));
  await page.getByRole("button", { name: "Hẹn giờ đăng" }).click();
  await expect(page.getByTestId("item-status")).toHaveText("Trạng thái: Hẹn giờ đăng");
  const section = siteUrl("quang-ninh", "/cam-nang");
  await page.goto(section);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await expect(async () => {
    await page.goto(section);
    await expect(page.getByRole("link", { name: title })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const itemPage = await page.getByRole("link", { name: title }).getAttribute("href");
  const feed = async () => (await request.get(...direct("quang-ninh", "/rss.xml"))).text();
  expect(await feed()).toContain(title);

  await page.goto(siteUrl("quang-ninh", "/admin/sections/cam-nang?status=published"));
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("button", { name: "Gỡ xuống" }).click();
  await expect(page.getByTestId("item-status")).toHaveText("Trạng thái: Đã gỡ");

  await page.goto(section);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  expect((await page.goto(siteUrl("quang-ninh", itemPage!)))?.status()).toBe(404);
  await page.goto(siteUrl("quang-ninh", `/search?q=${encodeURIComponent(title)}`));
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  expect(await feed()).not.toContain(title);
  const sitemap = await (await request.get(...direct("quang-ninh", "/sitemap.xml"))).text();
  expect(sitemap).not.toContain(itemPage!);
});

test("a script or an onerror handler in an editor's text never reaches the page", async ({ page }) => {
  const alerts: string[] = [];
  page.on("dialog", async (d) => {
    alerts.push(d.message());
    await d.dismiss();
  });
  await signInAs(page, "qnHealthEditor");
  const title = `Bài kiểm tra an toàn ${unique()}`;
  await newArticle(page, "cam-nang", title, '<p>An toàn</p><script>alert("xss")</script><img src="/x" onerror="alert(1)"><a href="javascript:alert(2)">bấm</a>');
  await page.getByRole("button", { name: "Đăng ngay" }).click();
  await expect(page.getByTestId("item-status")).toHaveText("Trạng thái: Đã đăng");
  await page.getByRole("link", { name: "Xem trên cổng" }).click();
  await expect(page.locator(".item-body").getByText("An toàn", { exact: true })).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain('alert("xss")');
  expect(html).not.toContain("onerror");
  expect(html).not.toContain("javascript:alert");
  expect(alerts).toEqual([]);
});

test("an executable renamed as a PDF is refused, with the field named and nothing saved", async ({ page }) => {
  await signInAs(page, "qnAdmin");
  await page.goto(siteUrl("quang-ninh", "/admin/sections/van-ban-chi-dao/new?kind=document"));
  await page.getByLabel("Tiêu đề (Tiếng Việt)").fill("Văn bản giả mạo");
  await page.getByLabel("Trích yếu (Tiếng Việt)").fill("Không được nhận");
  await page.getByLabel("Hình thức văn bản").fill("Quyết định");
  await page.getByLabel("Số, ký hiệu").fill("999/QĐ-UBND");
  await page.getByLabel("Cơ quan ban hành").fill("UBND tỉnh Quảng Ninh");
  await page.getByLabel("Ngày ban hành").fill("2021-10-20");
  await page.getByLabel("Ngày có hiệu lực").fill("2021-10-01");
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
  await page.getByLabel("Tệp văn bản PDF (tối đa 20 MB)").setInputFiles({ name: "quyet-dinh.pdf", mimeType: "application/pdf", buffer: elf });
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toContainText("Tệp văn bản PDF (tối đa 20 MB): Loại tệp không được chấp nhận");
  await expect(summary).toContainText("Ngày có hiệu lực: Ngày có hiệu lực không được trước ngày ban hành.");
  await expect(page.getByLabel("Tiêu đề (Tiếng Việt)")).toHaveValue("Văn bản giả mạo");
  await page.goto(siteUrl("quang-ninh", "/admin/sections/van-ban-chi-dao"));
  await expect(page.getByRole("link", { name: "Văn bản giả mạo" })).toHaveCount(0);

  // an empty form names the title it needs
  await page.goto(siteUrl("quang-ninh", "/admin/sections/cam-nang/new?kind=article"));
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.locator(".error-summary")).toContainText("Tiêu đề (Tiếng Việt): Vui lòng nhập tiêu đề.");
});

test("a real PDF is attached to a document and served with its content type", async ({ page, request }) => {
  await signInAs(page, "qnAdmin");
  await page.goto(siteUrl("quang-ninh", "/admin/sections/van-ban-chi-dao/new?kind=document"));
  const number = `${Math.floor(Math.random() * 9000) + 1000}/QĐ-UBND`;
  await page.getByLabel("Tiêu đề (Tiếng Việt)").fill(`Quyết định ${number}`);
  await page.getByLabel("Trích yếu (Tiếng Việt)").fill("Về việc kiểm tra tệp đính kèm");
  await page.getByLabel("Hình thức văn bản").fill("Quyết định");
  await page.getByLabel("Số, ký hiệu").fill(number);
  await page.getByLabel("Cơ quan ban hành").fill("UBND tỉnh Quảng Ninh");
  await page.getByLabel("Ngày ban hành").fill("2021-11-01");
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
  await page.getByLabel("Tệp văn bản PDF (tối đa 20 MB)").setInputFiles({ name: "quyết định.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu.");
  await expect(page.getByText("Tệp hiện tại: quyết định.pdf")).toBeVisible();
  await page.getByRole("button", { name: "Đăng ngay" }).click();
  await page.getByRole("link", { name: "Xem trên cổng" }).click();
  const href = await page.locator('a[href^="/files/"]').first().getAttribute("href");
  const file = await request.get(...direct("quang-ninh", href!));
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.from(await file.body()).subarray(0, 5).toString()).toBe("%PDF-");
});
