// What every page needs to know about the tenant a request reached: identity, languages, colours.
import type { Locale, Localized } from "@cong/config";
import { asLocales, asLocalized, asRecord } from "../json.ts";

export type TenantSummary = {
  id: string;
  slug: string;
  name: Localized;
  portalTitle: Localized;
  defaultLocale: Locale;
  /** The locales the tenant offers, Vietnamese first. */
  locales: Locale[];
  colors: { primary: string; secondary?: string; accent?: string };
  /** The IANA time zone the province's clocks, deadlines and dates are in (its pack says which). */
  timeZone: string;
  /**
   * The other origins the province's map reads from (its pack's style or tiles URL, Mapbox's API with a
   * token): the pages' Content-Security-Policy lets the map fetch from them, and from nowhere else.
   */
  mapOrigins: string[];
};

export type TenantRow = {
  id: string;
  slug: string;
  name: unknown;
  portalTitle: unknown;
  defaultLocale: string;
  locales: string[];
  branding: unknown;
  timeZone: string;
  pack?: unknown;
};

const COLOR = /^#[0-9a-fA-F]{6}$/;

export function toTenantSummary(row: TenantRow): TenantSummary {
  const locales = asLocales(row.locales);
  const colorsJson = asRecord(asRecord(row.branding).colors);
  const color = (key: string) => {
    const c = colorsJson[key];
    return typeof c === "string" && COLOR.test(c) ? c : undefined;
  };
  const colors: TenantSummary["colors"] = { primary: color("primary") ?? "#a50e0e" };
  const secondary = color("secondary");
  const accent = color("accent");
  if (secondary) colors.secondary = secondary;
  if (accent) colors.accent = accent;
  return {
    id: row.id,
    slug: row.slug,
    name: asLocalized(row.name),
    portalTitle: asLocalized(row.portalTitle),
    defaultLocale: locales.includes(row.defaultLocale as Locale) ? (row.defaultLocale as Locale) : locales[0]!,
    locales,
    colors,
    timeZone: row.timeZone,
    mapOrigins: mapOriginsOf(row.pack),
  };
}

const MAPBOX_ORIGINS = ["https://api.mapbox.com", "https://events.mapbox.com"];

/** The origins of the pack's map: style and tiles URLs, and Mapbox's when it gives a token. */
export function mapOriginsOf(pack: unknown): string[] {
  const map = asRecord(asRecord(pack).map);
  const tiles = asRecord(map.tiles);
  const origins = new Set<string>();
  for (const url of [map.style, tiles.url]) {
    if (typeof url !== "string") continue;
    try {
      const origin = new URL(url).origin;
      if (/^https?:\/\//.test(origin)) origins.add(origin);
    } catch {
      // the pack check refuses such a URL; nothing to allow
    }
  }
  if (typeof map.accessToken === "string") for (const o of MAPBOX_ORIGINS) origins.add(o);
  return [...origins].sort();
}

export const tenantSummarySelect = {
  id: true,
  slug: true,
  name: true,
  portalTitle: true,
  defaultLocale: true,
  locales: true,
  branding: true,
  timeZone: true,
  pack: true,
} as const;
