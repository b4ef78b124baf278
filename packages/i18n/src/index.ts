// @cong/i18n: UI strings for every page of the app, in the one namespace "common".
import { en } from "./locales/en.ts";
import { vi } from "./locales/vi.ts";
import { zh } from "./locales/zh.ts";
import { admin } from "./areas/admin.ts";
import { audit } from "./areas/audit.ts";
import { auth } from "./areas/auth.ts";
import { config } from "./areas/config.ts";
import { deadlines } from "./areas/deadlines.ts";
import { errors } from "./areas/errors.ts";
import { figures } from "./areas/figures.ts";
import { items } from "./areas/items.ts";
import { map } from "./areas/map.ts";
import { places } from "./areas/places.ts";
import { mail } from "./areas/mail.ts";
import { users } from "./areas/users.ts";
import { publicArea } from "./areas/public.ts";
import { request } from "./areas/request.ts";

export type { Messages } from "./locales/vi.ts";
export { localized, type LocalizedText } from "./localized.ts";

export const supportedLanguages = ["vi", "en", "zh"] as const;
export type Language = (typeof supportedLanguages)[number];
export const fallbackLanguage: Language = "vi";
export const defaultNS = "common";

// Each area of the app keeps its strings in one file with all three languages side by side
// (areas/<area>.ts), so a change to one language is seen next to the others.
const areas = { auth, admin, config, users, audit, mail, errors, items, deadlines, figures, map, places, request, public: publicArea } as const;
type Areas = { [K in keyof typeof areas]: (typeof areas)[K]["vi"] };
const pick = (lang: Language) => Object.fromEntries(Object.entries(areas).map(([k, v]) => [k, v[lang]])) as Areas;

export const resources = {
  vi: { common: { ...vi, ...pick("vi") } },
  en: { common: { ...en, ...pick("en") } },
  zh: { common: { ...zh, ...pick("zh") } },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

export { translate } from "./translate.ts";
