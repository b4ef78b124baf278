// Writes a validated pack over a tenant's configuration rows, changing only what differs: agencies,
// sections and sub-categories keep their ids (accounts, content and deadlines point at them), removed
// ones are deleted, duties are rewritten. The same writer serves both doors: tenant:add and seeding (the
// owner, in its own transaction) and the provincial admin's UI (cong_app, scoped to the tenant by RLS).
// Runs inside the caller's transaction, so a failure leaves the previous configuration whole.
import { createHash } from "node:crypto";
import type { AdminUnit, Boundary, TenantPack } from "@cong/config";
import type { Prisma } from "./generated/prisma/client.ts";
import type { Tx } from "./scoped.ts";

/** JSON with object keys sorted at every depth and undefined members dropped: equal data, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeys(v)));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function packHash(pack: TenantPack, adminUnits: AdminUnit[], boundaries: Boundary[] = []): string {
  // Without boundaries the hash is what it was before the map (issue 10): unchanged packs stay unchanged.
  return createHash("sha256").update(canonicalJson(boundaries.length > 0 ? { pack, adminUnits, boundaries } : { pack, adminUnits })).digest("hex");
}

export const json = (value: unknown): Prisma.InputJsonValue => JSON.parse(canonicalJson(value)) as Prisma.InputJsonValue;
const optionalJson = (value: unknown): Prisma.InputJsonValue | typeof NULL => (value === undefined ? NULL : json(value));
const NULL = null as unknown as Prisma.NullableJsonNullValueInput;
const day = (iso: string | undefined): Date | null => (iso === undefined ? null : new Date(`${iso}T00:00:00Z`));
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

// Thousands of admin units per province: large batches keep the load to a few statements.
const BATCH = 1_000;
async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

/** The tenant row's columns as the pack sets them. */
export function tenantFields(pack: TenantPack, hash: string, now: Date) {
  return {
    name: json(pack.name),
    portalTitle: json(pack.portalTitle),
    defaultLocale: pack.locales.default,
    locales: [...pack.locales.offered],
    timeZone: pack.timeZone,
    branding: json(pack.branding),
    contacts: json(pack.contacts),
    hotlines: json(pack.hotlines),
    attribution: json(pack.attribution),
    leadAgencyKey: pack.leadUnit.agency,
    operatorAgencyKey: pack.operator.agency,
    pack: json(pack),
    packHash: hash,
    updatedAt: now,
  };
}

export type WritePackOptions = {
  tenantId: string;
  pack: TenantPack;
  /** Replaces the admin units when given; the admin UI does not edit them and leaves them as they are. */
  adminUnits?: AdminUnit[];
  /** Replaces the map's outlines when given (with the admin units: both come from files beside the pack). */
  boundaries?: Boundary[];
  hash: string;
  now?: Date;
};

export async function writePack(tx: Tx, { tenantId, pack, adminUnits, boundaries, hash, now = new Date() }: WritePackOptions): Promise<void> {
  await tx.tenant.update({ where: { id: tenantId }, data: tenantFields(pack, hash, now), select: { id: true } });

  const hosts = (await tx.tenantDomain.findMany({ where: { tenantId }, select: { host: true } })).map((d) => d.host);
  const goneHosts = hosts.filter((h) => !pack.domains.includes(h));
  if (goneHosts.length > 0) await tx.tenantDomain.deleteMany({ where: { tenantId, host: { in: goneHosts } } });
  const newHosts = pack.domains.filter((h) => !hosts.includes(h));
  if (newHosts.length > 0) await tx.tenantDomain.createMany({ data: newHosts.map((host) => ({ host, tenantId })) });

  // Nothing points at admin levels or units by id: replacing them is simplest.
  await tx.adminLevel.deleteMany({ where: { tenantId } });
  await tx.adminLevel.createMany({
    data: pack.adminLevels.map((l) => ({
      tenantId,
      key: l.key,
      names: json(l.names),
      rank: l.rank,
      validFrom: day(l.validFrom),
      validUntil: day(l.validUntil),
    })),
  });
  if (adminUnits) {
    await tx.adminUnit.deleteMany({ where: { tenantId } });
    await inBatches(adminUnits, (batch) =>
      tx.adminUnit.createMany({
        data: batch.map((u) => ({ tenantId, code: u.code, name: u.name, type: u.type, levelKey: u.level, parentCode: u.parentCode ?? null })),
      }),
    );
  }

  if (boundaries) {
    await tx.mapBoundary.deleteMany({ where: { tenantId } });
    if (boundaries.length > 0)
      await tx.mapBoundary.createMany({ data: boundaries.map((b) => ({ tenantId, code: b.code, name: b.name, level: b.level, note: b.note, geometry: b.geometry as unknown as Prisma.InputJsonValue })) });
  }

  const agencyIds = await syncAgencies(tx, tenantId, pack);
  const sectionIds = await syncSections(tx, tenantId, pack);

  await syncFigureSeries(tx, tenantId, pack, agencyIds, sectionIds);
  await syncPlaceKinds(tx, tenantId, pack, agencyIds, sectionIds);

  // Duties carry no identity of their own (deadline records keep agency, section and role), so the
  // matrix is rewritten whole. position: the duty's place in the pack's matrix, read top to bottom.
  await tx.duty.deleteMany({ where: { tenantId } });
  const duties = pack.matrix.flatMap((m) => m.duties.map((d) => ({ m, d }))).map((x, position) => ({ ...x, position }));
  await inBatches(duties, (batch) =>
    tx.duty.createMany({
      data: batch.map(({ m, d, position }) => {
        const agencyId = agencyIds.get(m.agency);
        const sectionId = sectionIds.get(m.section);
        if (!agencyId || !sectionId) throw new Error(`matrix entry ${m.agency}/${m.section} names an unknown agency or section`);
        return {
          tenantId,
          agencyId,
          sectionId,
          role: d.role,
          what: d.what === undefined ? undefined : json(d.what),
          categories: d.categories ?? [],
          deadline: d.deadline === undefined ? undefined : json(d.deadline),
          source: d.source,
          position,
        };
      }),
    }),
  );
}

async function syncAgencies(tx: Tx, tenantId: string, pack: TenantPack): Promise<Map<string, string>> {
  const existing = new Map((await tx.agency.findMany({ where: { tenantId } })).map((a) => [a.key, a]));
  const ids = new Map<string, string>();
  const gone = [...existing.values()].filter((a) => !pack.agencies.some((p) => p.id === a.key)).map((a) => a.id);
  if (gone.length > 0) await tx.agency.deleteMany({ where: { tenantId, id: { in: gone } } });
  for (const a of pack.agencies) {
    const fields = {
      names: json(a.names),
      shortName: optionalJson(a.shortName),
      kind: a.kind,
      parentKey: a.parent ?? null,
      unitCode: a.unit ?? null,
      scopeLevel: a.scope?.level ?? null,
    };
    const row = existing.get(a.id);
    if (!row) {
      const created = await tx.agency.create({ data: { tenantId, key: a.id, ...fields }, select: { id: true } });
      ids.set(a.id, created.id);
      continue;
    }
    ids.set(a.id, row.id);
    const changed =
      !same(row.names, a.names) || !same(row.shortName, a.shortName) || row.kind !== a.kind || row.parentKey !== (a.parent ?? null) ||
      row.unitCode !== (a.unit ?? null) || row.scopeLevel !== (a.scope?.level ?? null);
    if (changed) await tx.agency.update({ where: { id: row.id }, data: fields, select: { id: true } });
  }
  return ids;
}

async function syncSections(tx: Tx, tenantId: string, pack: TenantPack): Promise<Map<string, string>> {
  const existing = new Map((await tx.section.findMany({ where: { tenantId }, include: { categories: true } })).map((s) => [s.slug, s]));
  const ids = new Map<string, string>();
  const gone = [...existing.values()].filter((s) => !pack.sections.some((p) => p.slug === s.slug)).map((s) => s.id);
  // Content points at sections without cascading: removing a section that holds items fails here, and
  // the whole write with it (the caller reports it; disabling the section is the way to hide it).
  if (gone.length > 0) await tx.section.deleteMany({ where: { tenantId, id: { in: gone } } });
  for (const s of pack.sections) {
    const fields = {
      kind: s.kind,
      names: json(s.names),
      description: optionalJson(s.description),
      position: s.order,
      enabled: s.enabled,
      review: s.review,
      url: s.url ?? null,
      source: s.source ?? null,
    };
    const row = existing.get(s.slug);
    let sectionId: string;
    if (!row) {
      sectionId = (await tx.section.create({ data: { tenantId, slug: s.slug, ...fields }, select: { id: true } })).id;
    } else {
      sectionId = row.id;
      const changed =
        row.kind !== s.kind || !same(row.names, s.names) || !same(row.description, s.description) || row.position !== s.order ||
        row.enabled !== s.enabled || row.review !== s.review || row.url !== (s.url ?? null) || row.source !== (s.source ?? null);
      if (changed) await tx.section.update({ where: { id: row.id }, data: fields, select: { id: true } });
    }
    ids.set(s.slug, sectionId);

    const cats = new Map((row?.categories ?? []).map((c) => [c.slug, c]));
    const goneCats = [...cats.values()].filter((c) => !s.categories.some((p) => p.slug === c.slug)).map((c) => c.id);
    if (goneCats.length > 0) await tx.sectionCategory.deleteMany({ where: { tenantId, id: { in: goneCats } } });
    for (const c of s.categories) {
      const fields = { names: json(c.names), position: c.order, enabled: c.enabled };
      const cat = cats.get(c.slug);
      if (!cat) await tx.sectionCategory.create({ data: { tenantId, sectionId, slug: c.slug, ...fields }, select: { id: true } });
      else if (!same(cat.names, c.names) || cat.position !== c.order || cat.enabled !== c.enabled)
        await tx.sectionCategory.update({ where: { id: cat.id }, data: fields, select: { id: true } });
    }
  }
  return ids;
}

// Figure series keep their ids (figures point at them); one removed from the pack while it holds figures
// fails the write (the figures are the record: disable the series instead).
async function syncFigureSeries(tx: Tx, tenantId: string, pack: TenantPack, agencyIds: Map<string, string>, sectionIds: Map<string, string>): Promise<void> {
  const existing = new Map((await tx.figureSeries.findMany({ where: { tenantId }, include: { agencies: true } })).map((f) => [f.key, f]));
  const gone = [...existing.values()].filter((f) => !pack.figures.some((p) => p.key === f.key)).map((f) => f.id);
  if (gone.length > 0) await tx.figureSeries.deleteMany({ where: { tenantId, id: { in: gone } } });
  for (const f of pack.figures) {
    const sectionId = sectionIds.get(f.section);
    if (!sectionId) throw new Error(`figure series ${f.key} names an unknown section`);
    const fields = {
      names: json(f.names),
      description: optionalJson(f.description),
      sectionId,
      measure: f.measure,
      levelKey: f.level ?? null,
      province: f.province,
      times: [...f.times],
      cumulative: f.cumulative,
      position: f.order,
      enabled: f.enabled,
      source: f.source ?? null,
      feed: optionalJson(f.feed),
    };
    const row = existing.get(f.key);
    let seriesId: string;
    if (!row) seriesId = (await tx.figureSeries.create({ data: { tenantId, key: f.key, ...fields }, select: { id: true } })).id;
    else {
      seriesId = row.id;
      const changed =
        !same(row.names, f.names) || !same(row.description, f.description) || row.sectionId !== sectionId || row.measure !== f.measure ||
        row.levelKey !== (f.level ?? null) || row.province !== f.province || row.times.join() !== f.times.join() || row.cumulative !== f.cumulative ||
        row.position !== f.order || row.enabled !== f.enabled || row.source !== (f.source ?? null) || !same(row.feed, f.feed);
      if (changed) await tx.figureSeries.update({ where: { id: row.id }, data: fields, select: { id: true } });
    }
    const { dropped, added } = agencyChanges(`figure series ${f.key}`, f.agencies, agencyIds, row?.agencies ?? []);
    if (dropped.length > 0) await tx.figureSeriesAgency.deleteMany({ where: { seriesId, agencyId: { in: dropped } } });
    if (added.length > 0) await tx.figureSeriesAgency.createMany({ data: added.map((agencyId) => ({ seriesId, agencyId, tenantId })) });
  }
}

/** The agency ids to unlink and to link, from the pack's agency keys and the links stored. */
function agencyChanges(what: string, keys: string[], agencyIds: Map<string, string>, had: { agencyId: string }[]): { dropped: string[]; added: string[] } {
  const wanted = keys.map((key) => {
    const id = agencyIds.get(key);
    if (!id) throw new Error(`${what} names an unknown agency`);
    return id;
  });
  const stored = had.map((a) => a.agencyId);
  return { dropped: stored.filter((id) => !wanted.includes(id)), added: wanted.filter((id) => !stored.includes(id)) };
}

// Kinds of place keep their ids (places point at them); one removed from the pack while it holds places
// fails the write (disable it instead).
async function syncPlaceKinds(tx: Tx, tenantId: string, pack: TenantPack, agencyIds: Map<string, string>, sectionIds: Map<string, string>): Promise<void> {
  const existing = new Map((await tx.placeKind.findMany({ where: { tenantId }, include: { agencies: true } })).map((k) => [k.kind, k]));
  const gone = [...existing.values()].filter((k) => !pack.places.some((p) => p.kind === k.kind)).map((k) => k.id);
  if (gone.length > 0) await tx.placeKind.deleteMany({ where: { tenantId, id: { in: gone } } });
  for (const p of pack.places) {
    const sectionId = sectionIds.get(p.section);
    if (!sectionId) throw new Error(`places of kind ${p.kind} name an unknown section`);
    const fields = { names: optionalJson(p.names), sectionId, position: p.order, enabled: p.enabled, source: p.source ?? null };
    const row = existing.get(p.kind);
    let kindId: string;
    if (!row) kindId = (await tx.placeKind.create({ data: { tenantId, kind: p.kind, ...fields }, select: { id: true } })).id;
    else {
      kindId = row.id;
      const changed = !same(row.names, p.names) || row.sectionId !== sectionId || row.position !== p.order || row.enabled !== p.enabled || row.source !== (p.source ?? null);
      if (changed) await tx.placeKind.update({ where: { id: row.id }, data: fields, select: { id: true } });
    }
    const { dropped, added } = agencyChanges(`places of kind ${p.kind}`, p.agencies, agencyIds, row?.agencies ?? []);
    if (dropped.length > 0) await tx.placeKindAgency.deleteMany({ where: { kindId, agencyId: { in: dropped } } });
    if (added.length > 0) await tx.placeKindAgency.createMany({ data: added.map((agencyId) => ({ kindId, agencyId, tenantId })) });
  }
}
