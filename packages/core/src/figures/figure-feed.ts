// Figures pulled from another system (issue 10, docs/decisions/0012): a series whose pack names a feed
// (a CSV in the import template's columns, or JSON: an array of {date, time, unit, value}) is written by
// the same import as an agency's file, with the rights of that series alone: a file with any bad row, or
// a row of another series, changes nothing. Every pull is logged for the province's admin, good or bad.
import { defineAbilityFor } from "@cong/authz";
import type { FigureFeed } from "@cong/config";
import type { Tx } from "@cong/db";
import { SYSTEM_ACTOR } from "../audit/record-audit.ts";
import { importFigures } from "./import-figures.ts";

/** The largest file a feed may answer with. */
export const FEED_MAX_BYTES = 5 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 20_000;
const TOO_LARGE: FeedProblem = { key: "figures.feeds.problem.tooLarge", values: { mb: FEED_MAX_BYTES / 1024 / 1024 } };

export type FeedSeries = { id: string; key: string; feed: FigureFeed; lastPullAt: Date | null };

/** The series of the province with a feed, each with its last pull, and whether it is due now. */
export async function listFeedSeries({ tx, tenantId }: { tx: Tx; tenantId: string }): Promise<FeedSeries[]> {
  const rows = await tx.figureSeries.findMany({
    where: { tenantId, enabled: true, NOT: { feed: { equals: null as never } } },
    select: { id: true, key: true, feed: true, pulls: { orderBy: { at: "desc" }, take: 1, select: { at: true } } },
    orderBy: [{ position: "asc" }, { key: "asc" }],
  });
  return rows.filter((r) => r.feed !== null).map((r) => ({ id: r.id, key: r.key, feed: r.feed as unknown as FigureFeed, lastPullAt: r.pulls[0]?.at ?? null }));
}

export const feedIsDue = (s: FeedSeries, now: Date) => s.lastPullAt === null || now.getTime() - s.lastPullAt.getTime() >= s.feed.every * 60_000;

/**
 * Why a pull wrote nothing: message keys with their values (and, for a bad row, its line and column),
 * translated where they are shown. The pull's log keeps them as JSON (readFeedMessage reads it back).
 */
export type FeedProblem = { key: string; values?: Record<string, string | number>; row?: number; column?: string };

/** What the feed's address answered, or why nothing usable came. */
export type Fetched = { ok: true; bytes: Uint8Array } | { ok: false; problem: FeedProblem };

// The log shows the first few bad rows of a file and counts the rest.
const LOGGED_ROWS = 5;

/** Reads a feed's file: http(s) only, within FEED_TIMEOUT_MS and FEED_MAX_BYTES. */
export async function fetchFeed(url: string, fetchImpl: typeof fetch = fetch): Promise<Fetched> {
  if (!/^https?:\/\//i.test(url)) return { ok: false, problem: { key: "figures.feeds.problem.notHttp" } };
  try {
    const res = await fetchImpl(url, { signal: AbortSignal.timeout(FEED_TIMEOUT_MS), redirect: "follow", headers: { accept: "text/csv, application/json;q=0.9, */*;q=0.5" } });
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      return { ok: false, problem: { key: "figures.feeds.problem.status", values: { status: res.status } } };
    }
    if (Number(res.headers.get("content-length") ?? 0) > FEED_MAX_BYTES) {
      await res.body?.cancel().catch(() => {});
      return { ok: false, problem: TOO_LARGE };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = res.body?.getReader();
    for (;;) {
      const next = reader ? await reader.read() : { done: true as const, value: undefined };
      if (next.done) break;
      size += next.value.byteLength;
      if (size > FEED_MAX_BYTES) {
        await reader?.cancel().catch(() => {});
        return { ok: false, problem: TOO_LARGE };
      }
      chunks.push(next.value);
    }
    return { ok: true, bytes: Buffer.concat(chunks) };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    if (e.name === "TimeoutError") return { ok: false, problem: { key: "figures.feeds.problem.timeout", values: { seconds: FEED_TIMEOUT_MS / 1000 } } };
    // The system's own code (ECONNREFUSED, ENOTFOUND…) says most to whoever runs the other server.
    return { ok: false, problem: { key: "figures.feeds.problem.unreachable", values: { detail: e.cause?.code ?? e.message.split("\n")[0] ?? "" } } };
  }
}

/** A JSON feed as the import's CSV: every row of the series named by its key. */
export function jsonFeedAsCsv(bytes: Uint8Array, seriesKey: string): { ok: true; csv: string } | { ok: false; problem: FeedProblem } {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, problem: { key: "figures.feeds.problem.notJson" } };
  }
  const rows = Array.isArray(data) ? data : Array.isArray((data as { figures?: unknown })?.figures) ? (data as { figures: unknown[] }).figures : null;
  if (!rows) return { ok: false, problem: { key: "figures.feeds.problem.noFigures" } };
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = ["date,time,unit,series,value"];
  for (const r of rows) {
    const o = (r ?? {}) as Record<string, unknown>;
    lines.push([o.date, o.time, o.unit, seriesKey, o.value].map(cell).join(","));
  }
  return { ok: true, csv: lines.join("\n") };
}

export type PullResult = { ok: boolean; rows: number; changed: number; problems: FeedProblem[] };

/**
 * Writes one pull of a series' feed in the caller's transaction: the figures (all or nothing, as the
 * series' own entrant: no other series, every locality) and the pull's log line.
 */
export async function applyFigureFeed(o: { tx: Tx; tenantId: string; timeZone: string; series: FeedSeries; fetched: Fetched; now?: Date }): Promise<PullResult> {
  const { tx, tenantId, series } = o;
  const log = async (r: PullResult) => {
    const message = r.problems.length > 0 ? JSON.stringify(r.problems) : null;
    await tx.figureFeedPull.create({ data: { tenantId, seriesId: series.id, at: o.now ?? new Date(), ok: r.ok, rows: r.rows, changed: r.changed, message }, select: { id: true } });
    return r;
  };
  if (!o.fetched.ok) return log({ ok: false, rows: 0, changed: 0, problems: [o.fetched.problem] });
  let bytes = o.fetched.bytes;
  if (series.feed.format === "json") {
    const csv = jsonFeedAsCsv(bytes, series.key);
    if (!csv.ok) return log({ ok: false, rows: 0, changed: 0, problems: [csv.problem] });
    bytes = new TextEncoder().encode(csv.csv);
  }
  // The rights of this series' entrant and nothing else.
  const FEED = "feed";
  const ability = defineAbilityFor({ id: FEED, tenantId, roles: ["editor"], agencyIds: [FEED], active: true }, { tenantId, duties: [], sections: [], figureSeries: [{ id: series.id, agencyIds: [FEED] }] });
  const result = await importFigures({
    tx,
    tenantId,
    ability,
    actor: { ...SYSTEM_ACTOR, email: `feed:${series.key}` },
    who: { everyUnit: true, agencies: [] },
    timeZone: o.timeZone,
    file: { bytes, name: "feed.csv" },
    lang: "vi",
    now: o.now,
  });
  if (result.ok) return log({ ok: true, rows: result.value.rows, changed: result.value.changed, problems: [] });
  const problems: FeedProblem[] = [
    ...(result.errors.file ?? []).filter((k) => k !== "errors.figureImportBadRows" || result.rows.length === 0).map((key) => ({ key })),
    ...result.rows.slice(0, LOGGED_ROWS).map((p) => ({ key: p.reason, row: p.row, column: p.column, ...(p.values ? { values: p.values } : {}) })),
  ];
  if (result.rows.length > LOGGED_ROWS) problems.push({ key: "figures.feeds.problem.more", values: { count: result.rows.length - LOGGED_ROWS } });
  return log({ ok: false, rows: result.total, changed: 0, problems });
}

/**
 * A pull's logged reasons: the problems it wrote as JSON, or a line of text as written before they
 * were (shown as it is).
 */
export function readFeedMessage(message: string | null): FeedProblem[] | string | null {
  if (message === null) return null;
  try {
    const parsed: unknown = JSON.parse(message);
    if (Array.isArray(parsed) && parsed.every((p) => typeof (p as FeedProblem)?.key === "string")) return parsed as FeedProblem[];
  } catch {
    // text from an older log line
  }
  return message;
}

export type FeedStatus = { key: string; names: unknown; feed: FigureFeed; last: { at: Date; ok: boolean; rows: number; changed: number; reasons: FeedProblem[] | string | null } | null };

/** Each feed of the province and its last pull, for the people who enter its series. */
export async function listFeedStatus({ tx, tenantId }: { tx: Tx; tenantId: string }): Promise<FeedStatus[]> {
  const rows = await tx.figureSeries.findMany({
    where: { tenantId, NOT: { feed: { equals: null as never } } },
    select: { key: true, names: true, feed: true, pulls: { orderBy: { at: "desc" }, take: 1, select: { at: true, ok: true, rows: true, changed: true, message: true } } },
    orderBy: [{ position: "asc" }, { key: "asc" }],
  });
  return rows
    .filter((r) => r.feed !== null)
    .map((r) => {
      const last = r.pulls[0];
      return { key: r.key, names: r.names, feed: r.feed as unknown as FigureFeed, last: last ? { at: last.at, ok: last.ok, rows: last.rows, changed: last.changed, reasons: readFeedMessage(last.message) } : null };
    });
}
