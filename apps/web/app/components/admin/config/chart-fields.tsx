// The chart form's fields (issue 10): what the citizen reads (names, description), where it shows (a
// statistics or charts section), what it draws (up to six series of that section, in the order of the
// slots: the legend's order), how (lines, bars, stacked bars; running totals) and its order on the page.
import type { Localized } from "@cong/config";
import { localized } from "@cong/i18n";
import { useTranslation } from "react-i18next";
import { SelectField, TextField, type FieldErrors } from "~/components/form/fields";
import { CheckField, LocalizedFields, read } from "./config-form";
import { listOf, type Option } from "./series-fields";

export const CHART_FORM_KEYS = ["key", "names", "description", "section", "series", "kind", "cumulative", "order"] as const;

export type ChartChoices = { sections: Option[]; series: (Option & { section: string; cumulative: boolean })[]; kinds: readonly string[]; slots: number };

/** The error summary's labels for this form's fields. */
export function chartLabels(t: (key: string, o?: Record<string, unknown>) => string): Record<string, string> {
  return {
    key: t("config.charts.key"),
    section: t("config.charts.section"),
    series: t("config.charts.series"),
    kind: t("config.charts.kind"),
    order: t("config.charts.order"),
  };
}

/** The series slots: each a select of every series, grouped by the section that shows it. */
function SeriesSlots({ values, errors, choices }: { values: unknown; errors?: FieldErrors | null; choices: ChartChoices }) {
  const { t, i18n } = useTranslation();
  const name = (names: Localized) => localized(names, i18n.language).text;
  const chosen = listOf(values, "series");
  const sections = new Map(choices.sections.map((s) => [s.value, name(s.names)]));
  const options = [
    { value: "", label: t("config.charts.noSeries") },
    ...choices.series.map((s) => ({
      value: s.value,
      label: `${name(s.names)} (${s.value}; ${sections.get(s.section) ?? s.section}${s.cumulative ? `; ${t("config.charts.keepsTotals")}` : ""})`,
    })),
  ];
  return (
    <fieldset className="field">
      <legend>{t("config.charts.series")}</legend>
      <p className="field-hint">
        {t("config.charts.seriesHint")}
      </p>
      {Array.from({ length: choices.slots }, (_, i) => (
        <SelectField key={i} name={`series[${i}]`} label={t("config.charts.seriesN", { n: i + 1 })} defaultValue={chosen[i] ?? ""} options={options} errors={errors} />
      ))}
    </fieldset>
  );
}

/** Every field but the key (fixed once made): the add form and the edit form share them. */
export function ChartFields({ values, offered, errors, choices }: { values: unknown; offered: readonly string[]; errors?: FieldErrors | null; choices: ChartChoices }) {
  const { t, i18n } = useTranslation();
  const name = (names: Localized) => localized(names, i18n.language).text;
  return (
    <>
      <LocalizedFields name="names" label={t("config.charts.names")} offered={offered} values={values} errors={errors} />
      <LocalizedFields name="description" label={t("config.charts.description")} hint={t("config.charts.descriptionHint")} offered={offered} values={values} errors={errors} multiline />
      <SelectField
        name="section"
        label={t("config.charts.section")}
        hint={choices.sections.length > 0 ? t("config.charts.sectionHint") : t("config.figures.noSection")}
        defaultValue={read(values, "section")}
        options={choices.sections.map((s) => ({ value: s.value, label: `${name(s.names)} (${s.value})` }))}
        errors={errors}
      />
      <SeriesSlots values={values} errors={errors} choices={choices} />
      <SelectField name="kind" label={t("config.charts.kind")} defaultValue={read(values, "kind") || "line"} options={choices.kinds.map((k) => ({ value: k, label: t(`config.charts.kinds.${k}`) }))} errors={errors} />
      <CheckField name="cumulative" label={t("config.charts.cumulative")} values={values} />
      <TextField name="order" type="number" label={t("config.charts.order")} hint={t("config.charts.orderHint")} defaultValue={read(values, "order")} errors={errors} />
    </>
  );
}
