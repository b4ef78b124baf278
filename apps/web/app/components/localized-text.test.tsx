// Pack text missing in the page language shows the Vietnamese with a visible mark and a spoken note.
import { createInstance } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { i18nOptions } from "~/i18n";
import { hasFallback, LocalizedText } from "./localized-text";

async function render(lng: string, value: { vi: string; en?: string }) {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nOptions, lng });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <LocalizedText value={value} />
    </I18nextProvider>,
  );
}

describe("LocalizedText", () => {
  it("shows the page language when the pack has it", async () => {
    expect(await render("en", { vi: "Tin tức", en: "News" })).toBe("News");
  });

  it("falls back to Vietnamese, marked and tagged lang=vi, when it does not", async () => {
    const html = await render("en", { vi: "Tin tức" });
    expect(html).toContain('lang="vi"');
    expect(html).toContain("Tin tức");
    expect(html).toContain("*");
    expect(html).toContain("not yet translated, shown in Vietnamese");
  });

  it("hasFallback finds a missing translation anywhere in a page's data", () => {
    expect(hasFallback({ sections: [{ names: { vi: "A", en: "A" } }, { names: { vi: "B" } }] }, "en")).toBe(true);
    expect(hasFallback({ sections: [{ names: { vi: "A", en: "A" } }] }, "en")).toBe(false);
    expect(hasFallback({ sections: [{ names: { vi: "B" } }] }, "vi")).toBe(false);
  });
});
