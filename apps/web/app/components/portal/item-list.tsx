// Lists of published items: cards (news, handbook, links to services) and the documents table with
// number and symbol, date of issue and summary (2187/2017/QĐ-UBND Điều 14.4).
import { useTranslation } from "react-i18next";
import { LocalizedText } from "~/components/localized-text";
import type { ItemCard } from "~/utils/public.server";

/** Text of an item, tagged with its language when that is not the page's (a missing translation). */
function Title({ item }: { item: ItemCard }) {
  return item.fallback ? <span lang={item.lang}>{item.title}</span> : <>{item.title}</>;
}

export function ItemCards({ items, showSection = false }: { items: ItemCard[]; showSection?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="item-cards">
      {items.map((item) => (
        <li key={item.id} className={`item-card item-${item.kind}`} data-item={item.href}>
          <h3>
            <a href={item.href}>
              <Title item={item} />
            </a>
          </h3>
          <p className="item-meta">
            <time dateTime={item.publishedIso}>{item.published}</time>
            {showSection ? (
              <>
                {" · "}
                <a href={`/${item.section.slug}`}>
                  <LocalizedText value={item.section.names} />
                </a>
              </>
            ) : null}
            {item.doc?.number ? <> · {item.doc.number}</> : null}
          </p>
          {item.summary ? <p lang={item.fallback ? item.lang : undefined}>{item.summary}</p> : null}
          {item.external ? (
            <p>
              <a className="button-link" href={item.external} rel="noopener noreferrer external">
                {t("public.section.openService")} <span className="visually-hidden">{t("public.section.external")}</span>
              </a>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function DocumentTable({ items }: { items: ItemCard[] }) {
  const { t } = useTranslation();
  return (
    <table className="doc-table">
      <caption className="visually-hidden">{t("public.docs.table")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("public.docs.number")}</th>
          <th scope="col">{t("public.docs.issuedOn")}</th>
          <th scope="col">{t("public.docs.summary")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-item={item.href}>
            <td className="doc-number">
              {item.doc?.number ?? "—"}
              {item.doc?.form ? <span className="doc-form">{item.doc.form}</span> : null}
            </td>
            <td className="doc-date">{item.doc?.issuedOn ? <time dateTime={item.doc.issuedOnIso ?? undefined}>{item.doc.issuedOn}</time> : "—"}</td>
            <td>
              <a href={item.href} lang={item.fallback ? item.lang : undefined}>
                {item.summary ?? item.title}
              </a>
              {item.doc?.issuer ? <span className="doc-issuer">{item.doc.issuer}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
