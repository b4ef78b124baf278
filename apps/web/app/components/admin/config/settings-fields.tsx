// The general settings form: names, domains, languages, time zone, branding, contacts, hotlines and the
// attribution line. Colours are plain text boxes (not colour pickers) so a wrong value is visible as typed.
import type { Localized } from "@cong/config";
import { localized, supportedLanguages as LOCALES } from "@cong/i18n";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { CheckboxGroup, SelectField, TextArea, TextField, type FieldErrors } from "~/components/form/fields";
import { LocalizedFields, read, RemoveRow, rowsOf } from "./config-form";

export const SETTINGS_FORM_KEYS = ["name", "portalTitle", "domains", "locales", "timeZone", "branding", "contacts", "hotlines", "attribution"] as const;

/** The summary's names for this form's fields, as the form labels them. */
export function settingsLabels(t: TFunction): Record<string, string> {
  return {
    name: t("config.settings.name"),
    "locales.offered": t("config.settings.offered"),
    "locales.default": t("config.settings.defaultLocale"),
    "branding.colors.primary": t("config.settings.primary"),
    "branding.colors.secondary": t("config.settings.secondary"),
    "branding.colors.accent": t("config.settings.accent"),
    "branding.logo": t("config.settings.logo"),
    "contacts.email": t("config.settings.email"),
    "contacts.phone": t("config.settings.phone"),
  };
}

type Props = {
  values: unknown;
  offered: readonly string[];
  errors?: FieldErrors | null;
  agencies: { value: string; names: Localized }[];
  addBlank: boolean;
};

// Language names are written for the middle of a sentence ("Tên (tiếng Anh)"); a list of them starts each with a capital.
const capital = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

function asList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : [];
}

export function SettingsFields({ values, offered, errors, agencies, addBlank }: Props) {
  const { t, i18n } = useTranslation();
  const locales = (values as { locales?: { offered?: unknown } }).locales;
  const hotlines = rowsOf(values, "hotlines").length + (addBlank ? 1 : 0);
  return (
    <>
      <fieldset className="field">
        <legend>{t("config.settings.identity")}</legend>
        <LocalizedFields name="portalTitle" label={t("config.settings.portalTitle")} offered={offered} values={values} errors={errors} />
        <LocalizedFields name="name" label={t("config.settings.name")} offered={offered} values={values} errors={errors} />
      </fieldset>

      <TextArea name="domains" label={t("config.settings.domains")} hint={t("config.settings.domainsHint")} defaultValue={read(values, "domains")} errors={errors} rows={3} />

      <fieldset className="field">
        <legend>{t("config.settings.locales")}</legend>
        <p className="field-hint">{t("config.settings.localesHint")}</p>
        <CheckboxGroup
          name="locales.offered"
          legend={t("config.settings.offered")}
          options={LOCALES.map((l) => ({ value: l, label: capital(t(`config.localeNames.${l}`)) }))}
          checked={asList(locales?.offered)}
          errors={errors}
        />
        <SelectField
          name="locales.default"
          label={t("config.settings.defaultLocale")}
          defaultValue={read(values, "locales.default")}
          options={LOCALES.map((l) => ({ value: l, label: capital(t(`config.localeNames.${l}`)) }))}
          errors={errors}
        />
      </fieldset>

      <TextField name="timeZone" label={t("config.settings.timeZone")} hint={t("config.settings.timeZoneHint")} defaultValue={read(values, "timeZone")} errors={errors} />

      <fieldset className="field">
        <legend>{t("config.settings.branding")}</legend>
        {(["primary", "secondary", "accent"] as const).map((c) => (
          <TextField key={c} name={`branding.colors.${c}`} label={t(`config.settings.${c}`)} hint={t("config.settings.colourHint")} defaultValue={read(values, `branding.colors.${c}`)} errors={errors} />
        ))}
        <TextField name="branding.logo" label={t("config.settings.logo")} defaultValue={read(values, "branding.logo")} errors={errors} />
      </fieldset>

      <fieldset className="field">
        <legend>{t("config.settings.contacts")}</legend>
        <LocalizedFields name="contacts.address" label={t("config.settings.address")} offered={offered} values={values} errors={errors} />
        <TextField name="contacts.email" type="email" label={t("config.settings.email")} defaultValue={read(values, "contacts.email")} errors={errors} />
        <TextField name="contacts.phone" type="tel" label={t("config.settings.phone")} defaultValue={read(values, "contacts.phone")} errors={errors} />
      </fieldset>

      <fieldset className="field">
        <legend>{t("config.settings.hotlines")}</legend>
        {Array.from({ length: hotlines }, (_, i) => {
          const name = `hotlines[${i}]`;
          const blank = addBlank && i === hotlines - 1;
          return (
            <fieldset key={i} className="panel">
              <legend>{blank ? t("config.settings.newHotline") : t("config.settings.hotlineN", { n: i + 1 })}</legend>
              <LocalizedFields name={`${name}.label`} label={t("config.settings.hotlineLabel")} offered={offered} values={values} errors={errors} />
              <TextField name={`${name}.number`} type="tel" label={t("config.settings.hotlineNumber")} defaultValue={read(values, `${name}.number`)} errors={errors} />
              <SelectField
                name={`${name}.agency`}
                label={t("config.settings.hotlineAgency")}
                defaultValue={read(values, `${name}.agency`)}
                options={[{ value: "", label: t("config.none") }, ...agencies.map((a) => ({ value: a.value, label: localized(a.names, i18n.language).text }))]}
                errors={errors}
              />
              {blank ? null : <RemoveRow name={name} values={values} />}
            </fieldset>
          );
        })}
      </fieldset>

      <LocalizedFields name="attribution" label={t("config.settings.attribution")} hint={t("config.settings.attributionHint")} offered={offered} values={values} errors={errors} multiline />
    </>
  );
}
