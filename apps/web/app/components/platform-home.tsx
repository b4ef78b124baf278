// The apex: what Cổng is and the provinces it serves, each linking to its own subdomain.
import type { Localized } from "@cong/config";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "~/components/language-switch";
import { hasFallback, LocalizedText } from "~/components/localized-text";

export type PlatformTenant = { slug: string; name: Localized; portalTitle: Localized; url: string; color: string };

export function PlatformHome({ tenants, offered, locale }: { tenants: PlatformTenant[]; offered: readonly string[]; locale: string }) {
  const { t } = useTranslation();
  return (
    <div className="page platform">
      <a className="skip-link" href="#main">
        {t("a11y.skipToContent")}
      </a>
      <header className="masthead">
        <div className="container masthead-inner">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              ★
            </span>
            <span className="brand-name">{t("platform.name")}</span>
          </div>
          <LanguageSwitch offered={offered} current={locale} />
        </div>
      </header>
      <main id="main" className="container main">
        <h1>{t("platform.name")}</h1>
        <p className="lead">{t("platform.tagline")}</p>
        <p>{t("platform.intro")}</p>
        <h2>{t("platform.provincesHeading")}</h2>
        {hasFallback(tenants, locale) ? <p className="fallback-legend">{t("portal.fallbackLegend")}</p> : null}
        {tenants.length === 0 ? (
          <p>{t("platform.noProvinces")}</p>
        ) : (
          <ul className="tenant-list">
            {tenants.map((tenant) => (
              <li key={tenant.slug} className="tenant-card" style={{ borderTopColor: tenant.color }} data-tenant={tenant.slug}>
                <h3>
                  <a href={tenant.url}>
                    <LocalizedText value={tenant.name} />
                  </a>
                </h3>
                <p>
                  <LocalizedText value={tenant.portalTitle} />
                </p>
                <p className="tenant-url">
                  <a href={tenant.url} aria-label={`${t("platform.visit")}: ${tenant.url}`}>
                    {tenant.url.replace(/\/$/, "")}
                  </a>
                </p>
              </li>
            ))}
          </ul>
        )}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t("platform.tagline")}</p>
        </div>
      </footer>
    </div>
  );
}
