// The agencies that watch over the others' updates: the portal's lead or standing unit, its operator and,
// where the regulation names one, the unit answerable for the figures (e.g. Nghệ An's Department of Health).
import type { TenantPack } from "@cong/config";
import type { Tx } from "@cong/db";

export async function leadAgencyIds({ tx, tenantId }: { tx: Tx; tenantId: string }): Promise<string[]> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { pack: true } });
  const pack = tenant.pack as unknown as Partial<TenantPack>;
  const keys = [pack.leadUnit?.agency, pack.operator?.agency, pack.dataLead?.agency].filter((k): k is string => typeof k === "string");
  const rows = await tx.agency.findMany({ where: { tenantId, key: { in: keys } }, select: { id: true } });
  return rows.map((r) => r.id);
}
