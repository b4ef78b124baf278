// The province's agencies, for choosing a user's memberships: key and names, parents before children.
import type { Localized } from "@cong/config";
import type { Tx } from "@cong/db";
import { asLocalized } from "../json.ts";

export type AgencyOption = { id: string; key: string; names: Localized; kind: string };

export async function listAgencies({ tx, tenantId }: { tx: Tx; tenantId: string }): Promise<AgencyOption[]> {
  const rows = await tx.agency.findMany({ where: { tenantId }, orderBy: { key: "asc" } });
  const collator = new Intl.Collator("vi");
  return rows
    .map((a) => ({ id: a.id, key: a.key, names: asLocalized(a.names), kind: a.kind }))
    .sort((a, b) => collator.compare(a.names.vi, b.names.vi));
}
