// The friendly 404: an unknown portal address, or a page a known portal does not have.
import { useTranslation } from "react-i18next";

export function NotFoundPage({ host, homeUrl }: { host: string | null; homeUrl: string }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("a11y.skipToContent")}
      </a>
      <main id="main" className="centered">
        <div className="notice">
          <p className="notice-code" aria-hidden="true">
            404
          </p>
          <h1>{t("notFound.heading")}</h1>
          <p>{host ? t("notFound.unknownHost", { host }) : t("notFound.unknownPage")}</p>
          <p>
            <a href={homeUrl}>{host ? t("notFound.backToPlatform") : t("notFound.backHome")}</a>
          </p>
        </div>
      </main>
    </>
  );
}
