// The languages the site offers, each named in itself; a plain link (?lng=) so it works without JS.
import { useTranslation } from "react-i18next";

export function LanguageSwitch({ offered, current }: { offered: readonly string[]; current: string }) {
  const { t } = useTranslation();
  if (offered.length < 2) return null;
  return (
    <nav className="language-switch" aria-label={t("a11y.languageNav")}>
      <span className="language-label">{t("language.label")}:</span>
      <ul>
        {offered.map((lng) => (
          <li key={lng}>
            <a href={`?lng=${lng}`} lang={lng} hrefLang={lng} aria-current={lng === current ? "true" : undefined} data-lng={lng}>
              {t(`language.names.${lng}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
