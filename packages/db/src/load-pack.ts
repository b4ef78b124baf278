// Loads validated tenant config packs into the database with the owner client (seeding, tenant:add).
// A pack is written in one transaction (write-pack.ts), so a failure leaves the previous version
// intact. An unchanged pack (same hash) writes nothing.
import { readAllPacks } from "@cong/config/load";
import type { LoadedPack, PackProblem, ReadPackOptions } from "@cong/config/load";
import type { Db } from "./open-db.ts";
import { databaseConflicts } from "./pack-conflicts.server.ts";
import { packHash, tenantFields, writePack } from "./write-pack.ts";

export type LoadStatus = "created" | "updated" | "unchanged";
export type LoadResult = { slug: string; status: LoadStatus };
export type SeedResult = { results: LoadResult[]; failed: { dir: string; problems: PackProblem[] }[] };

export async function loadPack(db: Db, loaded: LoadedPack): Promise<LoadResult> {
  const { pack, adminUnits, boundaries } = loaded;
  const hash = packHash(pack, adminUnits, boundaries);
  const existing = await db.owner.tenant.findUnique({ where: { slug: pack.slug }, select: { id: true, packHash: true } });
  if (existing?.packHash === hash) return { slug: pack.slug, status: "unchanged" };

  const now = new Date();
  await db.owner.$transaction(
    async (tx) => {
      const tenant = await tx.tenant.upsert({
        where: { slug: pack.slug },
        create: { slug: pack.slug, ...tenantFields(pack, hash, now), createdAt: now },
        update: {},
        select: { id: true },
      });
      await writePack(tx, { tenantId: tenant.id, pack, adminUnits, boundaries, hash, now });
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
  return { slug: pack.slug, status: existing ? "updated" : "created" };
}

/**
 * Reads every pack under tenantsDir, loads the valid ones and reports the others. With the platform's
 * domain, a pack listing one of its hosts is not loaded (tenants/ is one more door for a pack).
 */
export async function seedTenants(db: Db, tenantsDir: string, options: ReadPackOptions = {}): Promise<SeedResult> {
  const { loaded, failed } = await readAllPacks(tenantsDir, options);
  const results: LoadResult[] = [];
  const allFailed = [...failed];
  for (const pack of loaded) {
    const conflicts = await databaseConflicts(db, pack);
    if (conflicts.length > 0) {
      allFailed.push({ dir: pack.dir, problems: conflicts });
      continue;
    }
    try {
      results.push(await loadPack(db, pack));
    } catch (error) {
      allFailed.push({ dir: pack.dir, problems: [{ file: pack.file, path: "", message: `could not be loaded: ${errorMessage(error)}` }] });
    }
  }
  return { results, failed: allFailed };
}

export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Prisma's messages start with a long invocation excerpt; the cause is on the last lines.
  const lines = message.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.slice(-2).join(" ");
}
