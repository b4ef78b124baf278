// The pack schema speaks English to pack authors at the command line (tenant:check). A provincial admin
// reads the same problems in their own language: this file translates the schema's messages and says
// where in the configuration a problem lies when the form on screen does not hold that field.
import { translate, type Language } from "@cong/i18n";
import type { FieldErrors } from "../validation.ts";
import { splitPath } from "./form-input.ts";

type Rule = [RegExp, string, (m: RegExpMatchArray, lang: Language) => Record<string, string>];

const localeList = (codes: string, lang: Language) =>
  codes
    .split(/,\s*/)
    .map((c) => translate(lang, `config.localeNames.${c}`))
    .join(", ");

// Each message packages/config/src/pack-schema.ts writes, and the key that says it in the admin's language.
const RULES: Rule[] = [
  [/^Vietnamese text is required$/, "viRequired", () => ({})],
  [/^must be lower-case letters, digits and single hyphens/, "slug", () => ({})],
  [/^must be a local time HH:MM/, "localTime", () => ({})],
  [/^must cite the regulation and article/, "source", () => ({})],
  [/^must be a host name/, "hostname", () => ({})],
  [/^must be a colour/, "colour", () => ({})],
  [/^must be an IANA time zone/, "timeZone", () => ({})],
  [/^must be a real date YYYY-MM-DD, or YYYY-MM/, "dateOrMonth", () => ({})],
  [/^must be a real date YYYY-MM-DD$/, "date", () => ({})],
  [/^must be the GSO numeric code$/, "gsoCode", () => ({})],
  [/^must be the two-digit GSO province code/, "provinceCode", () => ({})],
  [/^must be a phone number$/, "phone", () => ({})],
  [/^must be a JSON file beside the pack$/, "jsonFile", () => ({})],
  [/^must be a \.txt file beside the pack/, "txtFile", () => ({})],
  [/^default locale "(.+)" is not among the offered locales$/, "defaultNotOffered", (m, l) => ({ locale: localeList(m[1] ?? "", l) })],
  [/^a locale is offered twice$/, "localeTwice", () => ({})],
  [/^missing (.+) text \(the pack offers (.+)\)$/, "missingText", (m, l) => ({ missing: localeList(m[1] ?? "", l), offered: localeList(m[2] ?? "", l) })],
  [/^duplicate category "(.+)"$/, "duplicateCategory", (m) => ({ value: m[1] ?? "" })],
  [/^duplicate \w+ "(.+)"$/, "duplicate", (m) => ({ value: m[1] ?? "" })],
  [/^unknown agency "(.+)"$/, "unknownAgency", (m) => ({ id: m[1] ?? "" })],
  [/^an agency cannot be its own parent$/, "ownParent", () => ({})],
  [/^unknown admin level "(.+)"$/, "unknownLevel", (m) => ({ level: m[1] ?? "" })],
  [/^a link section needs the url of the service$/, "linkNeedsUrl", () => ({})],
  [/^unknown section "(.+)"$/, "unknownSection", (m) => ({ slug: m[1] ?? "" })],
  [/^agency "(.+)" and section "(.+)" appear twice/, "pairTwice", (m) => ({ agency: m[1] ?? "", section: m[2] ?? "" })],
  [/^unknown category "(.+)" of section "(.+)"$/, "unknownCategory", (m) => ({ category: m[1] ?? "", section: m[2] ?? "" })],
  [/^a time is listed twice$/, "timeTwice", () => ({})],
  [/^an http or https address$/, "httpUrl", () => ({})],
  [/^must be an http\(s\) URL$/, "httpUrl", () => ({})],
  [/^must contain \{z\}, \{x\} and \{y\}$/, "tilesTemplate", () => ({})],
  [/^must be a public Mapbox token/, "mapboxToken", () => ({})],
  [/^a Mapbox token goes with a style URL$/, "tokenNeedsStyle", () => ({})],
  [/^give a style or tiles, not both$/, "styleOrTiles", () => ({})],
  [/^must be \[west, south, east, north\]/, "bounds", () => ({})],
  [/^unknown series "(.+)"$/, "unknownSeries", (m) => ({ key: m[1] ?? "" })],
  [/^series "(.+)" is entered for the province only: a map needs/, "mapSeriesByLocality", (m) => ({ key: m[1] ?? "" })],
  [/^a series entered for the province only cannot be a sum of units/, "provinceOnlySum", () => ({})],
  [/^section "(.+)" is a (.+) section: figures go in/, "figuresSection", (m, l) => ({ slug: m[1] ?? "", kind: translate(l, `config.sectionKinds.${m[2] ?? ""}`) })],
  [/^section "(.+)" is a (.+) section: charts go in/, "chartsSection", (m, l) => ({ slug: m[1] ?? "", kind: translate(l, `config.sectionKinds.${m[2] ?? ""}`) })],
  [/^series "(.+)" is shown in section "(.+)": a chart draws/, "chartSeriesSection", (m) => ({ key: m[1] ?? "", section: m[2] ?? "" })],
  [/^series "(.+)" keeps no running total/, "chartSeriesTotals", (m) => ({ key: m[1] ?? "" })],
  [/^series "(.+)" is listed twice$/, "seriesTwice", (m) => ({ key: m[1] ?? "" })],
  [/^section "(.+)" is a (.+) section: places go in/, "placesSection", (m, l) => ({ slug: m[1] ?? "", kind: translate(l, `config.sectionKinds.${m[2] ?? ""}`) })],
];

/** One of the schema's messages in the admin's language; zod's own messages are already translated. */
export function localizeProblem(message: string, lang: Language): string {
  for (const [pattern, key, vars] of RULES) {
    const m = message.match(pattern);
    if (m) return translate(lang, `config.problems.${key}`, vars(m, lang));
  }
  return message;
}

export function localizeErrors(errors: FieldErrors, lang: Language): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, messages]) => [k, messages.map((m) => localizeProblem(m, lang))]));
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const at = (v: unknown, key: string | number): unknown => (Array.isArray(v) ? v[key as number] : isRecord(v) ? v[key as string] : undefined);

function nameOf(value: unknown, lang: Language, fallback: string): string {
  const names = at(value, "names");
  if (isRecord(names)) {
    const text = names[lang] ?? names.vi;
    if (typeof text === "string" && text.trim() !== "") return text;
  }
  return fallback;
}

/** The name of the agency or section with this key, in the edited pack or else the current one (a removed agency keeps its name). */
function named(packs: unknown[], list: "agencies" | "sections", keyField: "id" | "slug", key: unknown, lang: Language): string {
  for (const pack of packs) {
    const items = at(pack, list);
    const found = Array.isArray(items) ? items.find((x) => at(x, keyField) === key) : undefined;
    if (found) return nameOf(found, lang, String(key));
  }
  return String(key ?? "?");
}

/**
 * Where a pack path lies, for a person: `matrix[4].duties[1].deadline.times[0]` in Quảng Ninh reads
 * "Phân công: Sở Y tế — Tin tức › nhiệm vụ 2 › Thời hạn › Giờ". `previous` (the pack before the edit)
 * names what the edit removed.
 */
export function describePath(pack: unknown, path: string, lang: Language, previous?: unknown): string {
  const packs = [pack, previous];
  const agencyName = (id: unknown) => named(packs, "agencies", "id", id, lang);
  const sectionName = (slug: unknown) => named(packs, "sections", "slug", slug, lang);
  const keys = splitPath(path);
  const parts: string[] = [];
  const field = (k: string) => {
    const text = translate(lang, `config.fields.${k}`);
    return text === `config.fields.${k}` ? k : text;
  };
  let node: unknown = pack;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string | number;
    const next = keys[i + 1];
    const child = at(node, key);
    if (typeof key === "string" && typeof next === "number") {
      const item = at(child, next);
      const n = String(next + 1);
      if (i === 0 && key === "sections") parts.push(translate(lang, "config.where.section", { name: nameOf(item, lang, String(at(item, "slug") ?? n)) }));
      else if (i === 0 && key === "agencies") parts.push(translate(lang, "config.where.agency", { name: nameOf(item, lang, String(at(item, "id") ?? n)) }));
      else if (i === 0 && key === "matrix")
        parts.push(translate(lang, "config.where.matrix", { agency: agencyName(at(item, "agency")), section: sectionName(at(item, "section")) }));
      else if (i === 0 && key === "regulations") parts.push(translate(lang, "config.where.regulation", { number: String(at(item, "number") ?? n) }));
      else if (i === 0 && key === "portalDuties") parts.push(translate(lang, "config.where.portalDuties", { agency: agencyName(at(item, "agency")) }));
      else if (i === 0 && key === "figures") parts.push(translate(lang, "config.where.series", { name: nameOf(item, lang, String(at(item, "key") ?? n)) }));
      else if (i === 0 && key === "places") {
        const kind = String(at(item, "kind") ?? n);
        parts.push(translate(lang, "config.where.placeKind", { name: nameOf(item, lang, translate(lang, `places.kinds.${kind}`)) }));
      }
      else if (key === "categories" && isRecord(item)) parts.push(translate(lang, "config.where.category", { name: nameOf(item, lang, String(at(item, "slug") ?? n)) }));
      else if (key === "duties") parts.push(translate(lang, "config.where.duty", { n }));
      else parts.push(`${field(key)} ${n}`);
      node = item;
      i++;
      continue;
    }
    if (typeof key === "string") parts.push(field(key));
    node = child;
  }
  return parts.join(" › ");
}
