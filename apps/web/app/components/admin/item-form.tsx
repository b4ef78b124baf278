// The item editor: texts per offered language (the default one required, the others optional and marked
// as such), the fields of the item's kind (a document's metadata per 2187/2017 Điều 14.4, a link's or a
// video's address, files), sub-category. Every refused field is named in the summary and at the field.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Localized } from "@cong/config";
import { localized } from "@cong/i18n";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary, SelectField, TextArea, TextField, type FieldErrors } from "~/components/form/fields";
import { RichText } from "~/components/admin/rich-text";

export type ItemFormValues = {
  category?: string | null;
  mediaUrl?: string | null;
  coverId?: string | null;
  fileId?: string | null;
  doc?: Record<string, string | null | undefined> | null;
  translations?: Record<string, { title?: string | null; summary?: string | null; body?: string | null } | undefined>;
};

type Props = {
  kind: string;
  locales: string[];
  defaultLocale: string;
  categories: { slug: string; names: Localized }[];
  values: ItemFormValues;
  files: { cover: string | null; file: string | null };
  errors: FieldErrors | null;
  uploadUrl: string;
  submitLabel: string;
  disabled?: boolean;
};

const DOC_FIELDS = ["form", "number", "issuer", "signer", "field"] as const;
const DOC_DATES = ["issuedOn", "effectiveOn", "expiresOn"] as const;
const DOC_STATUSES = ["", "in-force", "not-yet-in-force", "expired", "replaced", "partly-expired"];

export function ItemForm({ kind, locales, defaultLocale, categories, values, files, errors, uploadUrl, submitLabel, disabled }: Props) {
  const { t, i18n } = useTranslation();
  const ordered = [defaultLocale, ...locales.filter((l) => l !== defaultLocale)];
  const labels: Record<string, string> = {
    category: t("items.form.category"),
    mediaUrl: kind === "video" ? t("items.form.mediaUrlVideo") : t("items.form.mediaUrl"),
    coverUpload: t("items.form.cover"),
    fileUpload: kind === "video" ? t("items.form.videoFile") : t("items.form.file"),
    coverId: t("items.form.cover"),
    fileId: kind === "video" ? t("items.form.videoFile") : t("items.form.file"),
    kind: t("items.list.title"),
  };
  for (const l of ordered) {
    const lang = t(`language.names.${l}`);
    labels[`translations.${l}.title`] = `${t("items.form.title")} (${lang})`;
    labels[`translations.${l}.summary`] = `${kind === "document" ? t("items.form.summaryDocument") : t("items.form.summary")} (${lang})`;
    labels[`translations.${l}.body`] = `${t("items.form.body")} (${lang})`;
    labels[`translations.${l}`] = lang;
  }
  for (const f of [...DOC_FIELDS, ...DOC_DATES, "status"]) labels[`doc.${f}`] = t(`items.form.doc.${f}`);
  const tr = (l: string) => values.translations?.[l] ?? {};

  return (
    <Form method="post" encType="multipart/form-data" noValidate className="item-form">
      <CsrfInput />
      <input type="hidden" name="kind" value={kind} />
      <ErrorSummary errors={errors} labels={labels} />
      <fieldset disabled={disabled} className="plain">
        {categories.length > 0 ? (
          <SelectField
            name="category"
            label={labels.category!}
            defaultValue={values.category ?? ""}
            options={[{ value: "", label: t("items.form.noCategory") }, ...categories.map((c) => ({ value: c.slug, label: localized(c.names, i18n.language).text }))]}
            errors={errors}
          />
        ) : null}

        {ordered.map((l) => (
          <fieldset key={l} className="field translation" lang={l} data-locale={l}>
            <legend>{t("items.form.language", { name: t(`language.names.${l}`) })}</legend>
            {l !== defaultLocale ? <p className="field-hint">{t("items.form.translationHint")}</p> : null}
            <TextField name={`translations.${l}.title`} label={labels[`translations.${l}.title`]!} defaultValue={tr(l).title} errors={errors} lang={l} required={l === defaultLocale} />
            <TextArea name={`translations.${l}.summary`} label={labels[`translations.${l}.summary`]!} defaultValue={tr(l).summary} errors={errors} lang={l} rows={3} />
            {kind === "article" || kind === "document" ? (
              <div className={`field${errors?.[`translations.${l}.body`] ? " field-invalid" : ""}`}>
                <label htmlFor={`f-body-${l}`}>{labels[`translations.${l}.body`]}</label>
                <RichText name={`translations.${l}.body`} id={`f-body-${l}`} label={labels[`translations.${l}.body`]!} defaultValue={tr(l).body ?? ""} lang={l} uploadUrl={uploadUrl} />
              </div>
            ) : null}
          </fieldset>
        ))}

        {kind === "link" || kind === "video" ? <TextField name="mediaUrl" type="url" label={labels.mediaUrl!} defaultValue={values.mediaUrl} errors={errors} /> : null}

        {kind === "document" ? (
          <fieldset className="field">
            <legend>{t("items.form.docHeading")}</legend>
            {DOC_FIELDS.map((f) => (
              <TextField key={f} name={`doc.${f}`} label={labels[`doc.${f}`]!} defaultValue={values.doc?.[f]} errors={errors} required={f !== "signer" && f !== "field"} />
            ))}
            {DOC_DATES.map((f) => (
              <TextField key={f} name={`doc.${f}`} type="date" label={labels[`doc.${f}`]!} defaultValue={values.doc?.[f]} errors={errors} required={f === "issuedOn"} />
            ))}
            <SelectField
              name="doc.status"
              label={labels["doc.status"]!}
              defaultValue={values.doc?.status ?? ""}
              options={DOC_STATUSES.map((s) => ({ value: s, label: t(`items.form.docStatuses.${s || "none"}`) }))}
              errors={errors}
            />
          </fieldset>
        ) : null}

        {kind === "document" || kind === "video" ? (
          <FileSlot name="fileUpload" idField="fileId" label={labels.fileUpload!} current={files.file} currentId={values.fileId} accept={kind === "video" ? "video/mp4,video/webm" : "application/pdf"} errors={errors} />
        ) : null}
        {kind === "article" || kind === "video" ? (
          <FileSlot name="coverUpload" idField="coverId" label={labels.coverUpload!} current={files.cover} currentId={values.coverId} accept="image/png,image/jpeg,image/webp,image/gif" errors={errors} />
        ) : null}

        <button type="submit" name="intent" value="save" className="button">
          {submitLabel}
        </button>
      </fieldset>
    </Form>
  );
}

function FileSlot({ name, idField, label, current, currentId, accept, errors }: { name: string; idField: string; label: string; current: string | null; currentId?: string | null; accept: string; errors: FieldErrors | null }) {
  const { t } = useTranslation();
  const messages = [...(errors?.[name] ?? []), ...(errors?.[idField] ?? [])];
  return (
    <div className={`field${messages.length ? " field-invalid" : ""}`}>
      <label htmlFor={`f-${name}`}>{label}</label>
      {currentId ? (
        <p className="field-hint">
          <input type="hidden" name={idField} value={currentId} />
          {t("items.form.currentFile", { name: current ?? currentId })}{" "}
          <label className="checkbox">
            <input type="checkbox" name={`remove.${idField}`} /> {t("items.form.removeFile")}
          </label>
        </p>
      ) : null}
      <input id={`f-${name}`} type="file" name={name} accept={accept} aria-invalid={messages.length ? true : undefined} />
      {messages.map((m, i) => (
        <p key={i} className="field-error">
          {m.startsWith("errors.") ? t(m) : m}
        </p>
      ))}
    </div>
  );
}
