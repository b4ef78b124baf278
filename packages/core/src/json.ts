// Readers for the Json columns. The packs were validated by @cong/config before they were stored, so
// these only guard against a hand-edited row breaking a page: a bad value degrades, never throws.
import { LOCALES, type Locale, type Localized } from "@cong/config";

type Json = unknown;

function isRecord(value: Json): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function asLocalized(value: Json): Localized {
  if (!isRecord(value) || typeof value.vi !== "string") return { vi: "" };
  const out: Localized = { vi: value.vi };
  if (typeof value.en === "string") out.en = value.en;
  if (typeof value.zh === "string") out.zh = value.zh;
  return out;
}

export function asOptionalLocalized(value: Json): Localized | null {
  return isRecord(value) && typeof value.vi === "string" ? asLocalized(value) : null;
}

export function asRecord(value: Json): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function asArray(value: Json): unknown[] {
  return Array.isArray(value) ? value : [];
}

const LOCALE_ORDER: readonly Locale[] = LOCALES;

/** The tenant's locales, Vietnamese first, unknown values dropped. */
export function asLocales(values: readonly string[]): Locale[] {
  const offered = LOCALE_ORDER.filter((l) => values.includes(l));
  return offered.length > 0 ? offered : ["vi"];
}
