// The place kind form's fields (issue 10): the province's own name for the kind if it has one, the
// facilities or map section that lists its places, the agencies that keep them, order, on/off, source.
import type { Localized } from "@cong/config";
import { localized } from "@cong/i18n";
import { useTranslation } from "react-i18next";
import { CheckboxGroup, SelectField, TextField, type FieldErrors } from "~/components/form/fields";
import { CheckField, LocalizedFields, read } from "./config-form";
import { listOf, type Option } from "./series-fields";

export const PLACE_KIND_FORM_KEYS = ["kind", "names", "section", "agencies", "order", "enabled", "source"] as const;

/** What the form offers, handed down by the loader. */
export type PlaceKindChoices = { sections: Option[]; agencies: Option[]; unused: readonly string[] };

type Props = { values: unknown; errors?: FieldErrors | null; choices: PlaceKindChoices };

export function placeKindLabels(t: (key: string) => string): Record<string, string> {
  return { kind: t("config.places.kind"), section: t("config.places.section"), agencies: t("config.places.agencies"), order: t("config.places.order"), source: t("config.places.source") };
}

/** The fields both the short add form and the full form ask: section, agencies, order, on/off. */
export function PlaceKindSetupFields({ values, errors, choices }: Props) {
  const { t, i18n } = useTranslation();
  const name = (names: Localized) => localized(names, i18n.language).text;
  return (
    <>
      <SelectField
        name="section"
        label={t("config.places.section")}
        hint={choices.sections.length > 0 ? t("config.places.sectionHint") : t("config.places.noSection")}
        defaultValue={read(values, "section")}
        options={choices.sections.map((s) => ({ value: s.value, label: `${name(s.names)} (${s.value})` }))}
        errors={errors}
      />
      <CheckboxGroup
        name="agencies"
        legend={t("config.places.agencies")}
        options={choices.agencies.map((a) => ({ value: a.value, label: name(a.names) }))}
        checked={listOf(values, "agencies")}
        errors={errors}
      />
      <p className="field-hint">{t("config.places.agenciesHint")}</p>
      <TextField name="order" type="number" label={t("config.places.order")} defaultValue={read(values, "order")} errors={errors} />
      <CheckField name="enabled" label={t("config.places.enabledLabel")} values={values} />
    </>
  );
}

export function PlaceKindFields({ values, errors, choices, offered, kind }: Props & { offered: readonly string[]; kind: string }) {
  const { t } = useTranslation();
  return (
    <>
      <LocalizedFields name="names" label={t("config.places.names")} hint={t("config.places.namesHint", { name: t(`places.kinds.${kind}`) })} offered={offered} values={values} errors={errors} />
      <PlaceKindSetupFields values={values} errors={errors} choices={choices} />
      <TextField name="source" label={t("config.places.source")} hint={t("config.places.sourceHint")} defaultValue={read(values, "source")} errors={errors} />
    </>
  );
}
