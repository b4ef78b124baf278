// The section form's fields: what the citizen sees (names, description, order, on/off), how it works
// (kind, review before publishing, link address) and why it exists (source), then its sub-categories.
import { useTranslation } from "react-i18next";
import { SelectField, TextField, type FieldErrors } from "~/components/form/fields";
import { CheckField, LocalizedFields, read, RemoveRow, rowsOf } from "./config-form";

export const SECTION_FORM_KEYS = ["slug", "kind", "names", "description", "order", "enabled", "review", "url", "source", "categories"] as const;

type Props = { values: unknown; offered: readonly string[]; errors?: FieldErrors | null };
type KindProps = { values: unknown; errors?: FieldErrors | null; kinds: readonly string[] };

/** `kinds`: the schema's section kinds, handed down by the loader so the schema stays off the browser bundle. */
export function SectionKindField({ values, errors, kinds }: KindProps) {
  const { t } = useTranslation();
  return (
    <SelectField
      name="kind"
      label={t("config.sections.kind")}
      defaultValue={read(values, "kind")}
      options={kinds.map((k) => ({ value: k, label: t(`config.sectionKinds.${k}`) }))}
      errors={errors}
    />
  );
}

export function SectionFields({ values, offered, errors, kinds }: Props & { kinds: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      <LocalizedFields name="names" label={t("config.sections.names")} offered={offered} values={values} errors={errors} />
      <LocalizedFields name="description" label={t("config.sections.description")} offered={offered} values={values} errors={errors} multiline />
      <SectionKindField values={values} errors={errors} kinds={kinds} />
      <TextField name="order" type="number" label={t("config.sections.order")} defaultValue={read(values, "order")} errors={errors} />
      <CheckField name="enabled" label={t("config.sections.enabledLabel")} values={values} />
      <CheckField name="review" label={t("config.sections.review")} values={values} />
      <TextField name="url" type="url" label={t("config.sections.url")} hint={t("config.sections.urlHint")} defaultValue={read(values, "url")} errors={errors} />
      <TextField name="source" label={t("config.sections.source")} hint={t("config.sections.sourceHint")} defaultValue={read(values, "source")} errors={errors} />
    </>
  );
}

/**
 * The sub-categories: one fieldset per row, existing codes fixed, and an empty row to add one. Posted
 * rows are shown as posted so a refusal lands on the row the admin typed in.
 */
export function CategoryRows({ values, offered, errors, existing, addBlank }: Props & { existing: readonly string[]; addBlank: boolean }) {
  const { t } = useTranslation();
  const count = rowsOf(values, "categories").length + (addBlank ? 1 : 0);
  return (
    <fieldset className="field">
      <legend>{t("config.sections.categories")}</legend>
      {Array.from({ length: count }, (_, i) => {
        const name = `categories[${i}]`;
        const slug = read(values, `${name}.slug`);
        const fixed = existing.includes(slug);
        const blank = addBlank && i === count - 1;
        return (
          <fieldset key={i} className="panel" data-category={slug || "new"}>
            <legend>{fixed ? t("config.sections.categoryN", { n: i + 1 }) : t("config.sections.newCategory")}</legend>
            {fixed ? (
              <p className="muted">
                <input type="hidden" name={`${name}.slug`} value={slug} />
                {t("config.sections.fixedSlug", { slug })}
              </p>
            ) : (
              <TextField name={`${name}.slug`} label={t("config.sections.categorySlug")} hint={t("config.sections.slugHint")} defaultValue={slug} errors={errors} />
            )}
            <LocalizedFields name={`${name}.names`} label={t("config.sections.names")} offered={offered} values={values} errors={errors} />
            <TextField name={`${name}.order`} type="number" label={t("config.sections.order")} defaultValue={read(values, `${name}.order`)} errors={errors} />
            <CheckField name={`${name}.enabled`} label={t("config.sections.categoryEnabled")} values={values} defaultChecked={blank ? true : undefined} />
            {fixed ? <RemoveRow name={name} values={values} /> : null}
          </fieldset>
        );
      })}
    </fieldset>
  );
}
