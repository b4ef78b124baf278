// Form fields that name their errors: each field shows its own messages (linked by aria-describedby),
// and the summary at the top lists every refused field by its label, so a screen reader user hears
// what to fix and where.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type FieldErrors = Record<string, string[]>;

/** A message is an i18n key ("errors.…") or already in the user's language (zod's own). */
export function useErrorText() {
  const { t } = useTranslation();
  return (message: string) => (message.startsWith("errors.") ? t(message) : message);
}

const idOf = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;

export function ErrorSummary({ errors, labels }: { errors?: FieldErrors | null; labels: Record<string, string> }) {
  const { t } = useTranslation();
  const text = useErrorText();
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <p>
        <strong>{t("errors.formHasErrors")}</strong>
      </p>
      <ul>
        {Object.entries(errors).map(([field, messages]) =>
          messages.map((m, i) => (
            <li key={`${field}-${i}`} data-field={field}>
              {labels[field] ? (
                <a href={`#${idOf(field)}`}>{t("errors.fieldError", { field: labels[field], message: text(m) })}</a>
              ) : (
                text(m)
              )}
            </li>
          )),
        )}
      </ul>
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  errors?: FieldErrors | null;
  hint?: ReactNode;
  children?: ReactNode;
};

function FieldFrame({ name, label, errors, hint, children }: FieldProps) {
  const text = useErrorText();
  const messages = errors?.[name] ?? [];
  return (
    <div className={`field${messages.length > 0 ? " field-invalid" : ""}`}>
      <label htmlFor={idOf(name)}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${idOf(name)}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {messages.map((m, i) => (
        <p className="field-error" id={`${idOf(name)}-error`} key={i}>
          {text(m)}
        </p>
      ))}
    </div>
  );
}

function describedBy(name: string, errors: FieldErrors | null | undefined, hint: unknown) {
  const ids = [hint ? `${idOf(name)}-hint` : null, errors?.[name]?.length ? `${idOf(name)}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

type InputProps = FieldProps & {
  type?: string;
  defaultValue?: string | number | null;
  required?: boolean;
  autoComplete?: string;
  maxLength?: number;
  lang?: string;
  placeholder?: string;
  step?: number;
};

export function TextField({ type = "text", defaultValue, required, autoComplete, maxLength, lang, placeholder, step, ...frame }: InputProps) {
  return (
    <FieldFrame {...frame}>
      <input
        id={idOf(frame.name)}
        name={frame.name}
        type={type}
        defaultValue={defaultValue ?? undefined}
        required={required}
        autoComplete={autoComplete}
        maxLength={maxLength}
        lang={lang}
        placeholder={placeholder}
        step={step}
        aria-invalid={frame.errors?.[frame.name]?.length ? true : undefined}
        aria-describedby={describedBy(frame.name, frame.errors, frame.hint)}
      />
    </FieldFrame>
  );
}

export function TextArea({ defaultValue, required, lang, rows = 4, ...frame }: InputProps & { rows?: number }) {
  return (
    <FieldFrame {...frame}>
      <textarea
        id={idOf(frame.name)}
        name={frame.name}
        defaultValue={defaultValue ?? undefined}
        required={required}
        lang={lang}
        rows={rows}
        aria-invalid={frame.errors?.[frame.name]?.length ? true : undefined}
        aria-describedby={describedBy(frame.name, frame.errors, frame.hint)}
      />
    </FieldFrame>
  );
}

export function SelectField({
  options,
  defaultValue,
  required,
  ...frame
}: FieldProps & { options: { value: string; label: string }[]; defaultValue?: string | null; required?: boolean }) {
  return (
    <FieldFrame {...frame}>
      <select
        id={idOf(frame.name)}
        name={frame.name}
        defaultValue={defaultValue ?? undefined}
        required={required}
        aria-invalid={frame.errors?.[frame.name]?.length ? true : undefined}
        aria-describedby={describedBy(frame.name, frame.errors, frame.hint)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of checkboxes sharing one name, with one legend and one error list. */
export function CheckboxGroup({ name, legend, options, checked, errors }: { name: string; legend: string; options: { value: string; label: string }[]; checked: string[]; errors?: FieldErrors | null }) {
  const text = useErrorText();
  const messages = errors?.[name] ?? [];
  return (
    <fieldset className={`field checkbox-group${messages.length > 0 ? " field-invalid" : ""}`} id={idOf(name)}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} /> {o.label}
        </label>
      ))}
      {messages.map((m, i) => (
        <p className="field-error" key={i}>
          {text(m)}
        </p>
      ))}
    </fieldset>
  );
}

export function Checkbox({ name, label, defaultChecked }: { name: string; label: string; defaultChecked?: boolean }) {
  return (
    <label className="checkbox">
      <input type="checkbox" name={name} value="on" defaultChecked={defaultChecked} /> {label}
    </label>
  );
}
