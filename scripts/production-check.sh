#!/usr/bin/env bash
# Proves that a production install runs Cổng (docs/decisions/0008, infra/README.md): a fresh clone of this
# checkout's HEAD gets the Remix build and `npm ci --omit=dev` (no devDependencies), a database and logins
# made as infra/postgres/README.md says (an owner with BYPASSRLS, a runtime login that is a member of
# cong_app only), the operator commands with the owner's URL, then the server with NODE_ENV=production as
# the runtime login, asked for a province's portal; then db:seed. Everything it creates is removed at
# the end.
#
#   scripts/production-check.sh                build host = this checkout (built now if it has no build)
#   scripts/production-check.sh --single-host  the clone builds itself: npm ci, npm run build, npm ci --omit=dev
#
# Needs the PostgreSQL server at PGHOST:PGPORT (127.0.0.1:5432) with a superuser PGUSER (postgres) that
# psql reaches, as CI has. Tests HEAD: uncommitted changes are not in the clone.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
mode="${1:-}"
case "$mode" in "" | --single-host) ;; *) echo "usage: $0 [--single-host]" >&2; exit 2 ;; esac

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
started=$SECONDS
step() { printf '\n== production check (%ss): %s\n' "$((SECONDS - started))" "$*"; }
fail() { echo "production check FAILED: $*" >&2; exit 1; }

id="$(date +%s)_$$"
db="cong_prodcheck_$id"
owner="cong_prodcheck_owner_$id"
web="cong_prodcheck_web_$id"
owner_pw="$(node -e 'process.stdout.write(require("crypto").randomBytes(12).toString("hex"))')"
web_pw="$(node -e 'process.stdout.write(require("crypto").randomBytes(12).toString("hex"))')"
work="$(mktemp -d "${TMPDIR:-/tmp}/cong-production-XXXXXX")"
server_pid=""

cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  psql -q -d postgres -c "drop database if exists \"$db\" with (force)" >/dev/null 2>&1 || true
  psql -q -d postgres -c "drop role if exists \"$web\"" >/dev/null 2>&1 || true
  psql -q -d postgres -c "drop role if exists \"$owner\"" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

step "clone $(git -C "$repo" rev-parse --short HEAD) into $work/cong"
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "note: the checkout has uncommitted changes; the clone (and this check) has HEAD only"
fi
git clone -q "$repo" "$work/cong"
git -C "$work/cong" checkout -q --detach "$(git -C "$repo" rev-parse HEAD)"
cd "$work/cong"

if [ "$mode" = "--single-host" ]; then
  step "single host: npm ci, npm run build, npm ci --omit=dev"
  npm ci --no-audit --no-fund --loglevel=error
  npm run build >/dev/null
  npm ci --omit=dev --no-audit --no-fund --loglevel=error
else
  if [ ! -f "$repo/apps/web/build/server/index.js" ]; then
    step "build host: npm run build in $repo"
    (cd "$repo" && npm run build >/dev/null)
  fi
  step "production host: receive the build, npm ci --omit=dev"
  cp -R "$repo/apps/web/build" apps/web/build
  NODE_ENV=production npm ci --omit=dev --no-audit --no-fund --loglevel=error
fi

step "node_modules has no devDependencies, and has what production runs"
for absent in vite @remix-run/dev vitest @playwright/test turbo eslint s3rver; do
  [ ! -e "node_modules/$absent" ] || fail "node_modules/$absent is installed: devDependencies were not omitted"
done
for present in tsx prisma @prisma/client pg-boss express; do
  [ -e "node_modules/$present" ] || fail "node_modules/$present is missing from the production install"
done
[ -f packages/db/src/generated/prisma/client.ts ] || fail "the postinstall did not generate the Prisma client"
[ -f apps/web/build/server/index.js ] || fail "no Remix build in apps/web/build"

step "database $db: owner $owner (BYPASSRLS), runtime login $web (member of cong_app only)"
psql -q -v ON_ERROR_STOP=1 -d postgres <<SQL
CREATE ROLE "$owner" LOGIN PASSWORD '$owner_pw' BYPASSRLS;
CREATE DATABASE "$db" OWNER "$owner";
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cong_app') THEN CREATE ROLE cong_app NOLOGIN NOBYPASSRLS; END IF;
END \$\$;
GRANT cong_app TO "$owner";
CREATE ROLE "$web" LOGIN PASSWORD '$web_pw' IN ROLE cong_app;
SQL
owner_url="postgres://$owner:$owner_pw@$PGHOST:$PGPORT/$db"
web_url="postgres://$web:$web_pw@$PGHOST:$PGPORT/$db"

step "operator commands with the owner's URL"
export DATABASE_OWNER_URL="$owner_url"
npm run --silent tenant:check -- tenants/quang-ninh
npm run --silent db:migrate
npm run --silent tenant:add -- tenants/quang-ninh
printf 'Mat-khau-van-hanh-2026!\n' | npm run --silent user:create -- --email operator@prodcheck.cong.vn --role operator
unset DATABASE_OWNER_URL

step "server: NODE_ENV=production, DATABASE_URL = the runtime login"
port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
log="$work/server.log"
NODE_ENV=production PORT="$port" HOST=127.0.0.1 PLATFORM_DOMAIN=localhost DATA_DIR="$work/data" \
  DATABASE_URL="$web_url" SESSION_SECRET="$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))')" \
  node apps/web/server/start.mjs >"$log" 2>&1 &
server_pid=$!
for _ in $(seq 1 90); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$log"; fail "the server exited"; }
  sleep 1
done
curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" || { cat "$log"; fail "the server did not become healthy"; }
grep -q "runtime login \"$web\"" "$log" || { cat "$log"; fail "the server did not run as the runtime login"; }

status="$(curl -sS -o "$work/portal.html" -w '%{http_code}' --resolve "quang-ninh.localhost:$port:127.0.0.1" "http://quang-ninh.localhost:$port/")"
[ "$status" = 200 ] || { cat "$log"; fail "http://quang-ninh.localhost:$port/ answered $status"; }
grep -q "Quảng Ninh" "$work/portal.html" || fail "the portal page does not name Quảng Ninh"
echo "http://quang-ninh.localhost:$port/ -> 200, names Quảng Ninh"

kill -TERM "$server_pid"
wait "$server_pid" || true
server_pid=""
grep -q "SIGTERM: shutting down" "$log" || { cat "$log"; fail "the server did not shut down on SIGTERM"; }

step "the last operator command, db:seed (every pack), with the owner's URL"
DATABASE_OWNER_URL="$owner_url" npm run --silent db:seed
step "passed"
