// One Vitest run for every package's unit and integration tests (the README's test command runs it).
import { availableParallelism } from "node:os";
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
    // Two workers on the two-core machines (Vitest's default leaves one core to itself: one worker), and
    // a worker keeps its modules from one test file to the next (the app's build, PGlite's WebAssembly):
    // the suite takes about 4 minutes instead of 11. Files still share nothing else: each has its own
    // databases and servers.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    isolate: false,
    // Databases prepared once per run that tests copy instead of migrating and seeding their own.
    globalSetup: ["./vitest.global-setup.ts"],
  },
});
