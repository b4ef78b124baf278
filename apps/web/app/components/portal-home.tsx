// A province's portal home: masthead in the province's colour, the section catalogue as navigation,
// the standing unit and hotlines, the latest published items, and the footer naming the operating
// agency and the attribution line (the frame is shared with the other citizen pages).
import type { PortalHome as PortalHomeData } from "@cong/core";
import { useTranslation } from "react-i18next";
import { hasFallback, LocalizedText } from "~/components/localized-text";
import { ItemCards } from "~/components/portal/item-list";
import { PortalFrame } from "~/components/portal/portal-frame";
import type { ItemCard } from "~/utils/public.server";

type Props = { home: PortalHomeData; offered: readonly string[]; locale: string; latest?: ItemCard[]; lng?: string };

export function PortalHome({ home, offered, locale, latest = [], lng = "" }: Props) {
  const { t } = useTranslation();
  const { tenant, sections, leadUnit, hotlines, contacts } = home;
  return (
    <PortalFrame home={home} offered={offered} locale={locale} isHome lng={lng}>
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
      <section className="latest" aria-labelledby="latest">
        <h2 id="latest" className="catalogue-heading">
          {t("public.latest.heading")}
        </h2>
        {latest.length > 0 ? <ItemCards items={latest} showSection /> : <p>{t("public.latest.empty")}</p>}
      </section>
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
                <a href={`/${s.slug}`}>
                  <LocalizedText value={s.names} />
                </a>
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
                    <a href={`/${s.slug}?category=${encodeURIComponent(c.slug)}`}>
                      <LocalizedText value={c.names} />
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </PortalFrame>
  );
}
