// Validation results that name the field: every use case validates its input with one zod schema and
// returns, per field path ("names.vi", "agencies"), the reasons it was refused. Messages are either
// i18n keys ("errors.…", translated by the app) or zod's own message in the user's language.
import type { Language } from "@cong/i18n";
import { z } from "zod";

export type FieldErrors = Record<string, string[]>;
export type Invalid = { ok: false; errors: FieldErrors };
export type Valid<T> = { ok: true; value: T };
export type Checked<T> = Valid<T> | Invalid;
/** A language the interface speaks (one definition, in @cong/i18n). */
export type Lang = Language;

const localeErrors = {
  vi: z.locales.vi().localeError,
  en: z.locales.en().localeError,
  zh: z.locales.zhCN().localeError,
};

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".").replace(/\.\[/g, "[");
}

export function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = ""): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = pathKey(issue.path) || prefix || "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown, lang: Lang = "vi"): Checked<z.output<S>> {
  const result = schema.safeParse(input, { error: localeErrors[lang] });
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: issuesToErrors(result.error.issues) };
}

export async function parseWithAsync<S extends z.ZodType>(schema: S, input: unknown, lang: Lang = "vi"): Promise<Checked<z.output<S>>> {
  const result = await schema.safeParseAsync(input, { error: localeErrors[lang] });
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: issuesToErrors(result.error.issues) };
}

export function invalid(field: string, message: string): Invalid {
  return { ok: false, errors: { [field]: [message] } };
}
