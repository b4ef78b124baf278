// The masthead's search box: a plain GET form to /search, so it works before (and without) JavaScript.
import { useTranslation } from "react-i18next";

export function SearchBox() {
  const { t } = useTranslation();
  return (
    <form className="search-box" method="get" action="/search" role="search" aria-label={t("public.search.label")}>
      <label className="visually-hidden" htmlFor="masthead-q">
        {t("public.search.label")}
      </label>
      <input id="masthead-q" type="search" name="q" maxLength={200} placeholder={t("public.search.label")} />
      <button type="submit">{t("public.search.submit")}</button>
    </form>
  );
}
