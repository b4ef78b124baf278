// A province's configuration as it stands: the pack on the tenant row, which is the configuration of
// record (docs/decisions/0005). The normalised rows (sections, agencies, duties) are written from it.
import { createHash } from "node:crypto";
import { packSchema, type TenantPack } from "@cong/config";
import { canonicalJson, type Tx } from "@cong/db";

export type TenantConfig = {
  tenantId: string;
  slug: string;
  pack: TenantPack;
  /** Changes whenever the pack does: a form carries it so a save over someone else's newer save is refused. */
  version: string;
  updatedAt: Date;
};

/** The version of a pack: equal packs, equal versions, whatever their key order. */
export function configVersion(pack: TenantPack): string {
  return createHash("sha256").update(canonicalJson(pack)).digest("hex").slice(0, 32);
}

export type StoredConfig = TenantConfig & { packHash: string };

/**
 * Reads the tenant row inside the caller's transaction. `lock` takes the row for update, so two saves
 * of one province queue up instead of the second overwriting the first with a stale pack.
 */
export async function readStoredConfig(tx: Tx, tenantId: string, { lock = false } = {}): Promise<StoredConfig | null> {
  if (lock) await tx.$queryRaw`select id from tenant where id = ${tenantId}::uuid for update`;
  const row = await tx.tenant.findUnique({ where: { id: tenantId }, select: { slug: true, pack: true, packHash: true, updatedAt: true } });
  if (!row) return null;
  // The stored pack was validated before it was written; parsing again restores the schema's key order.
  const parsed = packSchema.safeParse(row.pack);
  if (!parsed.success) throw new Error(`tenant ${row.slug}: the stored pack no longer passes the schema (${parsed.error.issues[0]?.message ?? ""})`);
  return { tenantId, slug: row.slug, pack: parsed.data, version: configVersion(parsed.data), updatedAt: row.updatedAt, packHash: row.packHash };
}

export async function getTenantConfig({ tx, tenantId }: { tx: Tx; tenantId: string }): Promise<TenantConfig | null> {
  const stored = await readStoredConfig(tx, tenantId);
  if (!stored) return null;
  const { packHash: _hash, ...config } = stored;
  return config;
}
