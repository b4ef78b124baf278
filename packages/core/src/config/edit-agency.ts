// The agency form as an edit of the pack. An agency's id never changes once made: accounts and duties
// hang on it. Removing one the matrix, the lead unit or a hotline still names is refused by the pack
// schema at each of those places.
import type { TenantPack } from "@cong/config";
import { translate } from "@cong/i18n";
import type { Lang } from "../validation.ts";
import { compact, localizedInput, optionalLocalizedInput, optStr, record, str, type FormInput } from "./form-input.ts";
import type { PackEdit } from "./save-tenant-config.ts";

/** `id` null adds an agency (the form posts its id); otherwise changes that agency. */
export function editAgency(current: TenantPack, id: string | null, input: FormInput, lang: Lang = "vi"): PackEdit {
  const offered = current.locales.offered;
  const index = id === null ? current.agencies.length : current.agencies.findIndex((a) => a.id === id);
  const existing = id === null ? undefined : current.agencies[index];
  if (id !== null && !existing) return { pack: current, refused: { form: [translate(lang, "config.problems.agencyGone", { id })] } };
  const level = optStr(record(input.scope).level);
  const agency = compact({
    id: existing ? existing.id : str(input.id),
    names: localizedInput(input.names, offered, existing?.names),
    shortName: "shortName" in input ? optionalLocalizedInput(input.shortName, offered, existing?.shortName) : existing?.shortName,
    kind: str(input.kind),
    parent: "parent" in input ? optStr(input.parent) : existing?.parent,
    unit: "unit" in input ? optStr(input.unit) : existing?.unit,
    scope: "scope" in input ? (level === undefined ? undefined : { level }) : existing?.scope,
  });
  const agencies: unknown[] = [...current.agencies];
  agencies[index] = agency;
  return { pack: { ...current, agencies }, posted: input, fields: [[`agencies[${index}]`, ""]] };
}

export function removeAgency(current: TenantPack, id: string, lang: Lang = "vi"): PackEdit {
  if (!current.agencies.some((a) => a.id === id)) return { pack: current, refused: { form: [translate(lang, "config.problems.agencyGone", { id })] } };
  return { pack: { ...current, agencies: current.agencies.filter((a) => a.id !== id) }, fields: [] };
}
