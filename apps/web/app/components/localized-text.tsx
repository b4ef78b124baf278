// Pack text in the page language. When the pack lacks it, the Vietnamese text is shown, marked with *
// and a note for screen readers, and tagged lang="vi" so it is read out correctly.
import type { Localized } from "@cong/config";
import { localized } from "@cong/i18n";
import { useTranslation } from "react-i18next";

export function LocalizedText({ value }: { value: Localized }) {
  const { t, i18n } = useTranslation();
  const { text, fallback } = localized(value, i18n.language);
  if (!fallback) return <>{text}</>;
  return (
    <span lang="vi" className="fallback">
      {text}
      <abbr className="fallback-mark" title={t("portal.fallbackNote")} aria-hidden="true">
        *
      </abbr>
      <span className="visually-hidden"> ({t("portal.fallbackNote")})</span>
    </span>
  );
}

/** True when any localized text inside value lacks the given language. */
export function hasFallback(value: unknown, locale: string): boolean {
  if (Array.isArray(value)) return value.some((v) => hasFallback(v, locale));
  if (value === null || typeof value !== "object") return false;
  const record = value as Record<string, unknown>;
  if (typeof record.vi === "string") return localized(record as Localized, locale).fallback;
  return Object.values(record).some((v) => hasFallback(v, locale));
}
