// What the database holds, as one digest per table, so a test can tell that a refused request changed
// nothing. Tables that record attempts rather than content (sessions, the audit log, limits) and those the
// job queue writes on its own are left out by default.
import { ownerClient } from "@cong/db/owner";
import type { Db } from "@cong/db";

export const NOT_CONTENT = ["session", "audit_log", "due_instance", "reminder", "schema_migrations", "_prisma_migrations"];

export async function snapshot(db: Db, skip: string[] = NOT_CONTENT): Promise<Record<string, string>> {
  const owner = ownerClient(db);
  const tables = await owner.$queryRawUnsafe<{ name: string }[]>(
    "select tablename as name from pg_tables where schemaname = 'public' order by tablename",
  );
  const kept = tables.map((t) => t.name).filter((name) => !skip.includes(name) && !name.includes("rate") && !name.includes("limit") && !name.includes("attempt"));
  if (kept.length === 0) return {};
  // Every insert, update and delete gives a row version a new (ctid, xmin): digesting those is exact
  // and much cheaper than the rows' text. One statement for every table (a fuzz case takes one each).
  const rows = await owner.$queryRawUnsafe<{ name: string; digest: string | null }[]>(
    kept.map((name) => `select '${name}' as name, md5(coalesce(string_agg(ctid::text || xmin::text, ',' order by ctid), '')) as digest from "${name}"`).join(" union all "),
  );
  const out: Record<string, string> = {};
  for (const name of kept) out[name] = rows.find((r) => r.name === name)?.digest ?? "";
  return out;
}
