// One Vitest run for every package's unit and integration tests (the README's test command runs it).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The web app's "~/" imports (apps/web/tsconfig.json paths).
  resolve: { alias: { "~": fileURLToPath(new URL("./apps/web/app", import.meta.url)) } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "scripts/**/*.test.ts", "apps/web/app/**/*.test.{ts,tsx}", "apps/web/server/**/*.test.ts", "apps/web/tests/http/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
