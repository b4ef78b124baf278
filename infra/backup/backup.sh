#!/usr/bin/env bash
# Nightly backup of Cổng's database (Nghệ An 3691 Điều 9.2 asks for backups). With DATABASE_URL set:
# a custom-format pg_dump. Without it: a tarball of the embedded PGlite folder, taken while the app is
# stopped or from a filesystem snapshot (PGlite has a single writer). Keeps BACKUP_KEEP_DAYS days.
set -euo pipefail
dest="${BACKUP_DIR:-/var/backups/cong}"
keep="${BACKUP_KEEP_DAYS:-14}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$dest"
if [ -n "${DATABASE_URL:-}" ]; then
  pg_dump --format=custom --no-owner --file "$dest/cong-$stamp.dump" "$DATABASE_URL"
else
  data="${DATA_DIR:-/opt/cong/.data}"
  tar -C "$data" -czf "$dest/cong-pglite-$stamp.tar.gz" pglite
fi
find "$dest" -maxdepth 1 -type f -name 'cong-*' -mtime +"$keep" -delete
echo "backup written to $dest ($stamp)"
