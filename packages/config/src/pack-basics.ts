// The building blocks every part of a pack uses: languages, localized text, slugs, citations.
import { z } from "zod";
import { supportedLanguages } from "@cong/i18n";

// The languages a pack may offer are the languages the interface speaks (one definition, in @cong/i18n).
export const LOCALES = supportedLanguages;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

export const nfc = (s: string) => s.normalize("NFC");

/** Text in several languages. Vietnamese is always present: it is the fallback for every page. */
export const localizedSchema = z
  .object({
    vi: z.string().trim().min(1, "Vietnamese text is required").transform(nfc),
    en: z.string().trim().min(1).transform(nfc).optional(),
    zh: z.string().trim().min(1).transform(nfc).optional(),
  })
  .strict();
export type Localized = z.infer<typeof localizedSchema>;

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters, digits and single hyphens (e.g. so-y-te)")
  .max(63);


/** Citation of the article that creates a duty, e.g. "3591/QĐ-UBND Điều 7.1". */
export const sourceSchema = z
  .string()
  .trim()
  .min(3)
  .regex(/Điều\s+\d+|Mục\s+\d+|Khoản\s+\d+|§|[0-9]+\/[^\s]+/, "must cite the regulation and article, e.g. \"3591/QĐ-UBND Điều 7.1\"")
  .transform(nfc);
