// The first step of importing a pack: read the YAML or JSON, validate it with the same schema and checks
// as any save, and list what would change. Nothing is written; the preview hands back the validated pack
// as canonical JSON and the version it was compared with, for applyPackImport.
import { parsePackText, type TenantPack } from "@cong/config";
import { canonicalJson, type Tx } from "@cong/db";
import { translate } from "@cong/i18n";
import { invalid, type Checked, type Lang } from "../validation.ts";
import { diffPacks, type PackChange } from "./diff-packs.ts";
import { readStoredConfig } from "./get-tenant-config.ts";
import { checkCandidate } from "./save-tenant-config.ts";

export type ImportPreview = { pack: TenantPack; canonical: string; version: string; changes: PackChange[] };

// A province's pack is tens of kilobytes; a few megabytes is a mistake or an attack.
export const MAX_PACK_BYTES = 2_000_000;

export type PreviewPackImportOptions = { tx: Tx; tenantId: string; text: string; lang?: Lang; /** PLATFORM_DOMAIN: its hosts are not the province's to list. */ platformDomain: string };

export async function previewPackImport({ tx, tenantId, text, lang = "vi", platformDomain }: PreviewPackImportOptions): Promise<Checked<ImportPreview>> {
  if (text.trim() === "") return invalid("text", translate(lang, "config.problems.emptyPack"));
  if (Buffer.byteLength(text, "utf8") > MAX_PACK_BYTES) return invalid("text", translate(lang, "config.problems.packTooLarge"));
  const parsed = parsePackText(text);
  if (!parsed.ok)
    return {
      ok: false,
      errors: {
        text: parsed.problems.map((p) =>
          p.line === undefined ? p.message : translate(lang, "config.problems.syntax", { line: p.line, column: p.column ?? 1, message: p.message }),
        ),
      },
    };
  if (parsed.value === null || typeof parsed.value !== "object" || Array.isArray(parsed.value)) return invalid("text", translate(lang, "config.problems.notAPack"));
  const stored = await readStoredConfig(tx, tenantId);
  if (!stored) return invalid("form", translate(lang, "config.problems.noTenant"));
  const checked = await checkCandidate(tx, stored, parsed.value, lang, platformDomain);
  if (!checked.ok) return checked;
  return { ok: true, value: { pack: checked.value, canonical: canonicalJson(checked.value), version: stored.version, changes: diffPacks(stored.pack, checked.value) } };
}
