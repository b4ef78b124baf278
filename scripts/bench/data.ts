// `npm run bench:data [-- --fresh]`: a realistic data set for the benchmarks (npm run bench) on the
// PostgreSQL database BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/cong_bench, created
// when missing; --fresh drops and recreates it). Migrated with the project's own runner, 34 provinces
// loaded through tenant:add's code path (the three real packs, and 31 packs derived from one of them
// written to a temporary folder), then 1,000,000 published items with Vietnamese texts and 2,000,000 due
// instances bulk-loaded with COPY (triggers skipped, so the content version is bumped by hand after),
// secondary indexes rebuilt, ANALYZE; then 10,000,000 figures and 5,000 places on the map's province
// (data-figures.ts; added to a database loaded before them). Needs a superuser login (session_replication_role).
import { randomUUID } from "node:crypto";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { DeadlineRule } from "@cong/config";
import { readPack } from "@cong/config/load";
import { createUser, dutyKey, inScope, kindsForSection, migrateDatabase, refreshDeadlines, SYSTEM_ACTOR } from "@cong/core";
import { checkPackConflicts, loadPack } from "@cong/db";
import { openDb, ownerClient, type Db } from "@cong/db/owner";
import { createWorkingCalendar, dueInstances, type DueInstance, type ScheduleEvent } from "@cong/schedule";
import { BENCH_TENANT, BENCH_USER, benchDatabaseUrl, databaseName, DUE_INSTANCES, ITEMS, REAL_PACKS, SOURCE_PACK, withDatabase } from "./config.ts";
import { copyFrom, copyLine } from "./copy.ts";
import { FIGURES, loadFigures, loadPlaces, MAP_TENANT, PLACES } from "./data-figures.ts";
import { PROVINCES, provinceTitle, type Province } from "./provinces.ts";
import { itemText, makeContext, seededRandom, slugOf } from "./vietnamese-text.ts";

const DAY = 86_400_000;
const started = Date.now();
const since = (t: number) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
const log = (line: string) => console.log(`[${since(started).padStart(7)}] ${line}`);

async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t = Date.now();
  log(`${name}…`);
  const out = await fn();
  log(`${name}: done in ${since(t)}`);
  return out;
}

// --- the database ------------------------------------------------------------------------------------

async function prepareDatabase(url: string, fresh: boolean): Promise<void> {
  const name = databaseName(url);
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    const ident = `"${name.replace(/"/g, '""')}"`;
    if (fresh) {
      await admin.query(`drop database if exists ${ident} with (force)`);
      log(`database ${name}: dropped (--fresh)`);
    }
    const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) {
      await admin.query(`create database ${ident}`);
      log(`database ${name}: created`);
    }
  } finally {
    await admin.end();
  }
}

// --- provinces -----------------------------------------------------------------------------------------

/** A province's pack derived from the source pack: its own slug, names, domain and province unit. */
async function writeDerivedPack(dir: string, source: Awaited<ReturnType<typeof readSourcePack>>, p: Province): Promise<string> {
  const title = provinceTitle(p);
  const lowerTitle = `${p.kind === "tinh" ? "tỉnh" : "thành phố"} ${p.vi}`;
  const src = PROVINCES.find((x) => x.slug === SOURCE_PACK)!;
  const text = JSON.stringify(source.pack)
    .replaceAll(provinceTitle(src), title)
    .replaceAll(`tỉnh ${src.vi}`, lowerTitle)
    .replaceAll(src.vi, p.vi)
    .replaceAll(src.en, p.en)
    .replaceAll(src.zh, p.zh)
    .replaceAll(src.slug.replace(/-/g, ""), p.slug.replace(/-/g, ""))
    .replaceAll(src.slug, p.slug);
  const pack = JSON.parse(text) as Record<string, unknown> & { agencies: { unit?: string }[] };
  pack.provinceCode = p.code;
  pack.domains = [`covid19.${p.slug.replace(/-/g, "")}.gov.vn`];
  for (const agency of pack.agencies) if (agency.unit !== undefined) agency.unit = p.code;
  const folder = path.join(dir, p.slug);
  await mkdir(folder, { recursive: true });
  // A pack names at least one regulation, with its text beside it: the source's texts, copied (they are
  // published only by the embedded demo, never here).
  for (const [i, r] of (pack.regulations as { file?: string }[]).entries()) {
    const original = source.pack.regulations[i]?.file;
    if (!r.file || !original) continue;
    await mkdir(path.dirname(path.join(folder, r.file)), { recursive: true });
    await copyFile(path.join(source.dir, original), path.join(folder, r.file));
  }
  await writeFile(path.join(folder, "pack.json"), JSON.stringify(pack, null, 2));
  // Only the province itself: the source's districts and communes are not this province's.
  const units = [{ code: p.code, name: title, type: p.kind === "tinh" ? "Tỉnh" : "Thành phố", level: "province", parentCode: null }];
  await writeFile(path.join(folder, (source.pack.adminUnits as { file: string }).file), JSON.stringify(units, null, 2));
  return folder;
}

async function readSourcePack() {
  const read = await readPack(path.resolve("tenants", SOURCE_PACK));
  if (!read.ok) throw new Error(`tenants/${SOURCE_PACK} is not a valid pack: ${read.problems.map((p) => p.message).join("; ")}`);
  return read.loaded;
}

/** tenant:add's code path: check the pack (alone, against its siblings and the database), then load it. */
async function addTenant(db: Db, dir: string): Promise<string> {
  const check = await checkPackConflicts(db, dir, { platformDomain: "localhost" });
  if (!check.ok) throw new Error(`${dir}: ${check.problems.map((p) => `${p.path} ${p.message}`).join("; ")}`);
  const result = await loadPack(db, check.loaded);
  return `${result.slug}: ${result.status}`;
}

async function loadProvinces(db: Db): Promise<void> {
  for (const slug of REAL_PACKS) log(`  ${await addTenant(db, path.resolve("tenants", slug))}`);
  const source = await readSourcePack();
  const dir = path.join(os.tmpdir(), `cong-bench-packs-${process.pid}`);
  try {
    const derived = PROVINCES.filter((p) => !REAL_PACKS.includes(p.slug));
    const folders = [];
    for (const p of derived) folders.push(await writeDerivedPack(dir, source, p));
    for (const folder of folders) log(`  ${await addTenant(db, folder)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// --- what the bulk load needs to know ------------------------------------------------------------------

type TenantInfo = {
  id: string;
  slug: string;
  province: Province;
  leadAgencyId: string | null;
  sections: { id: string; slug: string; kind: string; categoryIds: string[]; agencyIds: string[] }[];
  duties: { key: string; agencyId: string; sectionId: string; role: string; rule: DeadlineRule; source: string }[];
};

async function readTenants(db: Db): Promise<TenantInfo[]> {
  const owner = ownerClient(db);
  const tenants = await owner.tenant.findMany({
    select: {
      id: true,
      slug: true,
      leadAgencyKey: true,
      agencies: { select: { id: true, key: true } },
      sections: { select: { id: true, slug: true, kind: true, categories: { select: { id: true } } } },
      duties: { select: { agencyId: true, sectionId: true, role: true, deadline: true, source: true }, orderBy: { position: "asc" } },
    },
    orderBy: { slug: "asc" },
  });
  return tenants.map((t) => {
    const duties = new Map<string, TenantInfo["duties"][number]>();
    for (const d of t.duties) {
      const kind = (d.deadline as { kind?: string } | null)?.kind;
      // As refreshDeadlines: only rules with a clock have due instances.
      if (typeof kind !== "string" || kind === "on-change" || kind === "on-request") continue;
      const rule = d.deadline as unknown as DeadlineRule;
      const key = dutyKey({ agencyId: d.agencyId, sectionId: d.sectionId, role: d.role, rule });
      if (!duties.has(key)) duties.set(key, { key, agencyId: d.agencyId, sectionId: d.sectionId, role: d.role, rule, source: d.source });
    }
    return {
      id: t.id,
      slug: t.slug,
      province: PROVINCES.find((p) => p.slug === t.slug)!,
      leadAgencyId: t.agencies.find((a) => a.key === t.leadAgencyKey)?.id ?? null,
      sections: t.sections.map((s) => ({
        id: s.id,
        slug: s.slug,
        kind: s.kind,
        categoryIds: s.categories.map((c) => c.id),
        agencyIds: [...new Set(t.duties.filter((d) => d.sectionId === s.id && d.role === "update").map((d) => d.agencyId))],
      })),
      duties: [...duties.values()],
    };
  });
}

// --- bulk loading --------------------------------------------------------------------------------------

/** A queue of COPY text between the generator and a COPY: the generator waits when it runs ahead. */
class Channel implements AsyncIterable<string> {
  private chunks: string[] = [];
  private size = 0;
  private closed = false;
  private wake: (() => void) | null = null;
  private room: (() => void) | null = null;
  constructor(private readonly limit = 32 * 1024 * 1024) {}

  async push(chunk: string): Promise<void> {
    this.chunks.push(chunk);
    this.size += chunk.length;
    this.wake?.();
    this.wake = null;
    if (this.size > this.limit) await new Promise<void>((r) => (this.room = r));
  }

  close(): void {
    this.closed = true;
    this.wake?.();
    this.wake = null;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<string> {
    for (;;) {
      const chunk = this.chunks.shift();
      if (chunk !== undefined) {
        this.size -= chunk.length;
        if (this.size <= this.limit / 2 && this.room) {
          const r = this.room;
          this.room = null;
          r();
        }
        yield chunk;
      } else if (this.closed) return;
      else await new Promise<void>((r) => (this.wake = r));
    }
  }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Foreign keys and the content-version triggers are triggers: skipped for the bulk load (superuser only).
  await client.query("set session_replication_role = replica");
  await client.query("set synchronous_commit = off");
  return client;
}

type IndexDef = { name: string; def: string };

/** Indexes that back no constraint are dropped for the load and built again after it. */
async function dropIndexes(client: pg.Client, tables: string[]): Promise<IndexDef[]> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1)
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [tables],
  );
  for (const r of rows) await client.query(`drop index "${r.name}"`);
  return rows;
}

// Sections by how much they publish: news most, then documents and questions; map, chart and
// form-like sections hold no items of their own.
const SECTION_WEIGHT: Record<string, number> = { news: 10, documents: 5, qa: 3, handbook: 2, policies: 2, "fake-news": 1, videos: 1, facilities: 1, statistics: 1, page: 0.2 };

const ITEM_COLUMNS = ["id", "tenant_id", "section_id", "category_id", "agency_id", "kind", "status", "slug", "version", "published_at", "media_url", "doc_form", "doc_number", "doc_issuer", "doc_signer", "doc_issued_on", "doc_effective_on", "doc_status", "doc_field", "created_at", "updated_at"];
// search_vector is a generated column: the database computes it from search_text.
const TRANSLATION_COLUMNS = ["item_id", "tenant_id", "locale", "title", "summary", "body", "search_text"];

/** Published times: a third over the whole life of the portals, the rest in the waves of 2021–2022. */
function publishedAt(rand: () => number, now: number): Date {
  const wave = [Date.UTC(2021, 4, 1), Date.UTC(2022, 5, 30)];
  const life = [Date.UTC(2020, 0, 20), now];
  const [a, b] = rand() < 0.65 ? wave : life;
  return new Date(Math.floor(a! + rand() * (b! - a!)));
}

async function loadItems(url: string, tenants: TenantInfo[], places: string[]): Promise<void> {
  const rand = seededRandom(2025_07_01);
  const now = Date.now();
  const totalWeight = tenants.reduce((s, t) => s + t.province.weight, 0);
  const items = new Channel();
  const translations = new Channel();
  const [a, b] = [await connect(url), await connect(url)];
  const copies = Promise.all([copyFrom(a, "item", ITEM_COLUMNS, items), copyFrom(b, "item_translation", TRANSLATION_COLUMNS, translations)]);
  let made = 0;
  let lastReport = Date.now();
  const t0 = Date.now();
  for (const [ti, tenant] of tenants.entries()) {
    const count = ti === tenants.length - 1 ? ITEMS - made : Math.round((ITEMS * tenant.province.weight) / totalWeight);
    const ctx = makeContext(provinceTitle(tenant.province), places);
    const sections = tenant.sections
      .map((s) => ({ ...s, weight: SECTION_WEIGHT[s.kind] ?? 0, kinds: kindsForSection(s.kind).filter((k) => k !== "link") }))
      .filter((s) => s.weight > 0 && s.kinds.length > 0);
    const sectionWeight = sections.reduce((s, x) => s + x.weight, 0);
    const slugs = new Map<string, Set<string>>(sections.map((s) => [s.id, new Set()]));
    let itemLines = "";
    let translationLines = "";
    for (let i = 0; i < count; i++) {
      let r = rand() * sectionWeight;
      const section = sections.find((s) => (r -= s.weight) < 0) ?? sections[0]!;
      const kind = section.kinds.length === 1 ? section.kinds[0]! : rand() < 0.9 ? section.kinds[0]! : section.kinds[1]!;
      const at = publishedAt(rand, now);
      const text = itemText(rand, ctx, kind === "document" ? "document" : section.kind === "qa" ? "qa" : "news", at);
      const taken = slugs.get(section.id)!;
      const base = slugOf(text.searchText.slice(0, text.searchText.indexOf("\n")));
      let slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
      taken.add(slug);
      const id = randomUUID();
      const day = at.toISOString().slice(0, 10);
      itemLines += copyLine([
        id,
        tenant.id,
        section.id,
        section.categoryIds.length > 0 && rand() < 0.7 ? section.categoryIds[Math.floor(rand() * section.categoryIds.length)]! : null,
        section.agencyIds.length > 0 ? section.agencyIds[Math.floor(rand() * section.agencyIds.length)]! : tenant.leadAgencyId,
        kind,
        "published",
        slug,
        1,
        at.toISOString(),
        kind === "video" ? `https://www.youtube.com/watch?v=${id.slice(0, 11)}` : null,
        text.doc?.form ?? null,
        text.doc?.number ?? null,
        text.doc?.issuer ?? null,
        text.doc?.signer ?? null,
        text.doc ? day : null,
        text.doc ? day : null,
        text.doc ? "in-force" : null,
        text.doc?.field ?? null,
        at.toISOString(),
        at.toISOString(),
      ]);
      translationLines += copyLine([id, tenant.id, "vi", text.title, text.summary, text.body, text.searchText]);
      if (i % 2000 === 1999 || i === count - 1) {
        await Promise.all([items.push(itemLines), translations.push(translationLines)]);
        itemLines = "";
        translationLines = "";
      }
    }
    made += count;
    if (Date.now() - lastReport > 5000 || ti === tenants.length - 1) {
      lastReport = Date.now();
      const rate = made / ((Date.now() - t0) / 1000);
      log(`  items: ${made.toLocaleString("en")} / ${ITEMS.toLocaleString("en")} (${tenant.slug} done; ${Math.round(rate).toLocaleString("en")}/s)`);
    }
  }
  items.close();
  translations.close();
  const [n1, n2] = await copies;
  log(`  items: ${n1.toLocaleString("en")} item rows, ${n2.toLocaleString("en")} item_translation rows copied`);
  await Promise.all([a.end(), b.end()]);
}

const DUE_COLUMNS = ["id", "tenant_id", "duty_key", "agency_id", "section_id", "role", "rule", "source", "key", "due_at", "opens_at", "closes_at", "required", "event_id", "status", "fulfilled_at", "late_seconds", "updates", "evaluated_at", "created_at"];
const EVENT_COLUMNS = ["id", "tenant_id", "kind", "at", "section_id", "agency_id", "note", "created_at"];
const UPDATE_COLUMNS = ["id", "tenant_id", "section_id", "agency_id", "event_id", "kind", "at"];

/**
 * Due instances over the past year as the deadline engine makes them (@cong/schedule's dueInstances over
 * each duty with a clock), the event-driven ones from generated clock events (citizens' questions,
 * documents issued…), with a mix of outcomes: mostly met on time, some late, some missed or overdue.
 * Within the window the engine re-evaluates (refreshDeadlines: 95 days back), each met instance gets the
 * update event that met it, so the engine agrees with what was loaded.
 */
async function loadDueInstances(url: string, tenants: TenantInfo[]): Promise<void> {
  const rand = seededRandom(2025_06_12);
  const now = Date.now();
  const from = new Date(now - 365 * DAY);
  const to = new Date(now + 2 * DAY);
  const windowStart = now - 100 * DAY;
  const calendar = createWorkingCalendar({ timeZone: "Asia/Ho_Chi_Minh", daysOff: [], workingDays: [] });
  const totalWeight = tenants.reduce((s, t) => s + t.province.weight, 0);
  const [a, b, c] = [await connect(url), await connect(url), await connect(url)];
  const dues = new Channel();
  const events = new Channel();
  const updates = new Channel();
  const copies = Promise.all([copyFrom(a, "due_instance", DUE_COLUMNS, dues), copyFrom(b, "clock_event", EVENT_COLUMNS, events), copyFrom(c, "update_event", UPDATE_COLUMNS, updates)]);
  let made = 0;
  const nowIso = new Date(now).toISOString();
  for (const [ti, tenant] of tenants.entries()) {
    const target = ti === tenants.length - 1 ? DUE_INSTANCES - made : Math.round((DUE_INSTANCES * tenant.province.weight) / totalWeight);
    const timed = tenant.duties.filter((d) => !("after" in d.rule));
    const byEvent = tenant.duties.filter((d) => "after" in d.rule);
    type Slot = { duty: TenantInfo["duties"][number]; slot: DueInstance; eventAt?: number };
    const slots: Slot[] = [];
    for (const duty of timed) for (const slot of dueInstances(duty.rule, { from, to, calendar })) slots.push({ duty, slot });

    // Clock events: each names the section and agency of one event-driven duty, so it starts the clocks
    // of the duties of that agency and section that wait for its kind (as refreshDeadlines matches them).
    const eventRows: { id: string; kind: string; at: Date; sectionId: string; agencyId: string }[] = [];
    const matches = (e: { kind: string; sectionId: string; agencyId: string }) =>
      byEvent.filter((d) => (d.rule as { after: string }).after === e.kind && d.sectionId === e.sectionId && d.agencyId === e.agencyId);
    if (byEvent.length > 0) {
      const perEvent = byEvent.reduce((s, d) => s + matches({ kind: (d.rule as { after: string }).after, sectionId: d.sectionId, agencyId: d.agencyId }).length, 0) / byEvent.length;
      const needed = Math.ceil((Math.max(0, target - slots.length) / perEvent) * 1.03);
      for (let i = 0; i < needed; i++) {
        const d = byEvent[Math.floor(rand() * byEvent.length)]!;
        eventRows.push({ id: randomUUID(), kind: (d.rule as { after: string }).after, at: new Date(from.getTime() + rand() * (now - from.getTime())), sectionId: d.sectionId, agencyId: d.agencyId });
      }
      for (const duty of byEvent) {
        const mine: ScheduleEvent[] = eventRows
          .filter((e) => e.sectionId === duty.sectionId && e.agencyId === duty.agencyId)
          .map((e) => ({ id: e.id, at: e.at, kind: e.kind as ScheduleEvent["kind"] }));
        const at = new Map(mine.map((e) => [e.id, e.at.getTime()]));
        for (const slot of dueInstances(duty.rule, { from, to: new Date(now + 180 * DAY), calendar, events: mine })) slots.push({ duty, slot, eventAt: at.get(slot.eventId!) });
      }
    }
    // Exactly the target: the surplus goes from the oldest event-driven instances, which the engine's
    // window never reaches again (then from the oldest timed ones).
    if (slots.length > target) {
      slots.sort((x, y) => (x.eventAt === undefined ? 1 : 0) - (y.eventAt === undefined ? 1 : 0) || x.slot.dueAt.getTime() - y.slot.dueAt.getTime());
      slots.splice(0, slots.length - target);
    }
    const usedEvents = new Set(slots.map((s) => s.slot.eventId).filter(Boolean));
    let eventLines = "";
    for (const e of eventRows)
      if (usedEvents.has(e.id)) eventLines += copyLine([e.id, tenant.id, e.kind, e.at.toISOString(), e.sectionId, e.agencyId, null, e.at.toISOString()]);
    await events.push(eventLines);

    // Outcomes. A met update falls late in its slot's window (never nearer the previous slot's due time),
    // a late one early after its due time (never nearer the next one's), as evaluate() matches them.
    let dueLines = "";
    let updateLines = "";
    const previousDue = new Map<string, number>();
    slots.sort((x, y) => x.slot.dueAt.getTime() - y.slot.dueAt.getTime());
    for (const { duty, slot } of slots) {
      const due = slot.dueAt.getTime();
      const opens = slot.opensAt.getTime();
      const closes = slot.closesAt?.getTime();
      const prev = previousDue.get(duty.key);
      previousDue.set(duty.key, due);
      let status: string;
      let fulfilledAt: number | null = null;
      if (due > now) status = "open";
      else {
        const r = rand();
        if (r < 0.8) {
          const lo = Math.max(opens, prev !== undefined ? (prev + due) / 2 + 60_000 : opens);
          fulfilledAt = Math.floor(lo + rand() * Math.max(0, due - lo));
          status = "fulfilled";
        } else if (r < 0.92) {
          const hi = Math.min(now, closes !== undefined ? due + 0.45 * (closes - due) : due + 3 * DAY);
          fulfilledAt = Math.floor(due + 1000 + rand() * Math.max(0, hi - due - 1000));
          status = fulfilledAt > now ? "overdue" : "late";
          if (status === "overdue") fulfilledAt = null;
        } else status = closes !== undefined && now >= closes ? "missed" : "overdue";
      }
      const id = randomUUID();
      const met = fulfilledAt !== null;
      dueLines += copyLine([
        id,
        tenant.id,
        duty.key,
        duty.agencyId,
        duty.sectionId,
        duty.role,
        JSON.stringify(duty.rule),
        duty.source,
        slot.key,
        slot.dueAt.toISOString(),
        slot.opensAt.toISOString(),
        slot.closesAt?.toISOString() ?? null,
        slot.required,
        slot.eventId ?? null,
        status,
        met ? new Date(fulfilledAt!).toISOString() : null,
        status === "late" ? Math.round((fulfilledAt! - due) / 1000) : null,
        met ? slot.required : 0,
        due <= now ? nowIso : null,
        new Date(Math.min(opens, now)).toISOString(),
      ]);
      if (met && due >= windowStart)
        for (let k = 0; k < slot.required; k++)
          updateLines += copyLine([randomUUID(), tenant.id, duty.sectionId, duty.agencyId, slot.eventId ?? null, "data-entry", new Date(fulfilledAt! - k * 1000).toISOString()]);
      if (dueLines.length > 4_000_000) {
        await Promise.all([dues.push(dueLines), updates.push(updateLines)]);
        dueLines = "";
        updateLines = "";
      }
    }
    await Promise.all([dues.push(dueLines), updates.push(updateLines)]);
    made += slots.length;
    log(`  due instances: ${made.toLocaleString("en")} / ${DUE_INSTANCES.toLocaleString("en")} (${tenant.slug}: ${slots.length.toLocaleString("en")}, ${usedEvents.size.toLocaleString("en")} clock events)`);
  }
  dues.close();
  events.close();
  updates.close();
  const [n1, n2, n3] = await copies;
  log(`  due instances: ${n1.toLocaleString("en")} due_instance, ${n2.toLocaleString("en")} clock_event, ${n3.toLocaleString("en")} update_event rows copied`);
  await Promise.all([a.end(), b.end(), c.end()]);
}

async function placeNames(): Promise<string[]> {
  const names: string[] = [];
  for (const slug of REAL_PACKS) {
    const units = JSON.parse(await readFile(path.resolve("tenants", slug, "admin-units.json"), "utf8")) as { name: string; level: string }[];
    for (const u of units) if (u.level !== "province") names.push(u.name);
  }
  return names;
}

// --- main ----------------------------------------------------------------------------------------------

const url = benchDatabaseUrl();
const fresh = process.argv.includes("--fresh");
const redacted = url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
log(`bench:data on ${redacted}: ${ITEMS.toLocaleString("en")} items, ${DUE_INSTANCES.toLocaleString("en")} due instances`);
await prepareDatabase(url, fresh);
const db = await openDb({ databaseUrl: url, dataDir: ".data" });
let code = 0;
try {
  const migrated = await step("migrate (db:migrate's runner)", () => migrateDatabase(db));
  log(`  ${migrated.applied.length} migration(s) applied, ${migrated.alreadyApplied.length} already applied; queues ${migrated.queues.join(", ")}`);
  const existing = await ownerClient(db).item.count();
  if (existing > 0) {
    log(`the database already holds ${existing.toLocaleString("en")} items: nothing to do (npm run bench:data -- --fresh starts over)`);
  } else {
    await step(`34 provinces (tenant:add's code path; ${REAL_PACKS.length} real packs, ${PROVINCES.length - REAL_PACKS.length} derived from ${SOURCE_PACK})`, () => loadProvinces(db));
    const tenants = await readTenants(db);
    const tenantId = tenants.find((t) => t.slug === BENCH_TENANT)!.id;
    await step(`staff account ${BENCH_USER.email} (${BENCH_USER.role} of ${BENCH_TENANT})`, async () => {
      const result = await inScope(db, tenantId, (tx) =>
        createUser({ tx, tenantId, input: { email: BENCH_USER.email, name: "Bench admin", roles: [BENCH_USER.role], agencies: [] }, password: BENCH_USER.password, actor: SYSTEM_ACTOR, lang: "en" }),
      );
      if (!result.ok) throw new Error(`cannot create the bench account: ${JSON.stringify(result.errors)}`);
    });
    const admin = await connect(url);
    const indexes = await dropIndexes(admin, ["item", "item_translation", "search_entry", "due_instance", "clock_event", "update_event"]);
    log(`secondary indexes dropped for the load: ${indexes.length}`);
    const places = await placeNames();
    await step(`${ITEMS.toLocaleString("en")} published items (COPY item + item_translation)`, () => loadItems(url, tenants, places));
    await step(`${DUE_INSTANCES.toLocaleString("en")} due instances (COPY due_instance + clock_event + update_event)`, () => loadDueInstances(url, tenants));
    // What the search_entry triggers would have written for each published item (migration 20261203120000).
    await step("search entries (the triggers were skipped)", () =>
      admin.query(
        `insert into search_entry (item_id, tenant_id, section_id, published_at, title_vector, vector)
         select i.id, i.tenant_id, i.section_id, i.published_at, tsvector_join(t.title_vector), tsvector_join(t.search_vector)
         from item i join item_translation t on t.item_id = i.id
         where i.status = 'published' and not exists (select 1 from search_entry e where e.item_id = i.id)
         group by i.id`,
      ),
    );
    await step(`rebuild ${indexes.length} indexes`, async () => {
      await admin.query("set maintenance_work_mem = '1GB'");
      await admin.query("set max_parallel_maintenance_workers = 2");
      for (const idx of indexes) {
        const t = Date.now();
        await admin.query(idx.def);
        log(`  ${idx.name}: ${since(t)}`);
      }
    });
    await step("content versions bumped (the triggers were skipped)", async () => {
      await admin.query(
        `insert into content_version (tenant_id) select id from tenant
         on conflict (tenant_id) do update set version = content_version.version + 1, changed_at = now()`,
      );
    });
    await step("ANALYZE", () => admin.query("analyze"));
    await admin.end();
    // What the deadline job would do next; re-evaluates the last 95 days against the loaded updates.
    await step("deadline round (refreshDeadlines per province)", async () => {
      let created = 0;
      let changed = 0;
      for (const t of tenants) {
        const r = await refreshDeadlines(db, t.id);
        created += r.created;
        changed += r.changed;
      }
      log(`  ${created} instance(s) created, ${changed} re-evaluated differently from the load`);
    });
    const { rows } = await db.executeSql(
      "select (select count(*) from tenant) as tenants, (select count(*) from item) as items, (select count(*) from item_translation) as translations, (select count(*) from due_instance) as due, pg_size_pretty(pg_database_size(current_database())) as size",
      [],
    );
    log(`loaded: ${JSON.stringify(rows[0])}`);
  }
  // Issue 10's data, also added to a database loaded before it existed.
  const figures = await step(`${FIGURES.toLocaleString("en")} figures (COPY figure)`, () => loadFigures(url, log));
  const placed = await step(`${PLACES.toLocaleString("en")} places in ${MAP_TENANT} (COPY place + place_status)`, () => loadPlaces(url, log));
  if (figures + placed > 0) {
    const admin = await connect(url);
    await admin.query("update content_version set version = version + 1, changed_at = now()");
    await admin.end();
    log("content versions bumped (the triggers were skipped)");
  }
} catch (error) {
  console.error(`bench:data failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  code = 1;
} finally {
  await db.close().catch(() => {});
}
log(`bench:data finished in ${since(started)}`);
process.exit(code);
