// The portal's lead (standing) unit, operator and data lead: which agency, what it does, and the article.
import type { Localized } from "@cong/config";
import { localized } from "@cong/i18n";
import { useTranslation } from "react-i18next";
import { SelectField, TextField, type FieldErrors } from "~/components/form/fields";
import { LocalizedFields, read } from "./config-form";

export const UNITS_FORM_KEYS = ["leadUnit", "operator", "dataLead"] as const;

type Props = { values: unknown; offered: readonly string[]; errors?: FieldErrors | null; agencies: { value: string; names: Localized }[] };

export function UnitFields({ values, offered, errors, agencies }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {UNITS_FORM_KEYS.map((key) => (
        <fieldset className="field" key={key}>
          <legend>{t(`config.matrix.${key}`)}</legend>
          <SelectField
            name={`${key}.agency`}
            label={t("config.matrix.agency")}
            hint={key === "dataLead" ? t("config.matrix.dataLeadHint") : undefined}
            defaultValue={read(values, `${key}.agency`)}
            options={[
              ...(key === "dataLead" ? [{ value: "", label: t("config.none") }] : []),
              ...agencies.map((a) => ({ value: a.value, label: localized(a.names, i18n.language).text })),
            ]}
            errors={errors}
          />
          <LocalizedFields name={`${key}.what`} label={t("config.matrix.what")} offered={offered} values={values} errors={errors} />
          <TextField name={`${key}.source`} label={t("config.matrix.source")} hint={t("config.matrix.sourceHint")} defaultValue={read(values, `${key}.source`)} errors={errors} />
        </fieldset>
      ))}
    </>
  );
}
