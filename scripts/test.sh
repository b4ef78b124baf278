#!/usr/bin/env bash
# `npm test`: every check, in the order a failure is cheapest to find. The Vitest suites run on both
# databases (PGlite and the PostgreSQL server at 127.0.0.1:5432) whatever is set; the end-to-end tests
# serve the app on DATABASE_URL when set (PostgreSQL server), else on the embedded PGlite.
# `npm run test:e2e` (this script with "e2e") runs only the end-to-end tests, on an existing build.
set -euo pipefail
cd "$(dirname "$0")/.."
only="${1:-all}"

step() { printf '\n== %s\n' "$*"; }

step "chromium"
CHROMIUM_PATH="$(node scripts/find-chromium.mjs)"
export CHROMIUM_PATH
echo "$CHROMIUM_PATH"

if [ "$only" = "e2e" ]; then
  step "end-to-end tests (playwright)"
  exec npx playwright test -c apps/web/playwright.config.ts
fi

step "typecheck"
npx turbo run typecheck
# The benchmark scripts are no workspace: their own tsconfig.
npx tsc -p scripts/bench

step "lint"
npm run lint

# The HTTP tests (apps/web/tests/http) run the built app in-process: build before Vitest.
step "build"
npm run build

step "unit, integration and HTTP tests (vitest)"
npx vitest run

step "end-to-end tests (playwright)"
npx playwright test -c apps/web/playwright.config.ts
