// The provinces on the platform, for the apex page: alphabetical by Vietnamese name.
import type { Tx } from "@cong/db";
import { toTenantSummary, tenantSummarySelect, type TenantSummary } from "./tenant-summary.ts";

/** tx: any scope; provinces are readable in every one. */
export async function listTenants({ tx }: { tx: Tx }): Promise<TenantSummary[]> {
  const rows = await tx.tenant.findMany({ select: tenantSummarySelect, orderBy: { slug: "asc" } });
  const collator = new Intl.Collator("vi");
  return rows.map(toTenantSummary).sort((a, b) => collator.compare(a.name.vi, b.name.vi));
}
