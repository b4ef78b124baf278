// End-to-end tests against the BUILT server (run `npm run build` first; scripts/test.sh does), started
// on its own port with a fresh data directory, so the first start migrates and seeds from scratch.
// Chromium: $CHROMIUM_PATH, Playwright's own, or Debian's (scripts/find-chromium.mjs).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const port = Number(process.env.E2E_PORT ?? 3100);

// Workers load this file too: they inherit the main process's choices through the environment.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "cong-e2e-"));
process.env.CHROMIUM_PATH ??= execFileSync(process.execPath, [path.join(repoRoot, "scripts/find-chromium.mjs")], {
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
}).trim();

const serverEnv: Record<string, string> = {
  NODE_ENV: "production",
  PORT: String(port),
  HOST: "127.0.0.1",
  PLATFORM_DOMAIN: "localhost",
  DATA_DIR: process.env.E2E_DATA_DIR,
  TENANTS_DIR: path.join(repoRoot, "tenants"),
  // Production mode needs a secret; this one exists only for the test server's throwaway database.
  SESSION_SECRET: "e2e-only-secret-0123456789abcdef0123456789abcdef",
  // Scheduled items are checked every second, so a test can watch one appear at its time.
  SCHEDULER_INTERVAL: "1",
  // Every test signs in from 127.0.0.1; the per-address limit is tested on its own
  // (packages/core/src/limits/take-attempt.test.ts).
  SIGNIN_ATTEMPTS: "10000",
};
// On a PostgreSQL server the run exercises the production login: the database is prepared with the
// owner's URL (DATABASE_OWNER_URL, else DATABASE_URL) and the server runs as a login made for this run
// that is a member of cong_app only (created by prepare-server.ts, dropped when the server exits).
const ownerUrl = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL;
if (ownerUrl) {
  process.env.E2E_DB_LOGIN ??= `cong_e2e_${randomBytes(5).toString("hex")}`;
  process.env.E2E_DB_PASSWORD ??= randomBytes(12).toString("hex");
  const runtimeUrl = new URL(ownerUrl);
  runtimeUrl.username = process.env.E2E_DB_LOGIN;
  runtimeUrl.password = process.env.E2E_DB_PASSWORD;
  serverEnv.DATABASE_OWNER_URL = ownerUrl;
  serverEnv.DATABASE_URL = runtimeUrl.toString();
}

export default defineConfig({
  testDir: "./tests/e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // The server binary itself, not through npx, so SIGTERM reaches it and the test run waits for it.
    command: `"${process.execPath}" apps/web/tests/e2e/start-server.mjs`,
    cwd: repoRoot,
    url: `http://127.0.0.1:${port}/healthz`,
    env: serverEnv,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
