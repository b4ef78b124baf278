// The province's configuration as a pack file: the pack on the tenant row as YAML, to keep, to review,
// to put in tenants/<slug>/pack.yaml or to import again. The admin-units file beside a pack is not part
// of it and does not change.
import { packToYaml } from "@cong/config";
import type { Tx } from "@cong/db";
import { getTenantConfig } from "./get-tenant-config.ts";

export type ExportedPack = { slug: string; fileName: string; text: string; version: string };

export async function exportTenantPack({ tx, tenantId, now = new Date() }: { tx: Tx; tenantId: string; now?: Date }): Promise<ExportedPack | null> {
  const config = await getTenantConfig({ tx, tenantId });
  if (!config) return null;
  const header = [
    `Exported from Cổng on ${now.toISOString().slice(0, 10)}: tenants/${config.slug}/pack.yaml (version ${config.version}).`,
    `The admin units stay in ${config.pack.adminUnits.file} beside this file, unchanged.`,
  ].join("\n");
  return { slug: config.slug, fileName: "pack.yaml", text: packToYaml(config.pack, header), version: config.version };
}
