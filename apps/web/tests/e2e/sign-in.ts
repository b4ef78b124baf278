// Signing in through the real form, and reading what the server mailed (the file outbox in DATA_DIR).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { accounts, E2E_PASSWORD, type AccountKey } from "./accounts";
import { siteUrl } from "./fixtures";

export async function signInAs(page: Page, key: AccountKey, password: string = E2E_PASSWORD): Promise<void> {
  const a = accounts[key];
  await page.goto(siteUrl(a.slug ?? undefined, "/admin/login"));
  await page.getByLabel(/Thư điện tử|Email/).fill(a.email);
  await page.getByLabel(/^(Mật khẩu|Password)$/).fill(password);
  await page.getByRole("button", { name: /Đăng nhập|Sign in/ }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

export type Mail = { to: string; subject: string; text: string; at: string };

/** The newest mail to `to`, waiting for it to arrive. */
export async function latestMailTo(to: string, after = 0): Promise<Mail> {
  const dir = path.join(process.env.E2E_DATA_DIR ?? "", "outbox");
  for (let i = 0; i < 50; i++) {
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(".json")).sort().reverse();
    for (const n of names) {
      const mail = JSON.parse(await readFile(path.join(dir, n), "utf8")) as Mail;
      if (mail.to === to && Date.parse(mail.at) >= after) return mail;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to}`);
}

export function linkIn(mail: Mail): string {
  const match = /https?:\/\/\S+\/admin\/(reset|invite)\/[A-Za-z0-9_-]+/.exec(mail.text);
  if (!match) throw new Error(`no link in mail "${mail.subject}"`);
  return match[0];
}
