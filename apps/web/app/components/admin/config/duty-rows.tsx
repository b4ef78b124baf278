// One section's duties as rows: agency, role, what it covers, which sub-categories, the deadline rule
// (only the boxes its kind uses are shown) and the article that creates it. Also how a rule reads in a
// sentence, for the matrix overview.
import type { Localized } from "@cong/config";
import { localized } from "@cong/i18n";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxGroup, SelectField, TextField, type FieldErrors } from "~/components/form/fields";
import { LocalizedFields, read, RemoveRow } from "./config-form";

export type DutyChoices = {
  agencies: { value: string; names: Localized }[];
  categories: { value: string; names: Localized }[];
  roles: readonly string[];
  deadlineKinds: readonly string[];
  events: readonly string[];
};

type RowProps = { index: number; values: unknown; offered: readonly string[]; errors?: FieldErrors | null; choices: DutyChoices; blank: boolean };

function listOf(values: unknown, name: string): string[] {
  let node: unknown = values;
  for (const m of name.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[m[2] ?? m[1] ?? ""] : undefined;
  return Array.isArray(node) ? node.filter((x): x is string => typeof x === "string") : typeof node === "string" ? [node] : [];
}

function DeadlineFields({ name, values, errors, choices }: { name: string; values: unknown; errors?: FieldErrors | null; choices: DutyChoices }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState(read(values, `${name}.kind`));
  const field = (key: string, type = "text", hint?: string) => (
    <TextField name={`${name}.${key}`} type={type} label={t(`config.deadline.${key}`)} hint={hint} defaultValue={read(values, `${name}.${key}`)} errors={errors} />
  );
  const after = (
    <SelectField
      name={`${name}.after`}
      label={t("config.deadline.after")}
      defaultValue={read(values, `${name}.after`)}
      options={choices.events.map((e) => ({ value: e, label: t(`config.events.${e}`) }))}
      errors={errors}
    />
  );
  // A time box reads "06:00, 18:00" for several times: a list is kept as text.
  const times = listOf(values, `${name}.times`).join(", ") || read(values, `${name}.times`);
  return (
    <fieldset className="field" onChange={(e) => (e.target as HTMLElement).getAttribute("name") === `${name}.kind` && setKind((e.target as HTMLSelectElement).value)}>
      <legend>{t("config.matrix.deadline")}</legend>
      <SelectField
        name={`${name}.kind`}
        label={t("config.deadline.kind")}
        defaultValue={kind}
        options={[{ value: "", label: t("config.deadline.none") }, ...choices.deadlineKinds.map((k) => ({ value: k, label: t(`config.deadline.kinds.${k}`) }))]}
        errors={errors}
      />
      {kind === "daily-at" ? (
        <TextField name={`${name}.times`} label={t("config.deadline.times")} hint={t("config.deadline.timesHint")} defaultValue={times} errors={errors} />
      ) : null}
      {kind === "daily-before" || kind === "monthly" ? field("time", "text", t("config.deadline.timeHint")) : null}
      {kind === "min-per-day" ? field("count", "number") : null}
      {kind === "within-hours" ? field("hours", "number") : null}
      {kind === "within-working-days" ? field("days", "number") : null}
      {kind === "monthly" ? field("day", "number", t("config.deadline.dayHint")) : null}
      {kind === "within-hours" || kind === "within-working-days" || kind === "after-event" ? after : null}
    </fieldset>
  );
}

export function DutyRow({ index, values, offered, errors, choices, blank }: RowProps) {
  const { t, i18n } = useTranslation();
  const name = `duties[${index}]`;
  const label = (names: Localized) => localized(names, i18n.language).text;
  return (
    <fieldset className="panel" data-duty={index}>
      <legend>{blank ? t("config.matrix.newDuty") : t("config.matrix.dutyN", { n: index + 1 })}</legend>
      <SelectField
        name={`${name}.agency`}
        label={t("config.matrix.agency")}
        defaultValue={read(values, `${name}.agency`)}
        options={[{ value: "", label: t("config.none") }, ...choices.agencies.map((a) => ({ value: a.value, label: label(a.names) }))]}
        errors={errors}
      />
      <SelectField
        name={`${name}.role`}
        label={t("config.matrix.role")}
        defaultValue={read(values, `${name}.role`)}
        options={[{ value: "", label: t("config.none") }, ...choices.roles.map((r) => ({ value: r, label: t(`config.dutyRoles.${r}`) }))]}
        errors={errors}
      />
      <LocalizedFields name={`${name}.what`} label={t("config.matrix.what")} offered={offered} values={values} errors={errors} />
      {choices.categories.length > 0 ? (
        <CheckboxGroup
          name={`${name}.categories`}
          legend={t("config.matrix.categories")}
          options={choices.categories.map((c) => ({ value: c.value, label: label(c.names) }))}
          checked={listOf(values, `${name}.categories`)}
          errors={errors}
        />
      ) : null}
      <DeadlineFields name={`${name}.deadline`} values={values} errors={errors} choices={choices} />
      <TextField name={`${name}.source`} label={t("config.matrix.source")} hint={t("config.matrix.sourceHint")} defaultValue={read(values, `${name}.source`)} errors={errors} />
      {blank ? null : <RemoveRow name={name} values={values} />}
    </fieldset>
  );
}

type Rule = { kind: string; times?: string[]; time?: string; count?: number; hours?: number; days?: number; after?: string; day?: number };

/** "daily at 06:00, 18:00", "within 24 hours after a question is asked" */
export function useDeadlineText() {
  const { t } = useTranslation();
  return (rule: Rule | undefined) => {
    if (!rule) return "—";
    const text = t(`config.deadline.summary.${rule.kind}`, {
      times: rule.times?.join(", ") ?? "",
      time: rule.time ?? "",
      n: rule.count ?? "",
      hours: rule.hours ?? "",
      days: rule.days ?? "",
      after: rule.after ? t(`config.events.${rule.after}`) : "",
    });
    const extra = [rule.kind === "monthly" && rule.day ? `${t("config.deadline.day")} ${rule.day}` : null, rule.kind === "monthly" && rule.time ? rule.time : null].filter(Boolean);
    return extra.length > 0 ? `${text} (${extra.join(", ")})` : text;
  };
}
