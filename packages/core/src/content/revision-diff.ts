// What changed between two saved versions of a piece of content, field by field, for the revision
// history page: editors and reviewers see the words that changed in a text, not two blobs of HTML.
import { diffWords } from "diff";
import { htmlToText } from "./sanitize-html.ts";

export type DiffPart = { value: string; added?: boolean; removed?: boolean };

export type FieldChange = {
  // Dotted path of the field: "title", "translations.vi.title".
  field: string;
  change: "added" | "removed" | "changed";
  // Word-level changes, for text fields only.
  parts?: DiffPart[];
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  Object.prototype.toString.call(value) === "[object Object]";

// Nested objects (translations by language, settings groups) become one field per leaf, so a change to
// the English title is listed as that, not as "translations changed". Arrays and other values are
// leaves; undefined counts as absent.
function flatten(value: Record<string, unknown>, prefix = "", into = new Map<string, unknown>()) {
  for (const [key, child] of Object.entries(value)) {
    const path = prefix + key;
    if (isPlainObject(child)) flatten(child, `${path}.`, into);
    else if (child !== undefined) into.set(path, child);
  }
  return into;
}

// JSON with object keys sorted, so two equal values compare equal whatever order their keys were in.
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isPlainObject(inner)
      ? Object.fromEntries(Object.keys(inner).sort().map((key) => [key, inner[key]]))
      : inner,
  );
}

const TAG = /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i;

// Text as a reader sees it: rich-text fields (anything containing a tag, on either side) through
// htmlToText, so a diff shows words rather than markup. Plain text is compared as it is.
function readable(before: string, after: string): [string, string] {
  return TAG.test(before) || TAG.test(after) ? [htmlToText(before), htmlToText(after)] : [before, after];
}

function wordParts(before: string, after: string): DiffPart[] {
  const [from, to] = readable(before, after);
  return diffWords(from, to).map((change) => ({
    value: change.value,
    ...(change.added ? { added: true } : {}),
    ...(change.removed ? { removed: true } : {}),
  }));
}

function fieldChange(field: string, before: unknown, after: unknown): FieldChange | null {
  if (before === undefined && after === undefined) return null;
  if (before === undefined) {
    return typeof after === "string" ? { field, change: "added", parts: wordParts("", after) } : { field, change: "added" };
  }
  if (after === undefined) {
    return typeof before === "string"
      ? { field, change: "removed", parts: wordParts(before, "") }
      : { field, change: "removed" };
  }
  if (stableJson(before) === stableJson(after)) return null;
  // A change in markup alone (a word made bold) is still a change; its parts then show no word moved.
  return typeof before === "string" && typeof after === "string"
    ? { field, change: "changed", parts: wordParts(before, after) }
    : { field, change: "changed" };
}

// Changes from before to after (before is null for the first revision), in the order of after's
// fields, then the fields that after no longer has.
export function diffRevisions(before: Record<string, unknown> | null, after: Record<string, unknown>): FieldChange[] {
  const from = flatten(before ?? {});
  const to = flatten(after);
  const fields = [...to.keys(), ...[...from.keys()].filter((field) => !to.has(field))];
  return fields.flatMap((field) => fieldChange(field, from.get(field), to.get(field)) ?? []);
}
