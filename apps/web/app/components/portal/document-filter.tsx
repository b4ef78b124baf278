// Browse a documents section by form, issuing body, field, date of issue and sub-category
// (2187/2017/QĐ-UBND Điều 14.4). A plain GET form: the filters are in the address, so a filtered list
// can be bookmarked and shared. A refused value is named above the form and beside its field.
import type { Localized } from "@cong/config";
import { localized } from "@cong/i18n";
import { useTranslation } from "react-i18next";
import type { FilterErrors, FilterInput } from "~/utils/public.server";

type Props = {
  action: string;
  facets: { forms: string[]; issuers: string[]; fields: string[] };
  categories: { slug: string; names: Localized }[];
  input: FilterInput;
  errors: FilterErrors | null;
};

const FIELDS = ["category", "form", "issuer", "field", "from", "to"] as const;
type Field = (typeof FIELDS)[number];
const idOf = (field: Field) => `filter-${field}`;

export function DocumentFilter({ action, facets, categories, input, errors }: Props) {
  const { t, i18n } = useTranslation();
  const label = (field: Field) => t(`public.filter.${field}`);
  const invalid = (field: Field) => (errors?.[field]?.length ?? 0) > 0;
  const aria = (field: Field) => (invalid(field) ? { "aria-invalid": true, "aria-describedby": `${idOf(field)}-error` } : {});
  const fieldError = (field: Field) =>
    invalid(field) ? (
      <p className="field-error" id={`${idOf(field)}-error`}>
        {errors![field]!.map((key) => t("public.filter.error", { field: label(field), message: t(key) })).join(" ")}
      </p>
    ) : null;
  const choices = (field: "form" | "issuer" | "field", values: string[]) => {
    const current = input[field];
    const all = current && !values.includes(current) ? [...values, current] : values;
    return (
      <div className={`filter-field${invalid(field) ? " field-invalid" : ""}`}>
        <label htmlFor={idOf(field)}>{label(field)}</label>
        <select id={idOf(field)} name={field} defaultValue={current ?? ""} {...aria(field)}>
          <option value="">{t("public.filter.any")}</option>
          {all.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
        {fieldError(field)}
      </div>
    );
  };
  const date = (field: "from" | "to") => (
    <div className={`filter-field${invalid(field) ? " field-invalid" : ""}`}>
      <label htmlFor={idOf(field)}>{label(field)}</label>
      <input id={idOf(field)} type="date" name={field} defaultValue={input[field] ?? ""} {...aria(field)} />
      {fieldError(field)}
    </div>
  );
  return (
    <section className="doc-filter" aria-labelledby="doc-filter-heading">
      <h2 id="doc-filter-heading">{t("public.filter.heading")}</h2>
      {errors && Object.keys(errors).length > 0 ? (
        <div className="error-summary" role="alert">
          <p>
            <strong>{t("public.filter.failed")}</strong>
          </p>
          <ul>
            {FIELDS.filter(invalid).map((field) => (
              <li key={field} data-field={field}>
                <a href={`#${idOf(field)}`}>{errors[field]!.map((key) => t("public.filter.error", { field: label(field), message: t(key) })).join(" ")}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="get" action={action} className="filter-grid">
        {categories.length > 0 ? (
          <div className={`filter-field${invalid("category") ? " field-invalid" : ""}`}>
            <label htmlFor={idOf("category")}>{label("category")}</label>
            <select id={idOf("category")} name="category" defaultValue={input.category ?? ""} {...aria("category")}>
              <option value="">{t("public.filter.any")}</option>
              {categories.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {localized(c.names, i18n.language).text}
                </option>
              ))}
            </select>
            {fieldError("category")}
          </div>
        ) : null}
        {choices("form", facets.forms)}
        {choices("issuer", facets.issuers)}
        {choices("field", facets.fields)}
        {date("from")}
        {date("to")}
        <div className="filter-actions">
          <button type="submit">{t("public.filter.submit")}</button>
          <a href={action}>{t("public.filter.reset")}</a>
        </div>
      </form>
    </section>
  );
}
