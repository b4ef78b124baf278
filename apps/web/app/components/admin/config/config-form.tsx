// Pieces every configuration page shares: the sub-menu, a text asked for in each offered language, the
// labels that let the error summary name any refused field, and reading a field's value out of the
// posted form or the pack. Fields are named by their place in the pack ("names.en", "categories[2].slug").
import { NavLink } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { TextArea, TextField, type FieldErrors } from "~/components/form/fields";

export type Values = Record<string, unknown>;

const SEGMENT = /([^.[\]]+)|\[(\d+)\]/g;

/** The value at a field's name in nested form values, as the text an input shows. */
export function read(values: unknown, name: string): string {
  let node: unknown = values;
  for (const m of name.matchAll(SEGMENT)) {
    if (node === null || typeof node !== "object") return "";
    node = (node as Record<string, unknown>)[m[2] ?? m[1] ?? ""];
  }
  if (typeof node === "string") return node;
  if (typeof node === "number") return String(node);
  return "";
}

/** True for a checkbox that is on in nested values (posted "on", or true in the pack). */
export function checked(values: unknown, name: string): boolean {
  let node: unknown = values;
  for (const m of name.matchAll(SEGMENT)) {
    if (node === null || typeof node !== "object") return false;
    node = (node as Record<string, unknown>)[m[2] ?? m[1] ?? ""];
  }
  return node === true || node === "on";
}

export function ConfigNav() {
  const { t } = useTranslation();
  const links = [
    ["/admin/config", "overview"],
    ["/admin/config/settings", "settings"],
    ["/admin/config/sections", "sections"],
    ["/admin/config/agencies", "agencies"],
    ["/admin/config/matrix", "matrix"],
    ["/admin/config/figures", "figures"],
    ["/admin/config/charts", "charts"],
    ["/admin/config/map", "map"],
    ["/admin/config/places", "places"],
    ["/admin/config/import", "import"],
  ] as const;
  return (
    <nav aria-label={t("config.nav.label")} className="admin-nav">
      <ul>
        {links.map(([to, key]) => (
          <li key={key}>
            <NavLink to={to} end={key === "overview"}>
              {t(`config.nav.${key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type LocalizedProps = {
  name: string;
  label: string;
  offered: readonly string[];
  values: unknown;
  errors?: FieldErrors | null;
  hint?: string;
  multiline?: boolean;
};

/** One box per language the portal offers, labelled with the language. */
export function LocalizedFields({ name, label, offered, values, errors, hint, multiline }: LocalizedProps) {
  const { t } = useTranslation();
  return (
    <>
      {offered.map((lang, i) => {
        const props = {
          name: `${name}.${lang}`,
          label: t("config.localized", { label, locale: t(`config.localeNames.${lang}`) }),
          defaultValue: read(values, `${name}.${lang}`),
          errors,
          lang,
          hint: i === 0 ? hint : undefined,
        };
        return multiline ? <TextArea key={lang} rows={2} {...props} /> : <TextField key={lang} {...props} />;
      })}
    </>
  );
}

const ROWS: Record<string, string> = { categories: "config.sections.categoryN", duties: "config.matrix.dutyN", hotlines: "config.settings.hotlineN", series: "config.charts.seriesN" };

/** A field's label for the error summary, built from its name: "categories[1].names.en" -> "Sub-category 2 › Name (English)". */
export function fieldLabel(name: string, t: TFunction, labels: Record<string, string> = {}): string {
  const parts: string[] = [];
  const keys = [...name.matchAll(SEGMENT)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] ?? "")));
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const next = keys[i + 1];
    if (typeof key === "string" && typeof next === "number" && ROWS[key]) {
      parts.push(t(ROWS[key], { n: next + 1 }));
      i++;
    } else if (typeof key === "string" && (key === "vi" || key === "en" || key === "zh") && parts.length > 0) {
      parts[parts.length - 1] = t("config.localized", { label: parts[parts.length - 1], locale: t(`config.localeNames.${key}`) });
    } else if (typeof key === "string") {
      const own = labels[key];
      parts.push(own ?? t(`config.fields.${key}`, { defaultValue: key }));
    }
  }
  return parts.join(" › ");
}

/**
 * Labels for the error summary: every refused field of this form by its label (`labels` names a whole
 * field, or one part of a name). Problems elsewhere in the configuration already say where they lie,
 * so they get none.
 */
export function errorLabels(errors: FieldErrors | null | undefined, formKeys: readonly string[], t: TFunction, labels: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(errors ?? {})) {
    const first = key.split(/[.[]/)[0] ?? "";
    if (key !== "form" && formKeys.includes(first)) out[key] = labels[key] ?? fieldLabel(key, t, labels);
  }
  return out;
}

/** The outcome of a save, read out to screen readers. */
export function SavedNotice({ count }: { count: number | null | undefined }) {
  const { t } = useTranslation();
  if (count === null || count === undefined) return null;
  return <p role="status">{count === 0 ? t("config.noChanges") : t("config.saved", { count })}</p>;
}

/** A row's "remove" checkbox. */
export function RemoveRow({ name, values }: { name: string; values: unknown }) {
  const { t } = useTranslation();
  return (
    <label className="checkbox">
      <input type="checkbox" name={`${name}._remove`} value="on" defaultChecked={checked(values, `${name}._remove`)} /> {t("config.removeRow")}
    </label>
  );
}

/** A checkbox whose state comes from form values; its label is the field's label. */
export function CheckField({ name, label, values, defaultChecked }: { name: string; label: string; values: unknown; defaultChecked?: boolean }) {
  return (
    <div className="field">
      <label className="checkbox">
        <input type="checkbox" name={name} value="on" defaultChecked={defaultChecked ?? checked(values, name)} /> {label}
      </label>
    </div>
  );
}

/** The rows of a repeated group in form values (posted rows keep their places, so errors match). */
export function rowsOf(values: unknown, key: string): Values[] {
  const list = values !== null && typeof values === "object" ? (values as Record<string, unknown>)[key] : undefined;
  return Array.isArray(list) ? list.map((r) => (r !== null && typeof r === "object" ? (r as Values) : {})) : [];
}
