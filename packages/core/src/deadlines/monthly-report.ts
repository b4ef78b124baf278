// The monthly compliance report (3691/QĐ-UBND Điều 11.4 and 20): per agency and section, how many
// updates fell due in the month and how many were on time, late or missed; printable and as CSV.
import type { Language } from "@cong/i18n";
import { calendarMonthSchema, type Localized } from "@cong/config";
import type { Tx } from "@cong/db";
import { toUtc } from "@cong/schedule";
import { asLocalized } from "../json.ts";
import { parseWith, type Checked, type Lang } from "../validation.ts";

export const monthSchema = calendarMonthSchema("errors.monthInvalid");

export type ReportRow = { agency: Localized; agencyKey: string; section: Localized; sectionSlug: string; due: number; onTime: number; late: number; missed: number; pending: number };
export type MonthlyReport = { month: string; rows: ReportRow[]; totals: Omit<ReportRow, "agency" | "agencyKey" | "section" | "sectionSlug"> };

export async function monthlyReport({ tx, tenantId, month, lang }: { tx: Tx; tenantId: string; month: unknown; lang?: Lang }): Promise<Checked<MonthlyReport>> {
  const parsed = parseWith(monthSchema, month, lang);
  if (!parsed.ok) return { ok: false, errors: { month: parsed.errors.form ?? ["errors.monthInvalid"] } };
  const [y, m] = parsed.value.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  const { timeZone } = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true } });
  const from = toUtc(`${parsed.value}-01`, "00:00", timeZone);
  const to = toUtc(`${next}-01`, "00:00", timeZone);
  const rows = await tx.dueInstance.findMany({
    where: { tenantId, dueAt: { gte: from, lt: to } },
    select: { status: true, agency: { select: { key: true, names: true } }, section: { select: { slug: true, names: true, position: true } } },
  });
  const groups = new Map<string, ReportRow & { position: number }>();
  for (const r of rows) {
    const k = `${r.agency.key}/${r.section.slug}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { agency: asLocalized(r.agency.names), agencyKey: r.agency.key, section: asLocalized(r.section.names), sectionSlug: r.section.slug, position: r.section.position, due: 0, onTime: 0, late: 0, missed: 0, pending: 0 }));
    g.due++;
    if (r.status === "fulfilled") g.onTime++;
    else if (r.status === "late") g.late++;
    else if (r.status === "missed" || r.status === "overdue") g.missed++;
    else g.pending++;
  }
  const collator = new Intl.Collator("vi");
  const list = [...groups.values()].sort((a, b) => collator.compare(a.agency.vi, b.agency.vi) || a.position - b.position).map(({ position: _p, ...r }) => r);
  const totals = list.reduce((t, r) => ({ due: t.due + r.due, onTime: t.onTime + r.onTime, late: t.late + r.late, missed: t.missed + r.missed, pending: t.pending + r.pending }), { due: 0, onTime: 0, late: 0, missed: 0, pending: 0 });
  return { ok: true, value: { month: parsed.value, rows: list, totals } };
}

/** RFC 4180 CSV with a UTF-8 BOM, so spreadsheet programs read Vietnamese correctly. */
export function reportCsv(report: MonthlyReport, headers: string[], lang: Language): string {
  const cell = (v: string | number) => {
    const s = String(v);
    // A cell starting with = + - @ is a formula to spreadsheet programs: neutralise it.
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const pick = (l: Localized) => l[lang] ?? l.vi;
  const lines = [headers.map(cell).join(",")];
  for (const r of report.rows) lines.push([report.month, pick(r.agency), pick(r.section), r.due, r.onTime, r.late, r.missed, r.pending].map(cell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
