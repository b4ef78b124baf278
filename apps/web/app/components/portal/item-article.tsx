// One published item: title, dates and agency, the notes when a text is shown in another language, the
// body (already sanitized HTML), the document's details (2187/2017/QĐ-UBND Điều 14.4) with its file, the
// video or the service it points to, and the attribution line to quote when republishing (Điều 13).
import type { Localized } from "@cong/config";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LocalizedText } from "~/components/localized-text";
import type { DocDetails, ItemView } from "~/utils/public.server";

const STATUSES = ["in-force", "not-yet-in-force", "expired", "replaced", "partly-expired"];

function DocumentDetails({ doc, category }: { doc: DocDetails; category: { names: Localized } | null }) {
  const { t } = useTranslation();
  const rows: [string, ReactNode][] = [
    [t("public.docs.number"), doc.number],
    [t("public.docs.form"), doc.form],
    [t("public.docs.issuer"), doc.issuer],
    [t("public.docs.signer"), doc.signer],
    [t("public.docs.issuedOn"), doc.issuedOn],
    [t("public.docs.effectiveOn"), doc.effectiveOn],
    [t("public.docs.expiresOn"), doc.expiresOn],
    [t("public.docs.status"), doc.status ? (STATUSES.includes(doc.status) ? t(`public.docs.statuses.${doc.status}`) : doc.status) : null],
    [t("public.docs.field"), doc.field],
    [t("public.docs.category"), category ? <LocalizedText value={category.names} /> : null],
  ];
  return (
    <table className="doc-details">
      <caption>{t("public.docs.metadata")}</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value ?? <span className="muted">{t("public.docs.unknown")}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Props = { item: ItemView; locale: string; attribution: Localized; pageUrl: string };

export function ItemArticle({ item, locale, attribution, pageUrl }: Props) {
  const { t } = useTranslation();
  const language = t(`public.languages.${locale}`);
  return (
    <article className={`item item-${item.kind}`} data-kind={item.kind}>
      <h1 lang={item.fallback ? item.lang : undefined}>{item.title}</h1>
      <p className="item-meta">
        <span>
          {t("public.item.published")}: <time dateTime={item.publishedIso}>{item.published}</time>
        </span>
        {item.updatedIso !== item.publishedIso ? (
          <span>
            {t("public.item.updated")}: <time dateTime={item.updatedIso}>{item.updated}</time>
          </span>
        ) : null}
        {item.agency ? (
          <span>
            {t("public.item.agency")}: <LocalizedText value={item.agency} />
          </span>
        ) : null}
      </p>
      {item.fallback ? (
        <p className="fallback-legend" role="note">
          {t("public.item.fallback", { language, original: t(`public.languages.${item.lang}`) })}
        </p>
      ) : null}
      {item.summary ? (
        <p className="item-summary" lang={item.fallback ? item.lang : undefined}>
          {item.summary}
        </p>
      ) : null}
      {item.cover ? <img className="item-cover" src={item.cover} alt="" /> : null}
      {item.doc ? <DocumentDetails doc={item.doc} category={item.category} /> : null}
      {item.file && !item.video ? (
        <p className="item-file">
          <a href={item.file.href} type={item.file.mime} download>
            {t("public.item.download", { name: item.file.name, size: item.file.size })}
          </a>
        </p>
      ) : null}
      {item.kind === "document" && !item.file ? <p className="muted">{t("public.docs.noAttachment")}</p> : null}
      {item.video ? (
        <figure className="item-video">
          <video controls preload="metadata" src={item.video.src}>
            <p>
              {t("public.item.videoNoPlayer")} <a href={item.video.src}>{item.file?.name}</a>
            </p>
          </video>
        </figure>
      ) : null}
      {item.videoSource ? (
        <p>
          <a className="button-link" href={item.videoSource} rel="noopener noreferrer external">
            {t("public.item.videoSource")}
          </a>
        </p>
      ) : null}
      {item.external ? (
        <div className="service-card">
          <a className="button-link" href={item.external} rel="noopener noreferrer external">
            {t("public.item.openLink")} <span className="visually-hidden">{t("public.section.external")}</span>
          </a>
          <p className="muted service-url">{item.external}</p>
        </div>
      ) : null}
      {item.bodyFallback ? (
        <p className="fallback-legend" role="note">
          {t("public.item.bodyFallback", { language, original: t(`public.languages.${item.bodyLang}`) })}
        </p>
      ) : null}
      {item.body ? (
        <div className="item-body" lang={item.bodyLang !== locale ? item.bodyLang : undefined} dangerouslySetInnerHTML={{ __html: item.body }} />
      ) : null}
      <aside className="item-attribution" aria-labelledby="item-attribution-heading">
        <h2 id="item-attribution-heading">{t("public.item.attribution")}</h2>
        <p className="attribution-line">
          <LocalizedText value={attribution} />
        </p>
        <p className="muted">
          {t("public.item.attributionNote")} <span className="item-url">{pageUrl}</span>
        </p>
      </aside>
    </article>
  );
}
