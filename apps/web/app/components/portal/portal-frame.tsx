// The frame every citizen page of a province shares: masthead in the province's colour with the search
// box and language switch, the section catalogue as navigation, and the footer naming the operating
// agency, the attribution line and the feeds.
import type { PortalHome } from "@cong/core";
import type { CSSProperties, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "~/components/language-switch";
import { LocalizedText } from "~/components/localized-text";
import { SearchBox } from "~/components/portal/search-box";

type Props = {
  home: PortalHome;
  offered: readonly string[];
  locale: string;
  /** The section this page belongs to, marked in the navigation. */
  current?: string | null;
  /** The home page shows the portal's name as its heading rather than as a link to itself. */
  isHome?: boolean;
  /** ?lng= of the page, so the footer's feed links keep the language. */
  lng?: string;
  children: ReactNode;
};

export function PortalFrame({ home, offered, locale, current = null, isHome = false, lng = "", children }: Props) {
  const { t } = useTranslation();
  const { tenant, sections, operator, attribution } = home;
  const brand = { "--brand": tenant.colors.primary, "--brand-accent": tenant.colors.accent ?? "#f6c343" } as CSSProperties;
  const names = (
    <div>
      <p className="brand-province">
        <LocalizedText value={tenant.name} />
      </p>
      <p className="brand-title">
        <LocalizedText value={tenant.portalTitle} />
      </p>
    </div>
  );
  return (
    <div className="page portal" style={brand} data-tenant={tenant.slug}>
      <a className="skip-link" href="#main">
        {t("a11y.skipToContent")}
      </a>
      <header className="masthead">
        <div className="container masthead-inner">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              ★
            </span>
            {isHome ? (
              names
            ) : (
              <a className="brand-link" href="/" rel="home">
                {names}
              </a>
            )}
          </div>
          <div className="masthead-tools">
            <SearchBox />
            <LanguageSwitch offered={offered} current={locale} />
          </div>
        </div>
      </header>
      <div className="container layout">
        <nav className="section-nav" aria-label={t("a11y.mainNav")}>
          <h2 className="section-nav-heading">{t("portal.sectionsHeading")}</h2>
          <ul>
            {sections.map((s) => (
              <li key={s.slug}>
                <a href={`/${s.slug}`} aria-current={s.slug === current ? "page" : undefined}>
                  <LocalizedText value={s.names} />
                </a>
                {s.categories.length > 0 ? (
                  <ul>
                    {s.categories.map((c) => (
                      <li key={c.slug}>
                        <a href={`/${s.slug}?category=${encodeURIComponent(c.slug)}`}>
                          <LocalizedText value={c.names} />
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="main">
          {children}
        </main>
      </div>
      <footer className="site-footer">
        <div className="container">
          {operator ? (
            <p className="operator">
              {t("portal.operator")}: <LocalizedText value={operator.names} />
            </p>
          ) : null}
          <p className="attribution">
            <LocalizedText value={attribution} />
          </p>
          <p className="feeds">
            {t("public.feeds.follow")}: <a href={`/rss.xml${lng}`}>{t("public.feeds.rss")}</a> · <a href={`/atom.xml${lng}`}>{t("public.feeds.atom")}</a>
          </p>
          <p className="credit">{t("portal.platformCredit")}</p>
        </div>
      </footer>
    </div>
  );
}
