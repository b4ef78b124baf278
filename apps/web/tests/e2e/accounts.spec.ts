// Accounts in the browser against the built server: sign-in per province, the matrix as permissions
// (a clear 403 naming the owners), one province's account refused on another's host, handover ending an
// open session at once, reset and invitation links through the outbox, CSRF and cookie hygiene.
import { expect, test } from "@playwright/test";
import { accounts, E2E_PASSWORD } from "./accounts";
import { direct, siteUrl } from "./fixtures";
import { latestMailTo, linkIn, signInAs } from "./sign-in";

test("an agency editor works in their agency's sections and gets a 403 naming the owners elsewhere", async ({ page }) => {
  await signInAs(page, "qnHealthEditor");
  await expect(page.getByTestId("my-sections")).toContainText("Cẩm nang phòng chống COVID-19");
  await page.goto(siteUrl("quang-ninh", "/admin/sections/cam-nang"));
  await expect(page.getByText("Bạn được cập nhật nội dung chuyên mục này.")).toBeVisible();

  const response = await page.goto(siteUrl("quang-ninh", "/admin/sections/chinh-sach-ho-tro"));
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bạn không có quyền truy cập trang này");
  await expect(page.getByText("Cơ quan của bạn không được giao nhiệm vụ ở chuyên mục này.")).toBeVisible();
  await expect(page.locator(".owners")).toContainText("Sở Lao động - Thương binh và Xã hội");
  // and the admin pages that are not theirs
  expect((await page.goto(siteUrl("quang-ninh", "/admin/users")))?.status()).toBe(403);
  expect((await page.goto(siteUrl("quang-ninh", "/admin/audit")))?.status()).toBe(403);
});

test("a Nghệ An account is refused on Quảng Ninh's host, and its session stays on its own host", async ({ page }) => {
  await page.goto(siteUrl("quang-ninh", "/admin/login"));
  await page.getByLabel("Thư điện tử").fill(accounts.naAdmin.email);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("alert")).toContainText("không đúng");
  await expect(page).toHaveURL(/\/admin\/login/);

  await signInAs(page, "naAdmin");
  await page.goto(siteUrl("quang-ninh", "/admin"));
  await expect(page).toHaveURL(/quang-ninh\.localhost.*\/admin\/login/);
});

test("a deactivated account's open session stops working on its next request", async ({ browser }) => {
  const leaving = await browser.newContext();
  const admin = await browser.newContext();
  const lp = await leaving.newPage();
  const ap = await admin.newPage();
  await signInAs(lp, "qnLeaving");
  await signInAs(ap, "qnAdmin");
  await ap.goto(siteUrl("quang-ninh", "/admin/users"));
  await ap.locator(`tr[data-email="${accounts.qnLeaving.email}"] a`).click();
  await ap.getByLabel("Người nhận bàn giao").selectOption({ label: `E2E qnHealthEditor <${accounts.qnHealthEditor.email}>` });
  await ap.getByRole("button", { name: "Khóa và bàn giao" }).click();
  await expect(ap.getByRole("status")).toContainText("1 phiên đăng nhập đã bị kết thúc");
  await expect(ap.getByTestId("user-status")).toHaveText("Đã khóa");

  await lp.goto(siteUrl("quang-ninh", "/admin"));
  await expect(lp).toHaveURL(/\/admin\/login/);
  // the audit log shows the handover
  await ap.goto(siteUrl("quang-ninh", "/admin/audit?action=user.deactivate"));
  await expect(ap.locator('tr[data-action="user.deactivate"]')).toHaveCount(1);
  await leaving.close();
  await admin.close();
});

test("a forgotten password is reset through the mailed one-time link", async ({ page }) => {
  const who = accounts.qnPoliceAnswerer.email;
  const started = Date.now();
  await page.goto(siteUrl("quang-ninh", "/admin/forgot"));
  await page.getByLabel("Thư điện tử").fill(who);
  await page.getByRole("button", { name: "Gửi liên kết" }).click();
  await expect(page.getByRole("status")).toContainText("Nếu địa chỉ này có tài khoản");
  const link = linkIn(await latestMailTo(who, started));
  expect(link).toContain("quang-ninh.localhost");
  await page.goto(link);
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill("ngan");
  await page.getByLabel("Nhập lại mật khẩu mới").fill("ngan");
  await page.getByRole("button", { name: "Lưu mật khẩu mới" }).click();
  await expect(page.locator(".error-summary")).toContainText("Mật khẩu mới: Mật khẩu phải có ít nhất 12 ký tự.");
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill(E2E_PASSWORD);
  await page.getByLabel("Nhập lại mật khẩu mới").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Lưu mật khẩu mới" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã đặt mật khẩu mới. Vui lòng đăng nhập.");
  await signInAs(page, "qnPoliceAnswerer");
  // the link is used up
  await page.goto(link);
  await expect(page.getByRole("alert")).toContainText("Liên kết không hợp lệ");
});

test("an admin invites an editor, who activates the account and signs in", async ({ page, browser }) => {
  await signInAs(page, "qnAdmin");
  await page.goto(siteUrl("quang-ninh", "/admin/users"));
  await page.getByRole("button", { name: "Gửi lời mời" }).click();
  await expect(page.locator(".error-summary")).toContainText("Họ và tên: Vui lòng nhập họ và tên.");
  await expect(page.locator(".error-summary")).toContainText("Vai trò: Chọn ít nhất một vai trò.");
  const email = `moi.${Date.now()}@qn.e2e.cong.vn`;
  await page.getByLabel("Họ và tên").fill("Trần Thị Mới");
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Biên tập viên cơ quan").check();
  await page.getByLabel("Sở Y tế").check();
  await page.getByRole("button", { name: "Gửi lời mời" }).click();
  await expect(page.getByRole("status")).toHaveText(`Đã gửi lời mời tới ${email}.`);

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(linkIn(await latestMailTo(email)));
  await invitee.getByLabel("Mật khẩu mới", { exact: true }).fill("Mat-khau-cua-nguoi-moi-2026");
  await invitee.getByLabel("Nhập lại mật khẩu mới").fill("Mat-khau-cua-nguoi-moi-2026");
  await invitee.getByRole("button", { name: "Kích hoạt tài khoản" }).click();
  await expect(invitee.getByRole("status")).toHaveText("Tài khoản đã được kích hoạt. Vui lòng đăng nhập.");
  await invitee.getByLabel("Thư điện tử").fill(email);
  await invitee.getByLabel("Mật khẩu", { exact: true }).fill("Mat-khau-cua-nguoi-moi-2026");
  await invitee.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(invitee.getByTestId("my-sections")).toContainText("Cẩm nang phòng chống COVID-19");
});

test("the platform operator signs in on the apex only; a province's admin cannot", async ({ page }) => {
  await signInAs(page, "operator");
  await expect(page.locator('tr[data-tenant="quang-ninh"]')).toBeVisible();
  await expect(page.locator('tr[data-tenant="nghe-an"]')).toBeVisible();
  const other = await page.context().browser()!.newContext();
  const p = await other.newPage();
  await p.goto(siteUrl(undefined, "/admin/login"));
  await p.getByLabel("Thư điện tử").fill(accounts.qnAdmin.email);
  await p.getByLabel("Mật khẩu", { exact: true }).fill(E2E_PASSWORD);
  await p.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(p.getByRole("alert")).toContainText("không đúng");
  await other.close();
});

test("forms without the CSRF token or from another site are refused; the session cookie is locked down", async ({ page, request }) => {
  const [url, init] = direct("quang-ninh", "/admin/login");
  const noToken = await request.post(url, { ...init, form: { email: accounts.qnAdmin.email, password: E2E_PASSWORD }, maxRedirects: 0 });
  expect(noToken.status()).toBe(403);
  const crossSite = await request.post(url, { headers: { ...init.headers, Origin: "http://evil.example" }, form: { email: "x" }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);

  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await signInAs(page, "qnAdmin");
  const cookies = await page.context().cookies(siteUrl("quang-ninh"));
  const session = cookies.find((c) => c.name === "cong_session");
  expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", domain: "quang-ninh.localhost" });
  expect(violations).toEqual([]);
  // signing out ends the session on the server too
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/admin\/login/);
  await page.context().addCookies([{ ...session!, sameSite: "Lax" }]);
  await page.goto(siteUrl("quang-ninh", "/admin"));
  await expect(page).toHaveURL(/\/admin\/login/);
});

test("admin pages send a nonce-based CSP and HSTS in production", async ({ request }) => {
  const response = await request.get(...direct("quang-ninh", "/admin/login"));
  const csp = response.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers()["strict-transport-security"]).toContain("max-age=");
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(html).toContain(`nonce="${nonce}"`);
});
