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
  };
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
} as const;
