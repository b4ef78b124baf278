// The columns of an imported table (figures, places), found by their header as people write them:
// Vietnamese or English, case, diacritics and punctuation ignored, unknown columns ignored. A required
// column missing or a column given twice refuses the file at the header's row, naming the column.
import { foldVietnamese } from "../content/search-text.ts";
import type { Cell, Table } from "./read-figure-file.ts";

/** A header or a value folded: lower case, no diacritics, punctuation as single spaces. */
export const foldHeader = (text: string) => foldVietnamese(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim();

export type ColumnProblem = { row: number; column: string; reason: string };

export function findColumns<C extends string>(
  header: Table["rows"][number],
  aliases: Record<C, string[]>,
  required: C[],
  names: Record<C, string>,
): { at: Partial<Record<C, number>>; headerText: string[]; problems: ColumnProblem[] } {
  const columnOf = new Map((Object.keys(aliases) as C[]).flatMap((c) => aliases[c].map((a) => [a, c] as const)));
  const at: Partial<Record<C, number>> = {};
  const headerText = header.cells.map((c: Cell) => (c instanceof Date ? "" : String(c ?? "").trim()));
  const problems: ColumnProblem[] = [];
  headerText.forEach((text, i) => {
    const column = columnOf.get(foldHeader(text));
    if (!column) return;
    if (at[column] !== undefined) problems.push({ row: header.line, column: text, reason: "errors.figureImportColumnTwice" });
    else at[column] = i;
  });
  for (const c of required) if (at[c] === undefined) problems.push({ row: header.line, column: names[c], reason: "errors.figureImportColumnMissing" });
  return { at, headerText, problems };
}
