// The series form's fields (issue 10): where it shows and how it is counted (section, measure, level,
// the province's figure), who enters it and when (agencies, times of day), what the citizen reads
// (names, description, order, on/off, cumulative), why it exists (source) and the optional feed.
import type { Localized } from "@cong/config";
import { localized } from "@cong/i18n";
import { useTranslation } from "react-i18next";
import { CheckboxGroup, SelectField, TextField, type FieldErrors } from "~/components/form/fields";
import { LocalizedText } from "~/components/localized-text";
import { CheckField, LocalizedFields, read } from "./config-form";

export const SERIES_FORM_KEYS = ["key", "names", "description", "section", "measure", "level", "province", "times", "cumulative", "agencies", "order", "enabled", "source", "feed"] as const;

export type Option = { value: string; names: Localized };
/** What the form offers, handed down by the loader (the schema's lists stay off the browser bundle). */
export type SeriesChoices = { sections: Option[]; levels: Option[]; agencies: Option[]; measures: readonly string[]; formats: readonly string[] };

type Props = { values: unknown; offered: readonly string[]; errors?: FieldErrors | null; choices: SeriesChoices };

/** The values of a list field ("agencies", "times"): a list in the pack, one or several posted values. */
export function listOf(values: unknown, name: string): string[] {
  const node = values !== null && typeof values === "object" ? (values as Record<string, unknown>)[name] : undefined;
  return Array.isArray(node) ? node.filter((x): x is string => typeof x === "string") : typeof node === "string" ? [node] : [];
}

/** A section, level or agency by its name in the viewer's language, or its key if the pack has none. */
export function KeyName({ names, id }: { names: Record<string, Localized>; id: string }) {
  const found = names[id];
  return found ? <LocalizedText value={found} /> : <code>{id}</code>;
}

/** The error summary's labels for this form's fields (the feed's are nested). */
export function seriesLabels(t: (key: string) => string): Record<string, string> {
  return {
    key: t("config.figures.key"),
    section: t("config.figures.section"),
    measure: t("config.figures.measure"),
    level: t("config.figures.level"),
    province: t("config.figures.province"),
    times: t("config.figures.times"),
    agencies: t("config.figures.agencies"),
    order: t("config.figures.order"),
    source: t("config.figures.source"),
    "feed.url": t("config.figures.feedUrl"),
    "feed.format": t("config.figures.feedFormat"),
    "feed.every": t("config.figures.feedEvery"),
  };
}

/** The fields both the short add form and the full form ask: section, measure, level, province, agencies. */
export function SeriesSetupFields({ values, errors, choices }: Omit<Props, "offered">) {
  const { t, i18n } = useTranslation();
  const name = (names: Localized) => localized(names, i18n.language).text;
  return (
    <>
      <SelectField
        name="section"
        label={t("config.figures.section")}
        hint={choices.sections.length > 0 ? t("config.figures.sectionHint") : t("config.figures.noSection")}
        defaultValue={read(values, "section")}
        options={choices.sections.map((s) => ({ value: s.value, label: `${name(s.names)} (${s.value})` }))}
        errors={errors}
      />
      <SelectField
        name="measure"
        label={t("config.figures.measure")}
        defaultValue={read(values, "measure")}
        options={choices.measures.map((m) => ({ value: m, label: t(`config.figures.measures.${m}`) }))}
        errors={errors}
      />
      <SelectField
        name="level"
        label={t("config.figures.level")}
        hint={t("config.figures.levelHint")}
        defaultValue={read(values, "level")}
        options={[{ value: "", label: t("config.figures.provinceOnly") }, ...choices.levels.map((l) => ({ value: l.value, label: name(l.names) }))]}
        errors={errors}
      />
      <SelectField
        name="province"
        label={t("config.figures.province")}
        defaultValue={read(values, "province")}
        options={(["sum", "entered"] as const).map((p) => ({ value: p, label: t(`config.figures.provinceModes.${p}`) }))}
        errors={errors}
      />
      <CheckboxGroup
        name="agencies"
        legend={t("config.figures.agencies")}
        options={choices.agencies.map((a) => ({ value: a.value, label: name(a.names) }))}
        checked={listOf(values, "agencies")}
        errors={errors}
      />
      <p className="field-hint">{t("config.figures.agenciesHint")}</p>
    </>
  );
}

export function SeriesFields({ values, offered, errors, choices }: Props) {
  const { t } = useTranslation();
  // Times are one box, "06:00, 18:00": a list from the pack is shown as that text, posted text as it came.
  const times = listOf(values, "times").join(", ");
  return (
    <>
      <LocalizedFields name="names" label={t("config.figures.names")} offered={offered} values={values} errors={errors} />
      <LocalizedFields name="description" label={t("config.figures.description")} offered={offered} values={values} errors={errors} multiline />
      <SeriesSetupFields values={values} errors={errors} choices={choices} />
      <TextField name="times" label={t("config.figures.times")} hint={t("config.figures.timesHint")} defaultValue={times} errors={errors} />
      <CheckField name="cumulative" label={t("config.figures.cumulative")} values={values} />
      <TextField name="order" type="number" label={t("config.figures.order")} defaultValue={read(values, "order")} errors={errors} />
      <CheckField name="enabled" label={t("config.figures.enabledLabel")} values={values} />
      <TextField name="source" label={t("config.figures.source")} hint={t("config.figures.sourceHint")} defaultValue={read(values, "source")} errors={errors} />
      <fieldset className="field">
        <legend>{t("config.figures.feed")}</legend>
        <p className="field-hint">{t("config.figures.feedIntro")}</p>
        <TextField name="feed.url" type="url" label={t("config.figures.feedUrl")} defaultValue={read(values, "feed.url")} errors={errors} />
        <SelectField
          name="feed.format"
          label={t("config.figures.feedFormat")}
          defaultValue={read(values, "feed.format") || "csv"}
          options={choices.formats.map((f) => ({ value: f, label: t(`config.figures.formats.${f}`) }))}
          errors={errors}
        />
        <TextField name="feed.every" type="number" label={t("config.figures.feedEvery")} hint={t("config.figures.feedEveryHint")} defaultValue={read(values, "feed.every")} errors={errors} />
      </fieldset>
    </>
  );
}
