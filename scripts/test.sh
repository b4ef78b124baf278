#!/usr/bin/env bash
# `npm test`: every check, in the order a failure is cheapest to find. Uses DATABASE_URL when set
# (PostgreSQL server), else the embedded PGlite.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "chromium"
CHROMIUM_PATH="$(node scripts/find-chromium.mjs)"
export CHROMIUM_PATH
echo "$CHROMIUM_PATH"

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
