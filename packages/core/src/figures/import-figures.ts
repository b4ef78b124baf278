// An agency's editor imports figures from a CSV or XLSX file (issue 10): one row per figure, the columns
// found by their header (Vietnamese or English, case and diacritics ignored, others ignored). Every row
// is checked by the grid's rules (entry-rules.ts) before anything is written; a file with any bad row
// changes nothing and the answer names each bad row (its line in the file), column and reason. A good
// file is written in bulk (save-figures.ts): changed values with their history, unchanged ones not at
// all; each agency's entry is an update of its section, and the import is one audit entry. The rows are
// written batch by batch while the next ones are checked (the database works while this process reads),
// after a savepoint: a bad row further down rolls back to it, so a bad file still writes nothing.
import type { AppAbility } from "@cong/authz";
import { isCalendarDate } from "@cong/config";
import type { Tx } from "@cong/db";
import { localDateOf, toUtc } from "@cong/schedule";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import type { FieldErrors, Lang } from "../validation.ts";
import { checkValue, loadEntryRules, tooEarly, type EntryRules } from "./entry-rules.ts";
import { readFigureFile, type Cell } from "./read-figure-file.ts";
import { BATCH, recordFigureEntries, writeFigureBatch, type CheckedFigure } from "./save-figures.ts";
import { findColumns, foldHeader } from "./table-columns.ts";
import { entryRows, type EntryScope, type SeriesInfo } from "./series.ts";

export type FigureColumn = "date" | "time" | "unit" | "series" | "value";
const COLUMNS: FigureColumn[] = ["date", "time", "unit", "series", "value"];

/** Each column's name in a template and in a report when it is missing, by language. */
export const FIGURE_COLUMN_NAMES: Record<Lang, Record<FigureColumn | "unitName", string>> = {
  vi: { date: "Ngày", time: "Giờ", unit: "Mã địa bàn", unitName: "Tên địa bàn", series: "Số liệu", value: "Giá trị" },
  en: { date: "Date", time: "Time", unit: "Unit code", unitName: "Unit name", series: "Series", value: "Value" },
  zh: { date: "日期", time: "时间", unit: "地区代码", unitName: "地区名称", series: "数据类型", value: "数值" },
};

// Headers as people write them, folded (lower case, no diacritics, punctuation as spaces).
const ALIASES: Record<FigureColumn, string[]> = {
  date: ["ngay", "ngay so lieu", "ngay bao cao", "date", "日期"],
  time: ["gio", "gio so lieu", "gio bao cao", "thoi diem", "time", "时间"],
  unit: ["ma dia ban", "dia ban", "ma don vi", "ma dvhc", "ma", "unit", "unit code", "code", "locality", "地区代码", "地区"],
  series: ["so lieu", "loai so lieu", "ma so lieu", "chi tieu", "series", "数据类型"],
  value: ["gia tri", "so luong", "so", "value", "数值"],
};
const fold = foldHeader;
// The province's own row, by name rather than by code.
const PROVINCE_WORDS = new Set(["tinh", "toan tinh", "ca tinh", "province", "whole province", "全省"]);

export type ImportProblem = { row: number; column: string; reason: string; values?: Record<string, string | number> };
export type ImportFiguresResult =
  | { ok: true; value: { rows: number; changed: number; unchanged: number; slots: number } }
  /** errors: the file as a whole ("file"); rows: every bad row's problems, in file order; total: data rows read. */
  | { ok: false; errors: FieldErrors; rows: ImportProblem[]; total: number };

export async function importFigures(o: {
  tx: Tx;
  tenantId: string;
  ability: AppAbility;
  actor: AuditActor;
  who: EntryScope;
  timeZone: string;
  file: { bytes: Uint8Array; name: string };
  lang?: Lang;
  now?: Date;
}): Promise<ImportFiguresResult> {
  const { tx, tenantId } = o;
  const now = o.now ?? new Date();
  const names = FIGURE_COLUMN_NAMES[o.lang ?? "vi"];
  const refuse = (reason: string, rows: ImportProblem[] = [], total = 0): ImportFiguresResult => ({ ok: false, errors: { file: [reason] }, rows, total });

  const read = await readFigureFile(o.file);
  if (!read.ok) return refuse(read.problem);
  const [header, ...body] = read.table.rows;
  if (!header) return refuse("errors.fileEmpty");

  // The header: which column is which; a missing or doubled one refuses the file at row 1.
  const { at, headerText, problems: headerProblems } = findColumns<FigureColumn>(header, ALIASES, COLUMNS.filter((c) => c !== "time"), names);
  const problems: ImportProblem[] = headerProblems;
  if (problems.length > 0) return refuse("errors.figureImportBadRows", problems, body.length);
  if (body.length === 0) return refuse("errors.figureImportNoRows");
  const columnName = (c: FigureColumn) => (at[c] !== undefined ? headerText[at[c]!] || names[c] : names[c]);

  const rules = await loadEntryRules({ tx, tenantId, ability: o.ability, who: o.who });
  const lookups = lookupsOf(rules);
  const slotOf = new Map<string, Date>();
  const firstRow = new Map<string, number>();
  const figures: CheckedFigure[] = [];
  const write = { tx, tenantId, actor: o.actor, now };
  const writer = pipelinedWriter(tx, (batch) => writeFigureBatch(write, batch));
  let rowsRead = 0;
  for (const { line, cells } of body) {
    // Every batch of good rows goes to the database as it fills; while it is written, the next are read.
    if (++rowsRead % BATCH === 0) {
      if (problems.length === 0) writer.send(figures, false);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const cell = (c: FigureColumn): Cell => (at[c] === undefined ? null : (cells[at[c]!] ?? null));
    const problem = (c: FigureColumn, reason: string, values?: ImportProblem["values"]) => problems.push({ row: line, column: columnName(c), reason, ...(values ? { values } : {}) });
    const before = problems.length;

    const date = readDate(cell("date"));
    if (date === null) problem("date", isBlank(cell("date")) ? "errors.required" : "errors.figureImportDate");

    const series = lookups.series(cell("series"));
    if (typeof series === "string") problem("series", series);
    const s = typeof series === "string" ? null : series;

    const unit = lookups.unit(cell("unit"));
    if (unit.problem) problem("unit", unit.problem);
    else if (s && rules.canEnter(s)) {
      if (!rules.rowsOf(s).has(unit.code)) problem("unit", "errors.figureUnitNotInSeries");
      else if (!rules.allowed(s).has(unit.code)) problem("unit", "errors.figureUnitForbidden");
    }

    let time: string | null = null;
    if (s) {
      const raw = cell("time");
      if (isBlank(raw)) {
        if (s.times.length === 1) time = s.times[0]!;
        else problem("time", "errors.figureTimeRequired");
      } else {
        time = readTime(raw);
        if (time === null) problem("time", "errors.timeInvalid");
        else if (!s.times.includes(time)) {
          problem("time", "errors.figureTimeNotInSeries");
          time = null;
        }
      }
    }

    const raw = cell("value");
    const checked = isBlank(raw) ? { problem: "errors.required" } : checkValue(s, typeof raw === "number" ? raw : String(raw instanceof Date ? "" : raw));
    if ("problem" in checked) problem("value", checked.problem);

    if (date !== null && time !== null) {
      const key = `${date} ${time}`;
      let slot = slotOf.get(key);
      if (!slot) slotOf.set(key, (slot = toUtc(date, time, o.timeZone)));
      if (tooEarly(slot, now)) problem("date", "errors.figureInFuture");
      else if (problems.length === before && s && "value" in checked) {
        const same = `${s.id}|${unit.code}|${key}`;
        const first = firstRow.get(same);
        if (first !== undefined) problem("unit", "errors.figureImportDuplicate", { row: first });
        else {
          firstRow.set(same, line);
          figures.push({ series: s, unit: unit.code, slot, value: checked.value, agencyId: rules.agencyOf(s) });
        }
      }
    }
  }
  if (problems.length > 0) {
    await writer.undo();
    const order = (p: ImportProblem) => COLUMNS.findIndex((c) => columnName(c) === p.column);
    problems.sort((a, b) => a.row - b.row || order(a) - order(b));
    return refuse("errors.figureImportBadRows", problems, body.length);
  }

  writer.send(figures, true);
  const changed = await writer.finish();
  await recordFigureEntries(write, figures);
  const slots = new Set(figures.map((f) => f.slot.getTime())).size;
  await recordAudit(tx, {
    tenantId,
    actor: o.actor,
    action: "figures.import",
    subject: "Figure",
    after: { file: o.file.name, bytes: o.file.bytes.length, rows: figures.length, changed, slots, series: [...new Set(figures.map((f) => f.series.key))] },
  });
  return { ok: true, value: { rows: figures.length, changed, unchanged: figures.length - changed, slots } };
}

const isBlank = (c: Cell) => c === null || (typeof c === "string" && c.trim() === "");

/** A series by key ("ca-mac-moi") or by its name in any language ("Ca mắc mới"); else why not. */
function lookupsOf(rules: EntryRules) {
  const byName = new Map<string, SeriesInfo>();
  for (const s of rules.series.values()) {
    byName.set(s.key, s);
    for (const name of Object.values(s.names)) if (name) byName.set(fold(name), s);
  }
  const { provinceCode, units } = rules.units;
  const codes = new Set([provinceCode, ...units.map((u) => u.code)]);
  // A spreadsheet may have turned "00001" into the number 1.
  const unpadded = new Map([...codes].map((c) => [c.replace(/^0+(?=\d)/, ""), c]));
  return {
    series(c: Cell): SeriesInfo | string {
      if (isBlank(c) || c instanceof Date) return isBlank(c) ? "errors.required" : "errors.figureSeriesUnknown";
      const text = String(c).trim();
      const s = rules.series.get(text) ?? rules.series.get(text.toLowerCase()) ?? byName.get(fold(text));
      if (!s) return "errors.figureSeriesUnknown";
      return rules.canEnter(s) ? s : "errors.figureSeriesForbidden";
    },
    unit(c: Cell): { code: string; problem?: undefined } | { code: ""; problem: string } {
      if (isBlank(c) || c instanceof Date) return { code: "", problem: isBlank(c) ? "errors.required" : "errors.figureUnitUnknown" };
      const text = String(c).trim();
      if (codes.has(text)) return { code: text };
      if (PROVINCE_WORDS.has(fold(text))) return { code: provinceCode };
      const code = /^\d+$/.test(text) ? unpadded.get(text.replace(/^0+(?=\d)/, "")) : undefined;
      return code ? { code } : { code: "", problem: "errors.figureUnitUnknown" };
    },
  };
}

const pad = (n: number | string, width = 2) => String(n).padStart(width, "0");
// Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** YYYY-MM-DD from 2026-11-20, 20/11/2026 (also with dots or dashes), a date cell or a date serial. */
export function readDate(c: Cell): string | null {
  let iso: string | null = null;
  if (c instanceof Date) iso = c.getUTCFullYear() >= 1900 ? c.toISOString().slice(0, 10) : null;
  else if (typeof c === "number") iso = Number.isInteger(c) && c > 0 && c < 2_958_466 ? new Date(EXCEL_EPOCH + c * DAY_MS).toISOString().slice(0, 10) : null;
  else if (typeof c === "string") {
    const t = c.trim();
    const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
    const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    if (ymd) iso = `${ymd[1]}-${pad(ymd[2]!)}-${pad(ymd[3]!)}`;
    else if (dmy) iso = `${dmy[3]}-${pad(dmy[2]!)}-${pad(dmy[1]!)}`;
  }
  return iso && isCalendarDate(iso) ? iso : null;
}

/** HH:MM from 06:00, 6:00, 6h, 6h30, 06:00:00, a time cell or a fraction of a day. */
export function readTime(c: Cell): string | null {
  let h: number;
  let m: number;
  if (c instanceof Date) {
    h = c.getUTCHours();
    m = c.getUTCMinutes();
  } else if (typeof c === "number") {
    if (!(c >= 0 && c < 1)) return null;
    const minutes = Math.round(c * 1440);
    h = Math.floor(minutes / 60);
    m = minutes % 60;
  } else if (typeof c === "string") {
    const x = /^(\d{1,2}):(\d{2})(?::00)?$/.exec(c.trim()) ?? /^(\d{1,2})[hH](\d{2})?$/.exec(c.trim());
    if (!x) return null;
    h = Number(x[1]);
    m = Number(x[2] ?? 0);
  } else return null;
  return h < 24 && m < 60 ? `${pad(h)}:${pad(m)}` : null;
}

/**
 * A CSV to fill in (UTF-8 with a BOM, so Excel reads the diacritics): the header row in the viewer's
 * language and one example line for the first series they enter and its first row.
 */
export async function figureTemplate(o: { tx: Tx; tenantId: string; ability: AppAbility; who: EntryScope; timeZone: string; lang?: Lang; now?: Date }): Promise<string> {
  const lang = o.lang ?? "vi";
  const names = FIGURE_COLUMN_NAMES[lang];
  const rules = await loadEntryRules(o);
  const lines = [[names.date, names.time, names.unit, names.unitName, names.series, names.value]];
  const s = [...rules.series.values()].find((x) => rules.canEnter(x) && rules.allowed(x).size > 0);
  if (s) {
    const row = entryRows(s, rules.units, o.who)[0]!;
    const today = localDateOf(o.now ?? new Date(), o.timeZone);
    const date = lang === "vi" ? today.split("-").reverse().join("/") : today;
    lines.push([date, s.times[0]!, row.code, row.province ? rules.units.provinceName : row.name, s.key, "0"]);
  }
  const quote = (v: string) => (/[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${lines.map((l) => l.map(quote).join(",")).join("\r\n")}\r\n`;
}

const SAVEPOINT = "figure_import";

/**
 * Writes batches one after another while the caller goes on checking rows: the first write opens a
 * savepoint, undo() rolls back to it, finish() waits for the writes and releases it.
 */
function pipelinedWriter(tx: Tx, writeBatch: (batch: CheckedFigure[]) => Promise<number>) {
  let sent = 0;
  let opened = false;
  let chain: Promise<number> = Promise.resolve(0);
  return {
    /** Queues the figures of `all` not sent yet: whole batches, and with `last` the rest too. */
    send(all: CheckedFigure[], last: boolean) {
      while (all.length - sent >= BATCH || (last && all.length > sent)) {
        const batch = all.slice(sent, sent + BATCH);
        sent += batch.length;
        const first = !opened;
        opened = true;
        chain = chain.then(async (n) => {
          if (first) await tx.$executeRawUnsafe(`SAVEPOINT ${SAVEPOINT}`);
          return n + (await writeBatch(batch));
        });
        // Awaited by finish() or undo(); meanwhile a failed write must not count as unhandled.
        chain.catch(() => {});
      }
    },
    async finish(): Promise<number> {
      const changed = await chain;
      if (opened) await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${SAVEPOINT}`);
      return changed;
    },
    async undo(): Promise<void> {
      await chain;
      if (opened) await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    },
  };
}
