// The second step of importing a pack: write the pack the admin previewed. It is validated again (the
// hidden field came back from the browser) and refused if the configuration changed since the preview,
// so what is applied is exactly what was shown.
import type { Tx } from "@cong/db";
import { translate } from "@cong/i18n";
import type { AuditActor } from "../audit/record-audit.ts";
import { invalid, type Checked, type Lang } from "../validation.ts";
import { saveTenantConfig, type SavedConfig } from "./save-tenant-config.ts";

export type ApplyPackImportOptions = { tx: Tx; tenantId: string; actor: AuditActor; canonical: string; version: string; lang?: Lang; platformDomain: string };

export async function applyPackImport({ tx, tenantId, actor, canonical, version, lang = "vi", platformDomain }: ApplyPackImportOptions): Promise<Checked<SavedConfig>> {
  let pack: unknown;
  try {
    pack = JSON.parse(canonical);
  } catch {
    return invalid("form", translate(lang, "config.problems.notAPack"));
  }
  return saveTenantConfig({ tx, tenantId, actor, lang, version, action: "config.import", platformDomain, edit: () => ({ pack }) });
}
