// The migration runner: applies every migration once, records it, and refuses an edited one.
import { cp, mkdtemp, appendFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { findMigrationsDir, migrate } from "./migrate.ts";
import { describeBackends } from "./testing/describe.ts";

describeBackends(
  "migrate",
  ({ db }) => {
    let applied = 0;
    it("applies every migration, then nothing on a second run", async () => {
      const first = await migrate(db());
      expect(first.applied).toContain("20261122000000_init");
      expect(first.alreadyApplied).toEqual([]);

      const second = await migrate(db());
      expect(second.applied).toEqual([]);
      expect(second.alreadyApplied).toEqual(first.applied);

      const rows = await db().owner.$queryRaw<{ name: string; checksum: string }[]>`select name, checksum from _cong_migrations order by name`;
      expect(rows.map((r) => r.name)).toEqual(first.applied);
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
      applied = rows.length;
    });

    it("refuses to run when an applied migration's file changed", async () => {
      const copy = await mkdtemp(path.join(tmpdir(), "cong-migrations-"));
      try {
        await cp(findMigrationsDir(), copy, { recursive: true });
        await appendFile(path.join(copy, "20261122000000_init", "migration.sql"), "\n-- edited after it ran\nselect 1;\n");
        await expect(migrate(db(), { migrationsDir: copy })).rejects.toThrow(/changed since they ran: 20261122000000_init/);
        // and nothing was recorded or re-run
        const rows = await db().owner.$queryRaw<{ n: bigint }[]>`select count(*) as n from _cong_migrations`;
        expect(Number(rows[0]?.n)).toBe(applied);
      } finally {
        await rm(copy, { recursive: true, force: true });
      }
    });

    it("applies a new migration after the applied ones, in its own transaction", async () => {
      const copy = await mkdtemp(path.join(tmpdir(), "cong-migrations-"));
      try {
        await cp(findMigrationsDir(), copy, { recursive: true });
        const bad = path.join(copy, "29990101000000_broken");
        await cp(path.join(copy, "20261122000000_init"), bad, { recursive: true });
        await rm(path.join(bad, "migration.sql"));
        await appendFile(path.join(bad, "migration.sql"), "create table half_done (x int);\nselect no_such_function();\n");
        await expect(migrate(db(), { migrationsDir: copy })).rejects.toThrow(/29990101000000_broken failed/);
        const tables = await db().owner.$queryRaw<{ n: bigint }[]>`select count(*) as n from pg_class where relname = 'half_done'`;
        expect(Number(tables[0]?.n)).toBe(0);
        const rows = await db().owner.$queryRaw<{ n: bigint }[]>`select count(*) as n from _cong_migrations`;
        expect(Number(rows[0]?.n)).toBe(applied);
      } finally {
        await rm(copy, { recursive: true, force: true });
      }
    });
  },
  { migrated: false },
);
