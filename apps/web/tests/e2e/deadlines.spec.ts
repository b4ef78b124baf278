// Deadlines in the browser: a document the Department of Health issued three days ago and has not posted
// shows as overdue on Nghệ An's dashboard and on the department's own home page; posting it marks the
// deadline met late, by the right lateness, with the computation one click away.
import { expect, test } from "@playwright/test";
import { siteUrl } from "./fixtures";
import { signInAs } from "./sign-in";

/** The Vietnam calendar date `days` days from today. */
function vietnamDate(days: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

test("an overdue update appears on the dashboard, and posting it marks it met late by the right lateness", async ({ browser }) => {
  const editor = await (await browser.newContext()).newPage();
  await signInAs(editor, "naHealthEditor");
  const number = `${Math.floor(Math.random() * 9000) + 1000}/SYT-NVY`;
  await editor.goto(siteUrl("nghe-an", "/admin/sections/van-ban-dieu-hanh/new?kind=document"));
  await editor.getByLabel("Danh mục").selectOption("so-nganh");
  await editor.getByLabel("Tiêu đề (Tiếng Việt)").fill(`Công văn ${number} về giám sát dịch`);
  await editor.getByLabel("Trích yếu (Tiếng Việt)").fill("Về việc tăng cường giám sát dịch bệnh");
  await editor.getByLabel("Hình thức văn bản").fill("Công văn");
  await editor.getByLabel("Số, ký hiệu").fill(number);
  await editor.getByLabel("Cơ quan ban hành").fill("Sở Y tế Nghệ An");
  await editor.getByLabel("Ngày ban hành").fill(vietnamDate(-3));
  await editor.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(editor.getByRole("status")).toHaveText("Đã lưu.");
  const itemUrl = editor.url().replace(/\?.*$/, "");

  // The department's own home page lists it as overdue.
  await editor.goto(siteUrl("nghe-an", "/admin"));
  await expect(editor.getByTestId("my-due").locator('tr[data-status="overdue"]').first()).toBeVisible();

  // The province's dashboard shows the Department of Health owing its documents section.
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "naAdmin");
  await admin.goto(siteUrl("nghe-an", "/admin/deadlines"));
  const row = admin.locator('tr[data-agency="so-y-te"][data-section="van-ban-dieu-hanh"]');
  await expect(row.getByTestId("overdue-count")).not.toHaveText("0");

  // Posting it now meets the deadline late: due at the end of the issue day, so two days and some hours.
  await editor.goto(itemUrl);
  await editor.getByRole("button", { name: "Đăng ngay" }).click();
  await expect(editor.getByTestId("item-status")).toHaveText("Trạng thái: Đã đăng");

  await admin.goto(siteUrl("nghe-an", "/admin/deadlines/instances?agency=so-y-te&section=van-ban-dieu-hanh"));
  const late = admin.locator('tr[data-status="late"]').first();
  await expect(late).toBeVisible();
  await expect(late.locator("[data-late-days]")).toHaveAttribute("data-late-days", "2");
  await expect(late).toContainText("Trễ hạn");
  await late.getByRole("link", { name: "Cách tính hạn" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Cách tính thời hạn");
  await expect(admin.getByTestId("rule")).toHaveText("Ngay khi văn bản được ban hành");
  await expect(admin.getByTestId("due")).toHaveText(`${vietnamDate(-3)} 24:00`);
});

test("the monthly report lists agencies and sections and downloads as CSV", async ({ page }) => {
  await signInAs(page, "naAdmin");
  await page.goto(siteUrl("nghe-an", "/admin/deadlines/report"));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Báo cáo tình hình cập nhật tháng");
  await expect(page.getByTestId("report").locator("tbody tr").first()).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải về CSV" }).click()]);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(csv.startsWith("\uFEFFTháng,Cơ quan,Chuyên mục,Số lần đến hạn")).toBe(true);
  await page.goto(siteUrl("nghe-an", "/admin/deadlines/report?month=2026-13"));
  await expect(page.locator(".error-summary")).toContainText("Tháng: Tháng phải có dạng NNNN-TT");
});

test("an admin adds a day off to the province's calendar, and an editor cannot", async ({ page, browser }) => {
  await signInAs(page, "qnAdmin");
  await page.goto(siteUrl("quang-ninh", "/admin/calendar"));
  await page.getByLabel("Ngày", { exact: true }).fill("2026-12-31");
  await page.getByLabel("Tên gọi").fill("Nghỉ cuối năm của tỉnh");
  await page.getByRole("button", { name: "Thêm ngày" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã thêm ngày vào lịch.");
  await expect(page.locator('tr[data-date="2026-12-31"]')).toContainText("Nghỉ cuối năm của tỉnh");
  await page.getByLabel("Ngày", { exact: true }).fill("2026-12-31");
  await page.getByRole("button", { name: "Thêm ngày" }).click();
  await expect(page.locator(".error-summary")).toContainText("Ngày: Ngày này đã có trong lịch của tỉnh.");
  await page.locator('tr[data-date="2026-12-31"]').getByRole("button", { name: "Xóa" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã xóa ngày khỏi lịch.");

  const editor = await (await browser.newContext()).newPage();
  await signInAs(editor, "qnHealthEditor");
  expect((await editor.goto(siteUrl("quang-ninh", "/admin/calendar")))?.status()).toBe(403);
  expect((await editor.goto(siteUrl("quang-ninh", "/admin/deadlines")))?.status()).toBe(403);
});
