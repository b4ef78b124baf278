// @cong/i18n: UI strings for every page of the app, in the one namespace "common".
import { en } from "./locales/en.ts";
import { vi } from "./locales/vi.ts";
import { zh } from "./locales/zh.ts";

export type { Messages } from "./locales/vi.ts";
export { localized, type LocalizedText } from "./localized.ts";

export const supportedLanguages = ["vi", "en", "zh"] as const;
export type Language = (typeof supportedLanguages)[number];
export const fallbackLanguage: Language = "vi";
export const defaultNS = "common";

export const resources = {
  vi: { common: vi },
  en: { common: en },
  zh: { common: zh },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}
