// From an admin form to the shape of a pack. Fields are named by their place in the pack ("names.en",
// "categories[2].slug"), so one generic reader turns any config form into nested data, and a problem the
// pack schema finds at a path lands back on the field that holds it.
import type { Localized } from "@cong/config";

export type FormInput = Record<string, unknown>;

const SKIP = new Set(["_csrf", "intent", "version"]);
const SEGMENT = /([^.[\]]+)|\[(\d+)\]/g;

/** "a.b[2].c" -> ["a", "b", 2, "c"] */
export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(SEGMENT)) out.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? ""));
  return out;
}

/** ["a", "b", 2, "c"] -> "a.b[2].c" (the form of validation.ts's pathKey) */
export function joinPath(keys: readonly (string | number)[]): string {
  let out = "";
  for (const k of keys) out += typeof k === "number" ? `[${k}]` : out === "" ? k : `.${k}`;
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Nested data from form entries named by path. A name posted twice (a group of checkboxes) becomes a
 * list; files and the CSRF, intent and version fields are left out. Indexes beyond 500 are refused as nonsense.
 */
export function formInput(entries: Iterable<[string, unknown]>): FormInput {
  const root: FormInput = {};
  const seen = new Set<string>();
  for (const [name, raw] of entries) {
    if (SKIP.has(name) || typeof raw !== "string") continue;
    const keys = splitPath(name);
    if (keys.length === 0 || typeof keys[0] !== "string" || keys.some((k) => typeof k === "number" && k > 500)) continue;
    if (keys.some((k) => k === "__proto__" || k === "constructor" || k === "prototype")) continue;
    let node: Record<string | number, unknown> = root;
    for (let i = 0; i < keys.length - 1; i++) {
      const key = keys[i] as string | number;
      const next = keys[i + 1];
      let child = node[key];
      if (child === undefined || typeof child !== "object" || child === null) {
        child = typeof next === "number" ? [] : {};
        node[key] = child;
      }
      node = child as Record<string | number, unknown>;
    }
    const last = keys[keys.length - 1] as string | number;
    if (seen.has(name)) {
      const prev = node[last];
      node[last] = Array.isArray(prev) ? [...(prev as unknown[]), raw] : [prev, raw];
    } else {
      node[last] = raw;
      seen.add(name);
    }
  }
  return root;
}

/** The names of the fields a form posted ("names.vi", "locales.offered"), for placing problems. */
export function fieldNames(input: unknown, prefix: (string | number)[] = []): string[] {
  if (Array.isArray(input)) {
    if (input.every((v) => typeof v === "string")) return prefix.length > 0 ? [joinPath(prefix)] : [];
    return input.flatMap((v, i) => (v === undefined ? [] : fieldNames(v, [...prefix, i])));
  }
  if (isRecord(input)) return Object.entries(input).flatMap(([k, v]) => fieldNames(v, [...prefix, k]));
  return prefix.length > 0 ? [joinPath(prefix)] : [];
}

const under = (path: string, parent: string) => path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`);

/**
 * The posted field a problem at `path` belongs to: the field itself, the field that holds it (a line of
 * a list), or the first field inside it (a text missing a language); null when the form has none.
 */
export function nearestField(path: string, fields: readonly string[]): string | null {
  if (fields.includes(path)) return path;
  let best: string | null = null;
  for (const f of fields) if (under(path, f) && (best === null || f.length > best.length)) best = f;
  if (best !== null) return best;
  return fields.find((f) => under(f, path)) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Readers for posted values. A value that cannot be what the schema wants is passed through as it
// came, so the schema refuses it at its own path, with its own message, rather than being dropped.

export function record(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** The rows of a repeated group, with their index on the form (gaps left by removed rows skipped). */
export function rows(v: unknown): { row: Record<string, unknown>; index: number }[] {
  const list = Array.isArray(v) ? v : isRecord(v) ? Object.values(v) : [];
  return list.flatMap((row, index) => (isRecord(row) ? [{ row, index }] : []));
}

export function str(v: unknown): string {
  return typeof v === "string" ? v.trim() : "";
}

export function optStr(v: unknown): string | undefined {
  const s = str(v);
  return s === "" ? undefined : s;
}

/** A number from a text field; "" is absent, and anything not a number stays text for the schema to refuse. */
export function num(v: unknown): number | string | undefined {
  const s = str(v);
  if (s === "") return undefined;
  const n = Number(s.replace(",", "."));
  return Number.isFinite(n) ? n : s;
}

/** A checkbox: posted ("on") is true, absent is false. */
export function bool(v: unknown): boolean {
  return v === "on" || v === "true" || v === true;
}

/** Every value of a checkbox group or multi-select. */
export function strings(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.map(str).filter((s) => s !== "");
}

/** One entry per line (or comma) of a text area. */
export function lines(v: unknown): string[] {
  return str(v)
    .split(/[\n,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** "06:00, 18:00" or "06:00 18:00" -> ["06:00", "18:00"] */
export function list(v: unknown): string[] {
  return str(v)
    .split(/[\s,;]+/)
    .filter((s) => s !== "");
}

/**
 * A text in the languages the form showed. Texts in languages the portal does not offer (any more) are
 * kept as they were; an empty box stays "" so the schema names it.
 */
export function localizedInput(v: unknown, offered: readonly string[], existing?: Localized | null): Record<string, string> {
  const posted = record(v);
  const out: Record<string, string> = {};
  for (const [lang, text] of Object.entries(existing ?? {})) if (!offered.includes(lang) && typeof text === "string") out[lang] = text;
  for (const lang of offered) out[lang] = str(posted[lang]);
  return out;
}

/** An optional text: absent when every shown language is empty. */
export function optionalLocalizedInput(v: unknown, offered: readonly string[], existing?: Localized | null): Record<string, string> | undefined {
  const posted = record(v);
  if (offered.every((lang) => str(posted[lang]) === "")) return undefined;
  return localizedInput(v, offered, existing);
}

/** Drops keys whose value is undefined, so an absent optional field is absent, not null. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
