// The agency-role matrix as forms: one section's duties as rows (agency, role, what, sub-categories,
// deadline rule, citation), grouped back into the pack's agency x section entries; and the portal's lead
// unit, operator and data lead.
import type { TenantPack } from "@cong/config";
import { translate } from "@cong/i18n";
import type { Lang } from "../validation.ts";
import { bool, compact, list, num, optionalLocalizedInput, optStr, record, rows, str, strings, type FormInput } from "./form-input.ts";
import type { PackEdit } from "./save-tenant-config.ts";

/** A deadline rule from the row's fields: only those its kind uses are read; "" is no deadline. */
export function deadlineInput(v: unknown): Record<string, unknown> | undefined {
  const d = record(v);
  const kind = str(d.kind);
  switch (kind) {
    case "":
      return undefined;
    case "daily-at":
      return { kind, times: list(d.times) };
    case "daily-before":
      return { kind, time: str(d.time) };
    case "min-per-day":
      return { kind, count: num(d.count) };
    case "within-hours":
      return { kind, hours: num(d.hours), after: str(d.after) };
    case "within-working-days":
      return { kind, days: num(d.days), after: str(d.after) };
    case "after-event":
      return { kind, after: str(d.after) };
    case "monthly":
      return compact({ kind, day: num(d.day), time: optStr(d.time) });
    default:
      return { kind };
  }
}

/**
 * Replaces the matrix entries of one section with the posted rows. Rows of one agency become one entry,
 * in the order the agencies first appear; the entries take the place of the section's old ones.
 */
export function editSectionDuties(current: TenantPack, section: string, input: FormInput, lang: Lang = "vi"): PackEdit {
  if (!current.sections.some((s) => s.slug === section)) return { pack: current, refused: { form: [translate(lang, "config.problems.sectionGone", { slug: section })] } };
  const offered = current.locales.offered;
  const entries = new Map<string, { duties: unknown[]; rows: number[] }>();
  for (const { row, index } of rows(input.duties)) {
    if (bool(row._remove)) continue;
    const agency = str(row.agency);
    const what = optionalLocalizedInput(row.what, offered);
    // The empty line under the list for a new duty.
    if (agency === "" && str(row.role) === "" && str(row.source) === "" && what === undefined && str(record(row.deadline).kind) === "") continue;
    const categories = strings(row.categories);
    const duty = compact({ role: str(row.role), what, categories: categories.length > 0 ? categories : undefined, deadline: deadlineInput(row.deadline), source: str(row.source) });
    const entry = entries.get(agency) ?? { duties: [], rows: [] };
    entry.duties.push(duty);
    entry.rows.push(index);
    entries.set(agency, entry);
  }

  const first = current.matrix.findIndex((m) => m.section === section);
  const others: unknown[] = current.matrix.filter((m) => m.section !== section);
  const at = first === -1 ? others.length : current.matrix.slice(0, first).filter((m) => m.section !== section).length;
  const mine = [...entries].map(([agency, e]) => ({ agency, section, duties: e.duties }));
  const matrix = [...others.slice(0, at), ...mine, ...others.slice(at)];

  const fields: [string, string][] = [];
  [...entries.values()].forEach((e, k) => {
    const i = at + k;
    const firstRow = e.rows[0] ?? 0;
    fields.push([`matrix[${i}]`, `duties[${firstRow}]`]);
    e.rows.forEach((r, j) => fields.push([`matrix[${i}].duties[${j}]`, `duties[${r}]`]));
  });
  return { pack: { ...current, matrix }, posted: input, fields };
}

type UnitKey = "leadUnit" | "operator" | "dataLead";

/** The lead unit, the operator and (optional: no agency chosen) the data lead. */
export function editUnits(current: TenantPack, input: FormInput): PackEdit {
  const offered = current.locales.offered;
  const unit = (key: UnitKey) => {
    const v = record(input[key]);
    return compact({ agency: str(v.agency), what: optionalLocalizedInput(v.what, offered, current[key]?.what), source: str(v.source) });
  };
  const dataLead = str(record(input.dataLead).agency) === "" ? undefined : unit("dataLead");
  const pack = compact({ ...current, leadUnit: unit("leadUnit"), operator: unit("operator"), dataLead });
  return { pack, posted: input, fields: (["leadUnit", "operator", "dataLead"] as const).map((k) => [k, k] as const) };
}
