// The agency form's fields: names (and short names) per offered language, kind, parent agency, the
// administrative unit it sits in, and for a collective agency the level whose every unit it stands for.
import type { Localized } from "@cong/config";
import { localized } from "@cong/i18n";
import { useTranslation } from "react-i18next";
import { SelectField, TextField, type FieldErrors } from "~/components/form/fields";
import { LocalizedFields, read } from "./config-form";

export const AGENCY_FORM_KEYS = ["id", "names", "shortName", "kind", "parent", "unit", "scope"] as const;

type Option = { value: string; names: Localized };
type Props = { values: unknown; offered: readonly string[]; errors?: FieldErrors | null; agencies: Option[]; levels: Option[]; self?: string; kinds: readonly string[] };

/** `kinds`: the schema's agency kinds, handed down by the loader so the schema stays off the browser bundle. */
export function AgencyKindField({ values, errors, kinds }: { values: unknown; errors?: FieldErrors | null; kinds: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <SelectField
      name="kind"
      label={t("config.agencies.kind")}
      defaultValue={read(values, "kind")}
      options={kinds.map((k) => ({ value: k, label: t(`config.agencyKinds.${k}`) }))}
      errors={errors}
    />
  );
}

export function AgencyFields({ values, offered, errors, agencies, levels, self, kinds }: Props) {
  const { t, i18n } = useTranslation();
  const name = (names: Localized) => localized(names, i18n.language).text;
  return (
    <>
      <LocalizedFields name="names" label={t("config.agencies.names")} offered={offered} values={values} errors={errors} />
      <LocalizedFields name="shortName" label={t("config.agencies.shortName")} offered={offered} values={values} errors={errors} />
      <AgencyKindField values={values} errors={errors} kinds={kinds} />
      <SelectField
        name="parent"
        label={t("config.agencies.parent")}
        defaultValue={read(values, "parent")}
        options={[{ value: "", label: t("config.none") }, ...agencies.filter((a) => a.value !== self).map((a) => ({ value: a.value, label: name(a.names) }))]}
        errors={errors}
      />
      <TextField name="unit" label={t("config.agencies.unit")} hint={t("config.agencies.unitHint")} defaultValue={read(values, "unit")} errors={errors} />
      <SelectField
        name="scope.level"
        label={t("config.agencies.scope")}
        hint={t("config.agencies.scopeHint")}
        defaultValue={read(values, "scope.level")}
        options={[{ value: "", label: t("config.none") }, ...levels.map((l) => ({ value: l.value, label: name(l.names) }))]}
        errors={errors}
      />
    </>
  );
}
