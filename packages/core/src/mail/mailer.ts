// Outgoing mail: SMTP when SMTP_URL is configured, otherwise a file outbox (DATA_DIR/outbox) that the
// admin UI shows in development and tests read. Messages are logged by neither path: they carry
// people's addresses and one-time links.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

export type MailMessage = { to: string; subject: string; text: string };
export type StoredMail = MailMessage & { id: string; at: string; from: string };
export type Mailer = { kind: "smtp" | "outbox"; send(message: MailMessage): Promise<void> };

export function createMailer(options: { smtpUrl?: string; from: string; outboxDir: string }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      kind: "smtp",
      async send(message) {
        await transport.sendMail({ from: options.from, ...message });
      },
    };
  }
  return {
    kind: "outbox",
    async send(message) {
      await mkdir(options.outboxDir, { recursive: true });
      const at = new Date().toISOString();
      const id = `${at.replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}`;
      const stored: StoredMail = { id, at, from: options.from, ...message };
      await writeFile(path.join(options.outboxDir, `${id}.json`), JSON.stringify(stored, null, 2), { mode: 0o600 });
    },
  };
}

/** The newest messages in the outbox first. */
export async function readOutbox(outboxDir: string, limit = 50): Promise<StoredMail[]> {
  const names = await readdir(outboxDir).catch(() => [] as string[]);
  const files = names.filter((n) => n.endsWith(".json")).sort().reverse().slice(0, limit);
  const out: StoredMail[] = [];
  for (const f of files) out.push(JSON.parse(await readFile(path.join(outboxDir, f), "utf8")) as StoredMail);
  return out;
}
