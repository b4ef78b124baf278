// A tenant pack as YAML text and back: the admin's export writes a pack laid out the way people write
// them by hand (keys in the schema's order, short texts and lists on one line), and the import reads YAML
// or JSON (YAML 1.2 reads JSON too) with the line and column of any syntax error. Validation is
// packSchema's job, not this file's.
import { isScalar, LineCounter, parseDocument, stringify, visit } from "yaml";
import { packSchema, type TenantPack } from "./pack-schema.ts";

export type PackTextProblem = { message: string; line?: number; column?: number };
export type PackText = { ok: true; value: unknown } | { ok: false; problems: PackTextProblem[] };

/** Parses YAML or JSON text into plain data; syntax errors come back with their line and column. */
export function parsePackText(text: string): PackText {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0)
    return {
      ok: false,
      problems: doc.errors.map((err) => {
        const { line, col } = lines.linePos(err.pos[0]);
        return { message: err.message.split("\n")[0] ?? err.message, line, column: col };
      }),
    };
  return { ok: true, value: doc.toJS() as unknown };
}

// A one-line map or list is easier to read than a column of short lines, up to about this many characters.
const FLOW_WIDTH = 100;

function scalarLength(node: unknown): number | null {
  if (!isScalar(node)) return null;
  return String(node.value).length;
}

/**
 * The pack as YAML. `header` becomes the file's opening comment. Keys follow the schema's order (parsing
 * puts them there), so an export reads like the packs in tenants/.
 */
export function packToYaml(pack: TenantPack, header?: string): string {
  const ordered = packSchema.parse(pack);
  const doc = parseDocument(stringify(ordered, { lineWidth: 0 }));
  visit(doc, {
    Map(_, node) {
      let length = 0;
      for (const pair of node.items) {
        const k = scalarLength(pair.key);
        const v = scalarLength(pair.value);
        if (k === null || v === null) return;
        length += k + v + 4;
      }
      if (node.items.length > 0 && length <= FLOW_WIDTH) node.flow = true;
    },
    Seq(_, node) {
      let length = 0;
      for (const item of node.items) {
        const v = scalarLength(item);
        if (v === null) return;
        length += v + 2;
      }
      if (node.items.length > 0 && length <= FLOW_WIDTH) node.flow = true;
    },
  });
  if (header) doc.commentBefore = header.split("\n").map((l) => ` ${l}`).join("\n");
  return doc.toString({ lineWidth: 0 });
}

/** True when the parsed text is at least shaped like a pack (a map at the top). */
export function isPackObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
