// A province's portal home: masthead in the province's colour, the section catalogue as navigation,
// the standing unit and hotlines, and the footer naming the operating agency and the attribution line.
import type { PortalHome as PortalHomeData } from "@cong/core";
import type { CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "~/components/language-switch";
import { hasFallback, LocalizedText } from "~/components/localized-text";

type Props = { home: PortalHomeData; offered: readonly string[]; locale: string };

export function PortalHome({ home, offered, locale }: Props) {
  const { t } = useTranslation();
  const { tenant, sections, leadUnit, operator, hotlines, contacts, attribution } = home;
  const brand = { "--brand": tenant.colors.primary, "--brand-accent": tenant.colors.accent ?? "#f6c343" } as CSSProperties;
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
            <div>
              <p className="brand-province">
                <LocalizedText value={tenant.name} />
              </p>
              <p className="brand-title">
                <LocalizedText value={tenant.portalTitle} />
              </p>
            </div>
          </div>
          <LanguageSwitch offered={offered} current={locale} />
        </div>
      </header>
      <div className="container layout">
        <nav className="section-nav" aria-label={t("a11y.mainNav")}>
          <h2 className="section-nav-heading">{t("portal.sectionsHeading")}</h2>
          <ul>
            {sections.map((s) => (
              <li key={s.slug}>
                <a href={`#${s.slug}`}>
                  <LocalizedText value={s.names} />
                </a>
                {s.categories.length > 0 ? (
                  <ul>
                    {s.categories.map((c) => (
                      <li key={c.slug}>
                        <a href={`#${s.slug}--${c.slug}`}>
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
          <h1>
            <LocalizedText value={tenant.portalTitle} />
          </h1>
          {hasFallback(home, locale) ? <p className="fallback-legend">{t("portal.fallbackLegend")}</p> : null}
          <div className="info-row">
            {leadUnit ? (
              <section className="box" aria-labelledby="lead-unit">
                <h2 id="lead-unit">{t("portal.leadUnit")}</h2>
                <p>
                  <LocalizedText value={leadUnit.names} />
                </p>
              </section>
            ) : null}
            {hotlines.length > 0 ? (
              <section className="box hotlines" aria-labelledby="hotlines">
                <h2 id="hotlines">{t("portal.hotlines")}</h2>
                <ul>
                  {hotlines.map((h) => (
                    <li key={`${h.number}-${h.label.vi}`}>
                      <span>
                        <LocalizedText value={h.label} />
                      </span>
                      <a className="phone" href={`tel:${h.number.replace(/[^0-9+]/g, "")}`}>
                        {h.number}
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {contacts.address || contacts.email || contacts.phone ? (
              <section className="box" aria-labelledby="contacts">
                <h2 id="contacts">{t("portal.contacts")}</h2>
                <dl>
                  {contacts.address ? (
                    <>
                      <dt>{t("portal.address")}</dt>
                      <dd>
                        <LocalizedText value={contacts.address} />
                      </dd>
                    </>
                  ) : null}
                  {contacts.phone ? (
                    <>
                      <dt>{t("portal.phone")}</dt>
                      <dd>{contacts.phone}</dd>
                    </>
                  ) : null}
                  {contacts.email ? (
                    <>
                      <dt>{t("portal.email")}</dt>
                      <dd>
                        <a href={`mailto:${contacts.email}`}>{contacts.email}</a>
                      </dd>
                    </>
                  ) : null}
                </dl>
              </section>
            ) : null}
          </div>
          <h2 className="catalogue-heading">{t("portal.sectionsHeading")}</h2>
          {sections.length === 0 ? <p>{t("portal.noSections")}</p> : null}
          <ol className="catalogue">
            {sections.map((s) => (
              <li key={s.slug} id={s.slug} className="catalogue-item" data-section={s.slug}>
                <h3>
                  {s.url ? (
                    <a href={s.url} rel="noopener noreferrer">
                      <LocalizedText value={s.names} /> <span className="visually-hidden">{t("portal.external")}</span>
                    </a>
                  ) : (
                    <LocalizedText value={s.names} />
                  )}
                </h3>
                {s.description ? (
                  <p>
                    <LocalizedText value={s.description} />
                  </p>
                ) : null}
                {s.categories.length > 0 ? (
                  <ul className="categories">
                    {s.categories.map((c) => (
                      <li key={c.slug} id={`${s.slug}--${c.slug}`}>
                        <LocalizedText value={c.names} />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
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
          <p className="credit">{t("portal.platformCredit")}</p>
        </div>
      </footer>
    </div>
  );
}
