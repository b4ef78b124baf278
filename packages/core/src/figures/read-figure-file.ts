// Reads an uploaded table of figures (issue 10) into rows of cells, whatever a province's office saves:
// CSV in UTF-8 with or without a BOM, comma, semicolon or tab separated, quoted fields (Excel's "CSV
// UTF-8" on a Vietnamese Windows uses semicolons), or the first sheet of an XLSX workbook. The type is
// decided by the bytes, not the name: a ZIP is a workbook, valid UTF-8 text without control characters
// is CSV, anything else is refused. Each row keeps its line in the file, so a report can point at it.
import { readSheet } from "read-excel-file/node";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_FILE_ROWS = 200_000;
// A workbook's parts, unpacked: a 20 MB ZIP of repeated bytes could otherwise unpack to gigabytes.
const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;

export type Cell = string | number | Date | null;
/** The rows that hold anything, the header first; `line` is each one's 1-based line (CSV) or row (XLSX). */
export type Table = { kind: "csv" | "xlsx"; rows: { line: number; cells: Cell[] }[] };
export type ReadResult = { ok: true; table: Table } | { ok: false; problem: string };

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
// Text a person saved: UTF-8 with no NUL and no control character but tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export async function readFigureFile(file: { bytes: Uint8Array; name: string }): Promise<ReadResult> {
  const { bytes } = file;
  if (bytes.length === 0) return { ok: false, problem: "errors.fileEmpty" };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, problem: "errors.figureImportTooLarge" };
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? "";
  if (ext !== "" && !["csv", "txt", "xlsx"].includes(ext)) return { ok: false, problem: "errors.fileType" };
  if (isZip(bytes)) {
    if (ext === "csv" || ext === "txt") return { ok: false, problem: "errors.fileNameMismatch" };
    if (unpackedSize(bytes) > MAX_UNPACKED_BYTES) return { ok: false, problem: "errors.figureImportTooLarge" };
    return readXlsx(bytes);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not UTF-8: a legacy-encoded CSV (Windows-1258, TCVN3) or a binary file.
    return { ok: false, problem: bytes.includes(0) ? "errors.fileType" : "errors.figureImportEncoding" };
  }
  if (BINARY.test(text)) return { ok: false, problem: "errors.fileType" };
  if (ext === "xlsx") return { ok: false, problem: "errors.fileNameMismatch" };
  return readCsv(text.normalize("NFC"));
}

async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  let data: unknown[][];
  try {
    data = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 1)) as unknown[][];
  } catch {
    return { ok: false, problem: "errors.fileType" };
  }
  const rows: Table["rows"] = [];
  for (let i = 0; i < data.length; i++) {
    const cells = data[i]!.map((v): Cell => (typeof v === "string" ? v.normalize("NFC") : typeof v === "number" || v instanceof Date ? v : typeof v === "boolean" ? String(v) : null));
    if (cells.some((c) => c !== null && c !== "")) rows.push({ line: i + 1, cells });
    if (rows.length > MAX_FILE_ROWS + 1) return { ok: false, problem: "errors.figureImportTooManyRows" };
  }
  return { ok: true, table: { kind: "xlsx", rows } };
}

/** RFC 4180 with the separator the header line uses most (outside quotes); blank lines are skipped. */
function readCsv(text: string): ReadResult {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((sep) => [sep, firstLine.replace(/"[^"]*"/g, "").split(sep).length - 1] as const);
  const sep = counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const rows: Table["rows"] = [];
  let cells: string[] = [];
  let field = "";
  let line = 1;
  let start = 1;
  let i = 0;
  const n = text.length;
  const endRow = () => {
    cells.push(field);
    field = "";
    if (cells.length > 1 || cells[0]!.trim() !== "") rows.push({ line: start, cells });
    cells = [];
  };
  while (i < n) {
    const c = text[i]!;
    if (c === '"' && field.trim() === "") {
      // A quoted field: up to the closing quote, "" standing for one quote; line breaks are kept.
      field = "";
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(i);
          i = n;
          break;
        }
        field += text.slice(i, q);
        line += countLines(text, i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      continue;
    }
    if (c === sep) {
      cells.push(field);
      field = "";
      i++;
    } else if (c === "\n" || c === "\r") {
      endRow();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      start = line;
      if (rows.length > MAX_FILE_ROWS + 1) return { ok: false, problem: "errors.figureImportTooManyRows" };
    } else {
      // Plain text up to the next separator, quote or line break, in one slice.
      let j = i + 1;
      while (j < n) {
        const d = text[j]!;
        if (d === sep || d === "\n" || d === "\r" || d === '"') break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== "" || cells.length > 0) endRow();
  if (rows.length > MAX_FILE_ROWS + 1) return { ok: false, problem: "errors.figureImportTooManyRows" };
  return { ok: true, table: { kind: "csv", rows } };
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10 || (text.charCodeAt(k) === 13 && text.charCodeAt(k + 1) !== 10)) lines++;
  return lines;
}

/** The sum of the uncompressed sizes the ZIP's central directory declares (Infinity when unreadable). */
function unpackedSize(b: Uint8Array): number {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // The end-of-central-directory record is in the last 64 kB + 22 bytes.
  for (let e = b.length - 22; e >= Math.max(0, b.length - 65_557); e--) {
    if (view.getUint32(e, true) !== 0x06054b50) continue;
    const entries = view.getUint16(e + 10, true);
    let at = view.getUint32(e + 16, true);
    let total = 0;
    for (let k = 0; k < entries; k++) {
      if (at + 46 > b.length || view.getUint32(at, true) !== 0x02014b50) return Infinity;
      const size = view.getUint32(at + 24, true);
      if (size === 0xffffffff) return Infinity;
      total += size;
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return total;
  }
  return Infinity;
}
