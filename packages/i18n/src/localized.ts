// Picks one language out of a pack's localized text. Vietnamese is always present, so it is the
// fallback; the caller shows a note when `fallback` is true.
export type LocalizedText = { vi: string; en?: string; zh?: string };

export function localized(value: LocalizedText, locale: string): { text: string; fallback: boolean } {
  if (locale === "en" || locale === "zh") {
    const text = value[locale];
    if (text !== undefined && text.trim() !== "") return { text, fallback: false };
    return { text: value.vi, fallback: true };
  }
  return { text: value.vi, fallback: false };
}
