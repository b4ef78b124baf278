// The rules every place obeys, whichever door it came through (the form or an imported file): one zod
// schema for its text, then what only the province's data can say — a kind the province keeps and this
// person keeps, an admin unit of the province they answer for, a point in range or a valid area, a
// capacity and an occupancy that are whole numbers. One place, so the form and an import never disagree.
import { PLACE_STATUSES, type Localized, type PlaceField } from "@cong/config";
import { z } from "zod";
import { foldVietnamese } from "../content/search-text.ts";
import { parseCount } from "../figures/entry-rules.ts";
import type { Area } from "./geometry.ts";
import { checkArea, readCoordinate } from "./geometry.ts";
import { isPlaceKind, type PlaceKindInfo, type PlaceRules } from "./place-kinds.ts";

export { PLACE_FIELDS, type PlaceField } from "@cong/config";
/** A place as typed in the form or read from a file's row: text (or a spreadsheet's number) per field. */
export type PlaceInput = Partial<Record<PlaceField, string | number | null>>;

export type PlaceStatusValue = { status: (typeof PLACE_STATUSES)[number]; capacity: number | null; occupancy: number | null; note: string | null };
export type CheckedPlace = {
  kind: PlaceKindInfo;
  ref: string | null;
  names: Localized;
  sortName: string;
  agencyId: string | null;
  address: string | null;
  unitCode: string | null;
  lon: number | null;
  lat: number | null;
  area: Area | null;
  phone: string | null;
  state: PlaceStatusValue;
};

const text = (max: number) =>
  z.preprocess((v) => (v === null || v === undefined ? "" : String(v)), z.string().trim().max(max, "errors.tooLong").transform((s) => (s === "" ? null : s.normalize("NFC"))));

/** The text of a place: lengths, a phone as people write one, a code of letters, digits and dashes. */
export const placeTextSchema = z.object({
  ref: text(64).refine((s) => s === null || /^[\p{L}\p{N}._/-]+$/u.test(s), "errors.placeRef"),
  name: text(200).refine((s) => s !== null, "errors.required"),
  nameEn: text(200),
  nameZh: text(200),
  address: text(300),
  phone: text(60).refine((s) => s === null || /^[0-9+().\s/-]{3,60}$/.test(s), "errors.placePhone"),
  note: text(500),
  status: z.preprocess((v) => (v === null || v === undefined || v === "" ? "open" : String(v).trim().toLowerCase()), z.enum(PLACE_STATUSES, "errors.placeStatus")),
});

export type PlaceCheck = { ok: true; value: CheckedPlace } | { ok: false; errors: Partial<Record<PlaceField, string[]>>; forbidden: boolean };

/** Checks a place against the schema and the province's rules; `forbidden`: a kind or unit not theirs. */
export function checkPlace(rules: PlaceRules, input: PlaceInput): PlaceCheck {
  const errors: Partial<Record<PlaceField, string[]>> = {};
  const add = (f: PlaceField, key: string) => (errors[f] ??= []).push(key);
  let forbidden = false;

  const parsed = placeTextSchema.safeParse(input);
  const textValue = parsed.success ? parsed.data : null;
  if (!parsed.success) for (const issue of parsed.error.issues) add(issue.path[0] as PlaceField, issue.message);

  const rawKind = typeof input.kind === "string" ? input.kind.trim() : "";
  const kind = isPlaceKind(rawKind) ? rules.kinds.get(rawKind) : undefined;
  if (rawKind === "") add("kind", "errors.required");
  else if (!kind) add("kind", "errors.placeKindUnknown");
  else if (!rules.canKeep(kind)) forbidden = true;

  const rawUnit = input.unit === null || input.unit === undefined ? "" : String(input.unit).trim();
  const { provinceCode, units } = rules.units;
  let unitCode: string | null = null;
  if (rawUnit !== "" && rawUnit !== provinceCode) {
    // A spreadsheet may have turned "00001" into the number 1.
    const unit = units.find((u) => u.code === rawUnit) ?? (/^\d+$/.test(rawUnit) ? units.find((u) => u.code.replace(/^0+(?=\d)/, "") === rawUnit.replace(/^0+(?=\d)/, "")) : undefined);
    if (!unit) add("unit", "errors.placeUnitUnknown");
    else unitCode = unit.code;
  }
  if (kind && !errors.unit && rules.canKeep(kind) && !rules.mayWriteIn(kind, unitCode)) forbidden = true;

  const lon = readCoordinate(input.lon, "lon");
  const lat = readCoordinate(input.lat, "lat");
  if ("problem" in lon) add("lon", lon.problem);
  if ("problem" in lat) add("lat", lat.problem);
  if ("value" in lon && "value" in lat && (lon.value === null) !== (lat.value === null)) add(lon.value === null ? "lon" : "lat", "errors.placeLonLatPair");

  let area: Area | null = null;
  const rawArea = input.area === null || input.area === undefined ? "" : String(input.area).trim();
  if (rawArea !== "") {
    const checked = checkArea(rawArea);
    if ("problem" in checked) add("area", checked.problem);
    else area = checked.area;
  }

  const count = (f: "capacity" | "occupancy"): number | null => {
    const raw = input[f];
    if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return null;
    const n = typeof raw === "number" ? (Number.isSafeInteger(raw) && raw >= 0 ? raw : null) : parseCount(raw);
    if (n === null || n > 10_000_000) add(f, "errors.placeCount");
    return n;
  };
  const capacity = count("capacity");
  const occupancy = count("occupancy");

  if (forbidden || Object.keys(errors).length > 0 || !kind || !textValue) return { ok: false, errors, forbidden };
  const names: Localized = { vi: textValue.name! };
  if (textValue.nameEn) names.en = textValue.nameEn;
  if (textValue.nameZh) names.zh = textValue.nameZh;
  return {
    ok: true,
    value: {
      kind,
      ref: textValue.ref,
      names,
      sortName: foldVietnamese(names.vi),
      agencyId: rules.agencyOf(kind),
      address: textValue.address,
      unitCode,
      lon: "value" in lon ? lon.value : null,
      lat: "value" in lat ? lat.value : null,
      area,
      phone: textValue.phone,
      state: { status: textValue.status, capacity, occupancy, note: textValue.note },
    },
  };
}
