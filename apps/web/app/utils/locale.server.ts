// The page language: ?lng= first, then the lng cookie (remix-i18next), limited to the locales the site
// offers; anything else gets the site's default. A valid ?lng= is remembered in the cookie.
import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { fallbackLanguage, resources, supportedLanguages, type Language } from "@cong/i18n";
import type { Site } from "~/load-context";

export const localeCookie = createCookie("lng", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });

export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage,
    cookie: localeCookie,
    // No Accept-Language: a province's portal opens in its own default language, as the province decides.
    order: ["searchParams", "cookie"],
  },
  i18next: { resources, defaultNS: "common", fallbackLng: fallbackLanguage },
});

export function offeredLocales(site: Site): Language[] {
  return site.kind === "tenant" ? site.tenant.locales : [...supportedLanguages];
}

function defaultLocale(site: Site): Language {
  return site.kind === "tenant" ? site.tenant.defaultLocale : fallbackLanguage;
}

export async function getLocale(request: Request, site: Site): Promise<Language> {
  const detected = await i18next.getLocale(request);
  const offered = offeredLocales(site);
  return offered.find((l) => l === detected) ?? defaultLocale(site);
}

/** A Set-Cookie header when the request chose an offered language with ?lng=, else null. */
export async function localeCookieHeader(request: Request, site: Site): Promise<string | null> {
  const chosen = new URL(request.url).searchParams.get("lng");
  const offered = offeredLocales(site);
  const match = offered.find((l) => l === chosen);
  return match ? localeCookie.serialize(match) : null;
}
