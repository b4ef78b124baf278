// The place kind form as an edit of the pack (issue 10): which kind (added once, never changed: places
// hang on it), the province's own names for it if any, the facilities or map section that lists its
// places, the agencies that keep them, order, on/off and source. Removing a kind that already has places
// is refused at the save (checkCandidate counts them): turn it off instead.
import type { TenantPack } from "@cong/config";
import { translate } from "@cong/i18n";
import type { Lang } from "../validation.ts";
import { bool, compact, num, optionalLocalizedInput, optStr, str, strings, type FormInput } from "./form-input.ts";
import type { PackEdit } from "./save-tenant-config.ts";

/** `kind` null adds a kind (the form posts which); otherwise changes that kind's entry. */
export function editPlaceKind(current: TenantPack, kind: string | null, input: FormInput, lang: Lang = "vi"): PackEdit {
  const offered = current.locales.offered;
  const index = kind === null ? current.places.length : current.places.findIndex((p) => p.kind === kind);
  const existing = kind === null ? undefined : current.places[index];
  if (kind !== null && !existing) return { pack: current, refused: { form: [translate(lang, "config.problems.placeKindGone", { kind })] } };
  const entry = compact({
    kind: existing ? existing.kind : str(input.kind),
    names: "names" in input ? optionalLocalizedInput(input.names, offered, existing?.names) : existing?.names,
    section: str(input.section),
    agencies: strings(input.agencies),
    order: num(input.order),
    enabled: bool(input.enabled),
    source: "source" in input ? optStr(input.source) : existing?.source,
  });
  const places: unknown[] = [...current.places];
  places[index] = entry;
  // No agency ticked posts no field at all: the problem still belongs on the checkboxes.
  return { pack: { ...current, places }, posted: { ...input, agencies: input.agencies ?? [] }, fields: [[`places[${index}]`, ""]] };
}

export function removePlaceKind(current: TenantPack, kind: string, lang: Lang = "vi"): PackEdit {
  if (!current.places.some((p) => p.kind === kind)) return { pack: current, refused: { form: [translate(lang, "config.problems.placeKindGone", { kind })] } };
  return { pack: { ...current, places: current.places.filter((p) => p.kind !== kind) }, fields: [] };
}
