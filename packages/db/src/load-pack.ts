// Loads validated tenant config packs into the database with the owner client (seeding, tenant:add).
// A pack is stored whole: the tenant row and every child row are replaced in one transaction, so a
// failure leaves the previous version intact. An unchanged pack (same hash) writes nothing.
import { createHash, randomUUID } from "node:crypto";
import { readAllPacks } from "@cong/config/load";
import type { LoadedPack, PackProblem } from "@cong/config/load";
import type { AdminUnit, TenantPack } from "@cong/config";
import type { Db } from "./open-db.ts";
import { databaseConflicts } from "./pack-conflicts.server.ts";
import type { Prisma } from "./generated/prisma/client.ts";

export type LoadStatus = "created" | "updated" | "unchanged";
export type LoadResult = { slug: string; status: LoadStatus };
export type SeedResult = { results: LoadResult[]; failed: { dir: string; problems: PackProblem[] }[] };

/** JSON with object keys sorted at every depth and undefined members dropped: equal data, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeys(v)));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function packHash(pack: TenantPack, adminUnits: AdminUnit[]): string {
  return createHash("sha256").update(canonicalJson({ pack, adminUnits })).digest("hex");
}

const json = (value: unknown): Prisma.InputJsonValue => JSON.parse(canonicalJson(value)) as Prisma.InputJsonValue;
const optionalJson = (value: unknown): Prisma.InputJsonValue | undefined => (value === undefined ? undefined : json(value));
const day = (iso: string | undefined): Date | null => (iso === undefined ? null : new Date(`${iso}T00:00:00Z`));

// Thousands of admin units per province: large batches keep the load to a few statements.
const BATCH = 1_000;
async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

export async function loadPack(db: Db, loaded: LoadedPack): Promise<LoadResult> {
  const { pack, adminUnits } = loaded;
  const hash = packHash(pack, adminUnits);
  const existing = await db.owner.tenant.findUnique({ where: { slug: pack.slug }, select: { id: true, packHash: true } });
  if (existing?.packHash === hash) return { slug: pack.slug, status: "unchanged" };

  const now = new Date();
  const tenantFields = {
    name: json(pack.name),
    portalTitle: json(pack.portalTitle),
    defaultLocale: pack.locales.default,
    locales: [...pack.locales.offered],
    timeZone: pack.timeZone,
    branding: json(pack.branding),
    contacts: json(pack.contacts),
    hotlines: json(pack.hotlines),
    attribution: json(pack.attribution),
    leadAgencyKey: pack.leadUnit.agency,
    operatorAgencyKey: pack.operator.agency,
    pack: json(pack),
    packHash: hash,
    updatedAt: now,
  };

  await db.owner.$transaction(
    async (tx) => {
      const tenant = await tx.tenant.upsert({
        where: { slug: pack.slug },
        create: { slug: pack.slug, ...tenantFields, createdAt: now },
        update: tenantFields,
        select: { id: true },
      });
      const tenantId = tenant.id;

      // Sections cascade to their categories and duties; agencies to their duties.
      await tx.tenantDomain.deleteMany({ where: { tenantId } });
      await tx.duty.deleteMany({ where: { tenantId } });
      await tx.sectionCategory.deleteMany({ where: { tenantId } });
      await tx.section.deleteMany({ where: { tenantId } });
      await tx.agency.deleteMany({ where: { tenantId } });
      await tx.adminUnit.deleteMany({ where: { tenantId } });
      await tx.adminLevel.deleteMany({ where: { tenantId } });

      await tx.tenantDomain.createMany({ data: pack.domains.map((host) => ({ host, tenantId })) });

      await tx.adminLevel.createMany({
        data: pack.adminLevels.map((l) => ({
          tenantId,
          key: l.key,
          names: json(l.names),
          rank: l.rank,
          validFrom: day(l.validFrom),
          validUntil: day(l.validUntil),
        })),
      });

      await inBatches(adminUnits, (batch) =>
        tx.adminUnit.createMany({
          data: batch.map((u) => ({
            tenantId,
            code: u.code,
            name: u.name,
            type: u.type,
            levelKey: u.level,
            parentCode: u.parentCode ?? null,
          })),
        }),
      );

      // Ids are made here so duties can point at their agency and section without reading back.
      const agencyIds = new Map(pack.agencies.map((a) => [a.id, randomUUID()]));
      await tx.agency.createMany({
        data: pack.agencies.map((a) => ({
          id: agencyIds.get(a.id)!,
          tenantId,
          key: a.id,
          names: json(a.names),
          shortName: optionalJson(a.shortName),
          kind: a.kind,
          parentKey: a.parent ?? null,
          unitCode: a.unit ?? null,
          scopeLevel: a.scope?.level ?? null,
        })),
      });

      const sectionIds = new Map(pack.sections.map((s) => [s.slug, randomUUID()]));
      await tx.section.createMany({
        data: pack.sections.map((s) => ({
          id: sectionIds.get(s.slug)!,
          tenantId,
          slug: s.slug,
          kind: s.kind,
          names: json(s.names),
          description: optionalJson(s.description),
          position: s.order,
          enabled: s.enabled,
          review: s.review,
          url: s.url ?? null,
          source: s.source ?? null,
        })),
      });

      await tx.sectionCategory.createMany({
        data: pack.sections.flatMap((s) =>
          s.categories.map((c) => ({
            tenantId,
            sectionId: sectionIds.get(s.slug)!,
            slug: c.slug,
            names: json(c.names),
            position: c.order,
            enabled: c.enabled,
          })),
        ),
      });

      // position: the duty's place in the pack's matrix, read top to bottom.
      const duties = pack.matrix.flatMap((m) => m.duties.map((d) => ({ m, d }))).map((x, position) => ({ ...x, position }));
      await inBatches(duties, (batch) =>
        tx.duty.createMany({
          data: batch.map(({ m, d, position }) => {
            const agencyId = agencyIds.get(m.agency);
            const sectionId = sectionIds.get(m.section);
            if (!agencyId || !sectionId) throw new Error(`matrix entry ${m.agency}/${m.section} names an unknown agency or section`);
            return {
              tenantId,
              agencyId,
              sectionId,
              role: d.role,
              what: optionalJson(d.what),
              categories: d.categories ?? [],
              deadline: optionalJson(d.deadline),
              source: d.source,
              position,
            };
          }),
        }),
      );
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
  return { slug: pack.slug, status: existing ? "updated" : "created" };
}

/** Reads every pack under tenantsDir, loads the valid ones and reports the others. */
export async function seedTenants(db: Db, tenantsDir: string): Promise<SeedResult> {
  const { loaded, failed } = await readAllPacks(tenantsDir);
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
