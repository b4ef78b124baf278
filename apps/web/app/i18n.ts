// i18next options shared by the server render and the browser: one namespace, resources bundled
// (they are small), Vietnamese as the fallback.
import type { InitOptions } from "i18next";
import { defaultNS, fallbackLanguage, resources, supportedLanguages } from "@cong/i18n";

export const i18nOptions = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: fallbackLanguage,
  defaultNS,
  ns: [defaultNS],
  resources,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
} satisfies InitOptions;
