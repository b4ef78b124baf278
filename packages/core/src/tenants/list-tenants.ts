// The provinces on the platform, for the apex page: alphabetical by Vietnamese name.
import type { Db } from "@cong/db";
import { withPlatform } from "@cong/db";
import { toTenantSummary, tenantSummarySelect, type TenantSummary } from "./tenant-summary.ts";

export async function listTenants(db: Db): Promise<TenantSummary[]> {
  const rows = await withPlatform(db, (tx) => tx.tenant.findMany({ select: tenantSummarySelect, orderBy: { slug: "asc" } }));
  const collator = new Intl.Collator("vi");
  return rows.map(toTenantSummary).sort((a, b) => collator.compare(a.name.vi, b.name.vi));
}
