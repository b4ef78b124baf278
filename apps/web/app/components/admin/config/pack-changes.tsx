// What an import would change, as a table a person can check before applying it: where, what kind of
// change, which item and field, the value before and after. Texts show every language they carry.
import type { Localized } from "@cong/config";
import { localized, supportedLanguages as LOCALES } from "@cong/i18n";
import { useTranslation } from "react-i18next";

export type Change = { area: string; op: string; key: string; field?: string; before?: unknown; after?: unknown };
export type Names = Record<string, Localized>;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const isLocalized = (v: unknown): v is Record<string, string> => isRecord(v) && typeof v.vi === "string" && Object.keys(v).every((k) => (LOCALES as readonly string[]).includes(k));

function useFormat() {
  const { t } = useTranslation();
  const format = (v: unknown): string => {
    if (v === undefined || v === null) return "—";
    if (typeof v === "boolean") return v ? t("admin.yes") : t("admin.no");
    if (typeof v === "string" || typeof v === "number") return String(v);
    if (isLocalized(v)) return Object.entries(v).map(([l, text]) => `${l}: ${text}`).join(" · ");
    if (Array.isArray(v)) return v.every((x) => typeof x === "string") ? v.join(", ") : v.map(format).join("; ");
    if (isRecord(v) && typeof v.role === "string") {
      // A duty: role, what, where it is due, and its article.
      const what = isLocalized(v.what) ? ` — ${v.what.vi}` : "";
      const deadline = isRecord(v.deadline) ? ` (${t(`config.deadline.kinds.${String(v.deadline.kind)}`)})` : "";
      return `${t(`config.dutyRoles.${v.role}`)}${what}${deadline}${typeof v.source === "string" ? ` [${v.source}]` : ""}`;
    }
    return JSON.stringify(v);
  };
  return format;
}

function fieldLabel(field: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  const duty = /^duties\[(\d+)\]$/.exec(field);
  if (duty) return t("config.matrix.dutyN", { n: Number(duty[1]) + 1 });
  return t(`config.fields.${field}`, { defaultValue: field });
}

export function PackChanges({ changes, names }: { changes: Change[]; names: Names }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const item = (c: Change) => {
    const parts = c.key.split("/").map((k) => (names[k] ? localized(names[k], i18n.language).text : k));
    return c.key === "" ? "" : parts.join(" — ");
  };
  return (
    <table className="data" data-testid="pack-changes">
      <thead>
        <tr>
          <th scope="col">{t("config.diff.change")}</th>
          <th scope="col">{t("config.diff.what")}</th>
          <th scope="col">{t("config.diff.before")}</th>
          <th scope="col">{t("config.diff.after")}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c, i) => (
          <tr key={i} data-change={`${c.op} ${c.area} ${c.key}${c.field ? ` ${c.field}` : ""}`}>
            <td>
              {t(`config.diff.ops.${c.op}`)} · {t(`config.diff.areas.${c.area}`)}
            </td>
            <td>
              {c.area === "settings" ? fieldLabel(c.key, t) : item(c)} {c.area !== "settings" && item(c) !== c.key ? <code className="muted">{c.key}</code> : null}
              {c.field ? ` › ${fieldLabel(c.field, t)}` : null}
            </td>
            <td>{c.op === "reordered" ? "" : format(c.before)}</td>
            <td>{c.op === "reordered" ? "" : format(c.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
