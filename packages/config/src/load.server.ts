// Reads tenant config packs from disk (tenants/<slug>/pack.yaml and its admin-units file), validates
// them and reports every problem with file, path, line and column, so a provincial admin can fix a
// pack without reading zod output. Server-only: it touches the file system.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { isMap, isNode, isScalar, LineCounter, parseDocument } from "yaml";
import type { Document } from "yaml";
import { z } from "zod";
import { adminUnitSchema, packBaseSchema, packSchema } from "./pack-schema.ts";
import type { AdminUnit, TenantPack } from "./pack-schema.ts";
import { describePlatformHost, platformHostProblems } from "./platform-hosts.ts";
import { parseBoundaries, type Boundary } from "./boundaries.ts";

export type PackProblem = { file: string; path: string; message: string; line?: number; column?: number };
/** boundaries: the map's outlines from the pack's map.boundaries file; [] without one. */
export type LoadedPack = { dir: string; file: string; pack: TenantPack; adminUnits: AdminUnit[]; boundaries: Boundary[] };
export type ReadPackResult = { ok: true; loaded: LoadedPack } | { ok: false; problems: PackProblem[] };
/** What a reader may know beyond the files: the platform's apex host (PLATFORM_DOMAIN), whose hosts no pack may list. */
export type ReadPackOptions = { platformDomain?: string };

export const PACK_FILE_NAMES = ["pack.yaml", "pack.yml", "pack.json"] as const;

type PathKey = string | number;

/** A parsed file kept with its line counter, so any later check can still point at a line. */
type Source = { file: string; doc: Document.Parsed; lines: LineCounter };

// Cross-pack checks run after readPack returned, and LoadedPack's shape is shared with other
// packages, so the parsed document rides along here rather than on the public type.
const sources = new WeakMap<LoadedPack, Source>();

/** `matrix[4].agency`: indexes in brackets, keys dotted, "" for the whole file. */
export function formatPath(keys: readonly PropertyKey[]): string {
  let out = "";
  for (const key of keys) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** `tenants/x/pack.yaml:12:5 matrix[4].agency: unknown agency "so-y-te"` */
export function formatProblem(p: PackProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return p.path === "" ? `${where}: ${p.message}` : `${where} ${p.path}: ${p.message}`;
}

/** JSON Schema of a pack as an author writes it (defaults optional), for editors' completion. */
export function packJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(packBaseSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}

function parseSource(file: string, text: string): { source: Source; problems: PackProblem[] } {
  const lines = new LineCounter();
  // The YAML parser reads JSON too (YAML 1.2 is a superset), so both formats get positions the same way.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems = doc.errors.map((err): PackProblem => {
    const { line, col } = lines.linePos(err.pos[0]);
    return { file, path: "", message: err.message.split("\n")[0] ?? err.message, line, column: col };
  });
  return { source: { file, doc, lines }, problems };
}

/**
 * Position of the value at `keys`, or of its nearest existing ancestor when the value is missing
 * (a missing required field is reported at the object that lacks it).
 */
function locate(source: Source, keys: readonly PathKey[]): { line?: number; column?: number } {
  for (let n = keys.length; n >= 0; n--) {
    const prefix = keys.slice(0, n);
    const node = prefix.length === 0 ? source.doc.contents : source.doc.getIn(prefix, true);
    if (isNode(node) && node.range) {
      const { line, col } = source.lines.linePos(node.range[0]);
      return { line, column: col };
    }
    // An unknown key has no value node of interest: point at the key itself.
    if (n > 0) {
      const parent = n === 1 ? source.doc.contents : source.doc.getIn(keys.slice(0, n - 1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === keys[n - 1]);
        if (pair && isNode(pair.key) && pair.key.range) {
          const { line, col } = source.lines.linePos(pair.key.range[0]);
          return { line, column: col };
        }
      }
    }
  }
  return {};
}

function problemAt(source: Source, keys: readonly PathKey[], message: string): PackProblem {
  return { file: source.file, path: formatPath(keys), message, ...locate(source, keys) };
}

function issueProblems(source: Source, issues: readonly z.core.$ZodIssue[], prefix: PathKey[] = []): PackProblem[] {
  return issues.flatMap((issue) => {
    const keys = [...prefix, ...issue.path.filter((k): k is PathKey => typeof k !== "symbol")];
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((k) => problemAt(source, [...keys, k], `unknown field "${k}"`));
    return [problemAt(source, keys, issue.message)];
  });
}

async function findPackFile(dir: string): Promise<string | undefined> {
  for (const name of PACK_FILE_NAMES) {
    const file = path.join(dir, name);
    try {
      if ((await stat(file)).isFile()) return file;
    } catch {
      // not this name; try the next
    }
  }
  return undefined;
}

/** Reads, parses and validates one pack folder and its admin units file; collects every problem. */
export async function readPack(dir: string, options: ReadPackOptions = {}): Promise<ReadPackResult> {
  const file = await findPackFile(dir);
  if (!file) return { ok: false, problems: [{ file: dir, path: "", message: `no ${PACK_FILE_NAMES.join(", ")} in this folder` }] };

  const { source, problems } = parseSource(file, await readFile(file, "utf8"));
  if (problems.length > 0) return { ok: false, problems };

  const parsed = packSchema.safeParse(source.doc.toJS());
  if (!parsed.success) return { ok: false, problems: issueProblems(source, parsed.error.issues) };
  const pack = parsed.data;

  const folder = path.basename(path.resolve(dir));
  if (pack.slug !== folder) problems.push(problemAt(source, ["slug"], `slug "${pack.slug}" must equal the folder name "${folder}"`));
  if (options.platformDomain !== undefined) {
    for (const p of platformHostProblems(pack.domains, options.platformDomain, pack.slug)) problems.push(problemAt(source, ["domains", p.index], describePlatformHost(p, options.platformDomain)));
  }

  const units = await readAdminUnits(dir, pack, source);
  problems.push(...units.problems);

  // A regulation's text must be there: the demo publishes it as the portal's first documents.
  for (const [i, regulation] of pack.regulations.entries()) {
    if (regulation.file === undefined) continue;
    const exists = await stat(path.join(dir, regulation.file)).then((s) => s.isFile()).catch(() => false);
    if (!exists) problems.push(problemAt(source, ["regulations", i, "file"], `cannot read ${path.join(dir, regulation.file)}`));
  }

  pack.agencies.forEach((agency, i) => {
    if (agency.unit !== undefined && !units.codes.has(agency.unit))
      problems.push(problemAt(source, ["agencies", i, "unit"], `unknown admin unit "${agency.unit}" (not in ${pack.adminUnits.file})`));
  });

  const boundaries = await readBoundaries(dir, pack, source);
  problems.push(...boundaries.problems);

  if (problems.length > 0) return { ok: false, problems };
  const loaded: LoadedPack = { dir, file, pack, adminUnits: units.adminUnits, boundaries: boundaries.boundaries };
  sources.set(loaded, source);
  return { ok: true, loaded };
}

// A boundaries file is large (half a megabyte): plain JSON.parse, problems named by path without a line.
async function readBoundaries(dir: string, pack: TenantPack, packSource: Source): Promise<{ boundaries: Boundary[]; problems: PackProblem[] }> {
  const ref = pack.map?.boundaries;
  if (!ref || pack.provinceCode === undefined) return { boundaries: [], problems: [] };
  const file = path.join(dir, ref.file);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    const why = error instanceof SyntaxError ? `is not JSON: ${error.message}` : "cannot be read";
    return { boundaries: [], problems: [problemAt(packSource, ["map", "boundaries", "file"], `${file} ${why}`)] };
  }
  const parsed = parseBoundaries(raw, pack.provinceCode);
  return { boundaries: parsed.boundaries, problems: parsed.problems.map((p) => ({ file, path: formatPath(p.path), message: p.message })) };
}

async function readAdminUnits(
  dir: string,
  pack: TenantPack,
  packSource: Source,
): Promise<{ adminUnits: AdminUnit[]; codes: Set<string>; problems: PackProblem[] }> {
  const file = path.join(dir, pack.adminUnits.file);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return { adminUnits: [], codes: new Set(), problems: [problemAt(packSource, ["adminUnits", "file"], `cannot read ${file}`)] };
  }
  const { source, problems } = parseSource(file, text);
  if (problems.length > 0) return { adminUnits: [], codes: new Set(), problems };

  const raw: unknown = source.doc.toJS();
  if (!Array.isArray(raw)) return { adminUnits: [], codes: new Set(), problems: [problemAt(source, [], "must be a JSON array of admin units")] };

  const adminUnits: AdminUnit[] = [];
  const indexOf = new Map<string, number>();
  raw.forEach((item, i) => {
    const unit = adminUnitSchema.safeParse(item);
    if (!unit.success) {
      problems.push(...issueProblems(source, unit.error.issues, [i]));
      return;
    }
    if (indexOf.has(unit.data.code))
      problems.push(problemAt(source, [i, "code"], `duplicate code "${unit.data.code}" (also at [${indexOf.get(unit.data.code)}])`));
    else indexOf.set(unit.data.code, i);
    adminUnits.push(unit.data);
  });

  const levels = new Map(pack.adminLevels.map((l) => [l.key, l.rank]));
  const topRank = Math.min(...pack.adminLevels.map((l) => l.rank));
  const codes = new Set(indexOf.keys());
  raw.forEach((item, i) => {
    const unit = adminUnitSchema.safeParse(item);
    if (!unit.success) return;
    const { level, parentCode } = unit.data;
    if (!levels.has(level))
      problems.push(problemAt(source, [i, "level"], `unknown admin level "${level}" (the pack has ${[...levels.keys()].join(", ")})`));
    if (parentCode === null || parentCode === undefined) {
      // Only the province itself stands without a parent.
      if (levels.get(level) !== topRank) problems.push(problemAt(source, [i, "parentCode"], "only the top-level unit may have no parent"));
    } else if (!codes.has(parentCode) && parentCode !== pack.provinceCode) {
      problems.push(problemAt(source, [i, "parentCode"], `unknown parent unit "${parentCode}"`));
    }
  });
  return { adminUnits, codes, problems };
}

/**
 * Reads every pack folder under tenantsDir and checks what no single pack can: slugs and domains
 * are unique across tenants (a domain reaching two tenants would serve one province's portal as another's).
 */
export async function readAllPacks(
  tenantsDir: string,
  options: ReadPackOptions = {},
): Promise<{ loaded: LoadedPack[]; failed: { dir: string; problems: PackProblem[] }[] }> {
  const entries = await readdir(tenantsDir, { withFileTypes: true });
  // Sorted, so "the later one" that fails on a duplicate is stable across machines.
  const dirs = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => path.join(tenantsDir, e.name))
    .sort();

  const loaded: LoadedPack[] = [];
  const failed: { dir: string; problems: PackProblem[] }[] = [];
  const slugOwner = new Map<string, LoadedPack>();
  const domainOwner = new Map<string, LoadedPack>();

  for (const dir of dirs) {
    const result = await readPack(dir, options);
    if (!result.ok) {
      failed.push({ dir, problems: result.problems });
      continue;
    }
    const current = result.loaded;
    const source = sources.get(current);
    const at = (keys: PathKey[], message: string): PackProblem =>
      source ? problemAt(source, keys, message) : { file: current.file, path: formatPath(keys), message };
    const problems: PackProblem[] = [];

    const slugTaken = slugOwner.get(current.pack.slug);
    if (slugTaken) problems.push(at(["slug"], `slug "${current.pack.slug}" is already used by ${slugTaken.file}`));
    current.pack.domains.forEach((domain, i) => {
      const taken = domainOwner.get(domain);
      if (taken) problems.push(at(["domains", i], `domain "${domain}" is already used by ${taken.file}`));
    });

    if (problems.length > 0) {
      failed.push({ dir, problems });
      continue;
    }
    slugOwner.set(current.pack.slug, current);
    for (const domain of current.pack.domains) domainOwner.set(domain, current);
    loaded.push(current);
  }
  return { loaded, failed };
}
