// A provincial admin's change to the province's configuration, through the same door as a pack: the
// edited pack is validated by packSchema, written by writePack and audited, all in the caller's transaction
// under the tenant's row-level security, so a refused or failed save changes nothing (docs/decisions/0005).
import { packSchema, platformHostProblems, type TenantPack } from "@cong/config";
import { writePack, type Tx } from "@cong/db";
import { translate } from "@cong/i18n";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import { invalid, parseWith, type Checked, type FieldErrors, type Lang } from "../validation.ts";
import { auditOfChanges, diffPacks, type PackChange } from "./diff-packs.ts";
import { fieldNames, nearestField, splitPath } from "./form-input.ts";
import { configVersion, readStoredConfig, type StoredConfig } from "./get-tenant-config.ts";
import { describePath, localizeErrors } from "./pack-problems.ts";

/** An edit of the current pack, and how a problem in the result finds its way back to the form. */
export type PackEdit = {
  /** The whole pack after the edit, unvalidated. */
  pack: unknown;
  /** [pack path, form path] pairs, longest match wins: ["sections[3]", ""] puts `sections[3].names.en` on the field `names.en`. */
  fields?: readonly (readonly [string, string])[];
  /** What the form posted: its field names are where problems can be shown. */
  posted?: unknown;
  /** The edit cannot be made at all (the section was removed meanwhile): these errors, nothing written. */
  refused?: FieldErrors;
};

export type SaveTenantConfigOptions = {
  tx: Tx;
  tenantId: string;
  actor: AuditActor;
  lang?: Lang;
  /** Runs inside the transaction on the current pack, so an edit never starts from a stale copy. */
  edit: (current: TenantPack) => PackEdit;
  /** The configuration's version the form or preview was made from: refused if it changed since. */
  version?: string;
  /** The audit entry's action. */
  action?: string;
  /** The platform's apex host (PLATFORM_DOMAIN): no host of it may be among the province's domains. */
  platformDomain: string;
};

export type SavedConfig = { version: string; changes: PackChange[] };

// A write the database refuses (content still pointing at a removed section) is undone back to here, so
// the request's transaction stays usable and the admin gets the reason, not a 500.
const SAVEPOINT = "save_tenant_config";

export async function saveTenantConfig({ tx, tenantId, actor, lang = "vi", edit, version, action = "config.update", platformDomain }: SaveTenantConfigOptions): Promise<Checked<SavedConfig>> {
  const stored = await readStoredConfig(tx, tenantId, { lock: true });
  if (!stored) return invalid("form", translate(lang, "config.problems.noTenant"));
  if (version !== undefined && version !== stored.version) return invalid("form", translate(lang, "config.problems.stale"));
  const change = edit(structuredClone(stored.pack));
  if (change.refused) return { ok: false, errors: change.refused };
  const checked = await checkCandidate(tx, stored, change.pack, lang, platformDomain);
  if (!checked.ok) return { ok: false, errors: placeErrors(checked.errors, change, lang, stored.pack) };

  const next = checked.value;
  const changes = diffPacks(stored.pack, next);
  if (changes.length === 0) return { ok: true, value: { version: stored.version, changes } };
  await tx.$executeRawUnsafe(`SAVEPOINT ${SAVEPOINT}`);
  try {
    // pack_hash stays the hash of the pack last loaded from tenants/: seeding at start-up skips an
    // unchanged file, so a restart does not undo this save (docs/decisions/0005).
    await writePack(tx, { tenantId, pack: next, hash: stored.packHash });
  } catch (error) {
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    const refused = writeFailure(error, stored.pack, next, lang);
    if (refused) return { ok: false, errors: refused };
    throw error;
  }
  await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${SAVEPOINT}`);
  await recordAudit(tx, { tenantId, actor, action, subject: "Tenant", subjectId: tenantId, ...auditOfChanges(changes) });
  return { ok: true, value: { version: configVersion(next), changes } };
}

/**
 * Everything a pack must pass before it is written over this tenant: the schema, the same slug, domains
 * that are neither the platform's (its apex and any host under it) nor another province's, admin units
 * the province has, and no agency removed while accounts belong to it (their memberships would vanish
 * with it). Errors are keyed by pack path.
 */
export async function checkCandidate(tx: Tx, stored: StoredConfig, input: unknown, lang: Lang, platformDomain: string): Promise<Checked<TenantPack>> {
  const parsed = parseWith(packSchema, input, lang);
  const errors: FieldErrors = parsed.ok ? {} : localizeErrors(parsed.errors, lang);
  const add = (key: string, message: string) => (errors[key] ??= []).push(message);
  const slug = input !== null && typeof input === "object" ? (input as { slug?: unknown }).slug : undefined;
  if (slug !== stored.slug) {
    delete errors.slug;
    add("slug", translate(lang, "config.problems.slugChanged", { from: stored.slug, to: typeof slug === "string" ? slug : "" }));
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const pack = parsed.value;

  const platform = platformHostProblems(pack.domains, platformDomain, stored.slug);
  for (const p of platform) add(`domains[${p.index}]`, translate(lang, p.reason === "own" ? "config.problems.domainOwnSubdomain" : "config.problems.domainPlatform", { host: p.host, apex: platformDomain }));
  // tenant_domain is readable in every scope, so another province's hosts are seen under RLS too.
  const taken = await tx.tenantDomain.findMany({ where: { host: { in: pack.domains }, tenantId: { not: stored.tenantId } }, select: { host: true } });
  for (const { host } of taken) add(`domains[${pack.domains.indexOf(host)}]`, translate(lang, "config.problems.domainTaken", { host }));

  const codes = [...new Set(pack.agencies.flatMap((a) => (a.unit === undefined ? [] : [a.unit])))];
  const known = new Set((await tx.adminUnit.findMany({ where: { tenantId: stored.tenantId, code: { in: codes } }, select: { code: true } })).map((u) => u.code));
  pack.agencies.forEach((a, i) => {
    if (a.unit !== undefined && !known.has(a.unit)) add(`agencies[${i}].unit`, translate(lang, "config.problems.unknownUnit", { code: a.unit }));
  });

  const removed = stored.pack.agencies.filter((a) => !pack.agencies.some((b) => b.id === a.id));
  if (removed.length > 0) {
    const members = await tx.userAgency.findMany({ where: { tenantId: stored.tenantId, agency: { key: { in: removed.map((a) => a.id) } } }, select: { agency: { select: { key: true } } } });
    for (const a of removed) {
      const count = members.filter((m) => m.agency.key === a.id).length;
      if (count > 0) add("form", translate(lang, "config.problems.agencyHasMembers", { agency: a.names[lang] ?? a.names.vi, count }));
    }
  }

  // Figures and places point at their series and kind: they are the record, so what holds any stays.
  const name = (names: { vi: string; en?: string; zh?: string }) => names[lang] ?? names.vi;
  for (const series of stored.pack.figures.filter((f) => !pack.figures.some((g) => g.key === f.key))) {
    const count = await tx.figure.count({ where: { tenantId: stored.tenantId, series: { key: series.key } } });
    if (count > 0) add("form", translate(lang, "config.problems.seriesHasFigures", { series: name(series.names), count }));
  }
  for (const kind of stored.pack.places.filter((p) => !pack.places.some((q) => q.kind === p.kind))) {
    const count = await tx.place.count({ where: { tenantId: stored.tenantId, kind: { kind: kind.kind } } });
    if (count > 0) add("form", translate(lang, "config.problems.placeKindHasPlaces", { kind: kind.names ? name(kind.names) : translate(lang, `places.kinds.${kind.kind}`), count }));
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: pack };
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

/**
 * Moves each problem onto the form field that holds it; on a form, the others say where they lie in the
 * pack. A whole pack (an import) keeps its paths, which the page shows beside each problem.
 */
export function placeErrors(errors: FieldErrors, edit: PackEdit, lang: Lang, previous?: TenantPack): FieldErrors {
  const posted = edit.posted === undefined ? [] : fieldNames(edit.posted);
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(errors)) {
    let field: string | null = null;
    if (path === "form") field = "form";
    else if (edit.fields) {
      const match = edit.fields.filter(([p]) => under(path, p)).sort((a, b) => b[0].length - a[0].length)[0];
      if (match) {
        const rest = path.slice(match[0].length);
        const formPath = match[1] === "" ? rest.replace(/^\./, "") : `${match[1]}${rest}`;
        field = formPath === "" ? null : nearestField(formPath, posted);
      }
    }
    if (field !== null) (out[field] ??= []).push(...messages.map((m) => withValue(m, edit.pack, path, field)));
    else if (!edit.fields) (out[path] ??= []).push(...messages);
    else {
      const where = describePath(edit.pack, path, lang, previous);
      (out[path] ??= []).push(...messages.map((m) => (where ? `${where}: ${m}` : m)));
    }
  }
  return out;
}

/**
 * A problem with one entry of a list the form posts as one field ("06:00, 25:00", a group of checkboxes)
 * says which entry, unless the message already does.
 */
function withValue(message: string, pack: unknown, path: string, field: string): string {
  if (!/\[\d+\]$/.test(path) || path.endsWith(field)) return message;
  let node: unknown = pack;
  for (const key of splitPath(path)) node = node !== null && typeof node === "object" ? (node as Record<string | number, unknown>)[key] : undefined;
  return typeof node === "string" && node !== "" && !message.includes(node) ? `“${node}”: ${message}` : message;
}

function errorCode(error: unknown): string {
  if (error === null || typeof error !== "object") return "";
  const e = error as { code?: unknown; cause?: unknown; message?: unknown };
  const message = typeof e.message === "string" ? e.message : "";
  if (e.code === "P2003" || e.code === "23503" || /foreign key/i.test(message)) return "fk";
  if (e.code === "P2002" || e.code === "23505" || /unique constraint/i.test(message)) return "unique";
  return e.cause ? errorCode(e.cause) : "";
}

/** A write the database refused for a reason the admin can fix, as errors; null for anything else. */
function writeFailure(error: unknown, before: TenantPack, after: TenantPack, lang: Lang): FieldErrors | null {
  const code = errorCode(error);
  const name = (names: { vi: string; en?: string; zh?: string }) => names[lang] ?? names.vi;
  if (code === "fk") {
    // Content points at sections and sub-categories without cascading: what was removed still holds items.
    const gone = [
      ...before.sections.filter((s) => !after.sections.some((t) => t.slug === s.slug)).map((s) => name(s.names)),
      ...before.sections.flatMap((s) => {
        const kept = after.sections.find((t) => t.slug === s.slug);
        return kept ? s.categories.filter((c) => !kept.categories.some((k) => k.slug === c.slug)).map((c) => `${name(s.names)} › ${name(c.names)}`) : [];
      }),
      ...before.agencies.filter((a) => !after.agencies.some((b) => b.id === a.id)).map((a) => name(a.names)),
      ...before.figures.filter((f) => !after.figures.some((g) => g.key === f.key)).map((f) => name(f.names)),
      ...before.places.filter((p) => !after.places.some((q) => q.kind === p.kind)).map((p) => (p.names ? name(p.names) : translate(lang, `places.kinds.${p.kind}`))),
    ];
    return { form: [translate(lang, "config.problems.inUse", { items: gone.join("; ") || "—" })] };
  }
  if (code === "unique") return { domains: [translate(lang, "config.problems.domainRace")] };
  return null;
}
