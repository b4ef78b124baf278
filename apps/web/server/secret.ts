// The secret that signs CSRF tokens: SESSION_SECRET, required in production; elsewhere generated once
// and kept beside the embedded database, so open forms survive a restart.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Env } from "@cong/config/env";

export async function resolveSecret(env: Env): Promise<string> {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (env.NODE_ENV === "production") throw new Error("Invalid environment:\n  SESSION_SECRET: is required in production (at least 32 characters)");
  const file = path.join(env.DATA_DIR, "session-secret");
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim().length >= 32) return existing.trim();
  await mkdir(env.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
