// Shown when rendering fails: says so in the page language, without details.
import { useTranslation } from "react-i18next";

export function ErrorPage() {
  const { t } = useTranslation();
  return (
    <main id="main" className="centered">
      <div className="notice">
        <h1>{t("error.heading")}</h1>
        <p>{t("error.message")}</p>
        <p>
          <a href="/">{t("notFound.backHome")}</a>
        </p>
      </div>
    </main>
  );
}
