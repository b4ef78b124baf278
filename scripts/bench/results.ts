// The benchmark's numbers: what wrk reports (through report.lua), the targets of issue 9 each case is held
// to, and the table printed and written to bench/results/. Pure functions.

/** One wrk run, as report.lua prints it: counts, and latency percentiles in microseconds. */
export type WrkSummary = {
  requests: number;
  durationUs: number;
  /** Answers that were not 2xx or 3xx, plus connect, read, write and timeout errors. */
  errors: number;
  non2xx: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
};

/** Reads the line `BENCH {json}` that report.lua prints at the end of a run. */
export function parseWrkReport(output: string): WrkSummary {
  const line = output.split("\n").find((l) => l.startsWith("BENCH "));
  if (!line) throw new Error(`no BENCH line in wrk's output:\n${output}`);
  const raw = JSON.parse(line.slice("BENCH ".length)) as Record<string, number>;
  const num = (k: string) => {
    const v = raw[k];
    if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`wrk report: ${k} is missing`);
    return v;
  };
  const non2xx = num("status");
  return {
    requests: num("requests"),
    durationUs: num("duration"),
    non2xx,
    errors: non2xx + num("connect") + num("read") + num("write") + num("timeout"),
    p50: num("p50"),
    p90: num("p90"),
    p95: num("p95"),
    p99: num("p99"),
    max: num("max"),
  };
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** The same summary as wrk's, from a loop's own samples (latencies in microseconds). */
export function summarize(samples: readonly { us: number; ok: boolean }[], durationUs: number): WrkSummary {
  const us = samples.map((s) => s.us);
  const non2xx = samples.filter((s) => !s.ok).length;
  return {
    requests: samples.length,
    durationUs,
    non2xx,
    errors: non2xx,
    p50: percentile(us, 50),
    p90: percentile(us, 90),
    p95: percentile(us, 95),
    p99: percentile(us, 99),
    max: us.length ? Math.max(...us) : 0,
  };
}

export const requestsPerSecond = (s: WrkSummary): number => (s.durationUs > 0 ? s.requests / (s.durationUs / 1e6) : 0);

/** What a case is held to; every bound is optional. */
export type Target = {
  /** Requests per second at least this share of the static file's. */
  minRatio?: number;
  maxP99Ms?: number;
  maxP95Ms?: number;
};

export type CaseResult = {
  name: string;
  /** What served it: "app (page cache)", "app (no cache)", "nginx → app", "nginx static". */
  via: string;
  url: string;
  connections: number;
  summary: WrkSummary;
  target?: Target;
};

export type Verdict = { pass: boolean; reasons: string[] };

/** Whether a case met its target, and for a miss which bound it broke. */
export function judge(result: CaseResult, staticRps: number): Verdict | null {
  const t = result.target;
  if (!t) return null;
  const reasons: string[] = [];
  const rps = requestsPerSecond(result.summary);
  const ms = (us: number) => us / 1000;
  if (t.minRatio !== undefined && staticRps > 0 && rps / staticRps < t.minRatio)
    reasons.push(`${formatPercent(rps / staticRps)} of static < ${formatPercent(t.minRatio)}`);
  if (t.maxP99Ms !== undefined && ms(result.summary.p99) > t.maxP99Ms) reasons.push(`p99 ${formatMs(result.summary.p99)} > ${t.maxP99Ms} ms`);
  if (t.maxP95Ms !== undefined && ms(result.summary.p95) > t.maxP95Ms) reasons.push(`p95 ${formatMs(result.summary.p95)} > ${t.maxP95Ms} ms`);
  if (result.summary.errors > 0) reasons.push(`${result.summary.errors} error(s) or non-2xx/3xx answer(s)`);
  return { pass: reasons.length === 0, reasons };
}

export function describeTarget(t: Target | undefined): string {
  if (!t) return "";
  const parts: string[] = [];
  if (t.minRatio !== undefined) parts.push(`≥ ${formatPercent(t.minRatio)} of static`);
  if (t.maxP99Ms !== undefined) parts.push(`p99 ≤ ${t.maxP99Ms} ms`);
  if (t.maxP95Ms !== undefined) parts.push(`p95 ≤ ${t.maxP95Ms} ms`);
  return parts.join(", ");
}

export function formatMs(us: number): string {
  const ms = us / 1000;
  return ms >= 100 ? `${Math.round(ms)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
}

export function formatPercent(ratio: number): string {
  const pct = ratio * 100;
  return pct >= 10 ? `${Math.round(pct)} %` : pct >= 1 ? `${pct.toFixed(1)} %` : `${pct.toFixed(2)} %`;
}

export function formatRps(rps: number): string {
  return rps >= 100 ? Math.round(rps).toLocaleString("en") : rps.toFixed(1);
}

/** A markdown table: one row per case, ratio to the static file, and the target's verdict. */
export function resultsTable(results: CaseResult[], staticRps: number): string {
  const header = ["case", "served by", "conns", "requests/s", "p50", "p95", "p99", "failed", "vs static", "target", "result"];
  const rows = results.map((r) => {
    const rps = requestsPerSecond(r.summary);
    const verdict = judge(r, staticRps);
    return [
      r.name,
      r.via,
      String(r.connections),
      formatRps(rps),
      formatMs(r.summary.p50),
      formatMs(r.summary.p95),
      formatMs(r.summary.p99),
      String(r.summary.errors),
      // A ratio of throughputs means something only under the same load (one connection is a latency loop).
      staticRps > 0 && r.connections > 1 ? formatPercent(rps / staticRps) : "",
      describeTarget(r.target),
      verdict === null ? "" : verdict.pass ? "pass" : `**miss**: ${verdict.reasons.join("; ")}`,
    ];
  });
  return markdownTable(header, rows);
}

export function markdownTable(header: string[], rows: string[][]): string {
  const escape = (cell: string) => cell.replace(/\|/g, "\\|");
  return [`| ${header.map(escape).join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(escape).join(" | ")} |`)].join("\n");
}
