// The benchmark's arithmetic and texts: wrk's report read right, targets judged right, and the bench's
// search text exactly what the app would store for the same item (else search would be measured on
// vectors the app never makes).
import { describe, expect, it } from "vitest";
import { foldVietnamese, htmlToText } from "@cong/core";
import { judge, parseWrkReport, percentile, requestsPerSecond, resultsTable, summarize, type CaseResult } from "./results.ts";
import { itemText, makeContext, seededRandom } from "./vietnamese-text.ts";

const line = (o: Partial<Record<string, number>>) =>
  `Running 10s test @ http://127.0.0.1:3101/\nBENCH ${JSON.stringify({ requests: 20000, duration: 10_000_000, status: 0, connect: 0, read: 0, write: 0, timeout: 0, p50: 4000, p90: 9000, p95: 12000, p99: 30000, max: 80000, ...o })}\n`;

const result = (summary = parseWrkReport(line({})), target: CaseResult["target"] = { minRatio: 0.1, maxP99Ms: 50 }): CaseResult => ({
  name: "home",
  via: "app, page cache",
  url: "http://quang-ninh.localhost/",
  connections: 100,
  summary,
  target,
});

describe("wrk report", () => {
  it("reads requests per second, percentiles and every kind of error", () => {
    const s = parseWrkReport(line({ status: 3, timeout: 2 }));
    expect(requestsPerSecond(s)).toBe(2000);
    expect(s.p99).toBe(30000);
    expect(s.non2xx).toBe(3);
    expect(s.errors).toBe(5);
  });

  it("refuses output without the report line", () => {
    expect(() => parseWrkReport("unable to connect to 127.0.0.1:3101 Connection refused\n")).toThrow(/no BENCH line/);
  });
});

describe("a latency loop's own samples", () => {
  it("takes nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBe(0);
  });

  it("lets one slow request in twenty decide p95 but not p50", () => {
    const samples = [...Array.from({ length: 19 }, () => ({ us: 20_000, ok: true })), { us: 4_000_000, ok: false }];
    const s = summarize(samples, 10_000_000);
    expect([s.p50, s.p95, s.max]).toEqual([20_000, 20_000, 4_000_000]);
    expect(summarize([...samples, { us: 4_000_000, ok: true }], 10_000_000).p95).toBe(4_000_000);
    expect(s.errors).toBe(1);
    expect(requestsPerSecond(s)).toBe(2);
  });
});

describe("targets", () => {
  it("passes a case within every bound", () => {
    expect(judge(result(), 10_000)).toEqual({ pass: true, reasons: [] });
  });

  it("names each bound a case broke", () => {
    const verdict = judge(result(parseWrkReport(line({ p99: 120_000 }))), 40_000);
    expect(verdict?.pass).toBe(false);
    expect(verdict?.reasons).toEqual(["5.0 % of static < 10 %", "p99 120 ms > 50 ms"]);
  });

  it("counts failed requests as a miss, whatever the speed", () => {
    expect(judge(result(parseWrkReport(line({ status: 1 }))), 1000)?.reasons).toEqual(["1 error(s) or non-2xx/3xx answer(s)"]);
  });

  it("has no verdict for a case without a target", () => {
    expect(judge({ ...result(), target: undefined }, 1000)).toBeNull();
  });

  it("prints the ratio to the static file and the verdict in the table", () => {
    const table = resultsTable([result(parseWrkReport(line({ p99: 120_000 })))], 40_000);
    expect(table.split("\n")[2]).toBe("| home | app, page cache | 100 | 2,000 | 4.00 ms | 12.0 ms | 120 ms | 0 | 5.0 % | ≥ 10 % of static, p99 ≤ 50 ms | **miss**: 5.0 % of static < 10 %; p99 120 ms > 50 ms |");
  });
});

describe("generated items", () => {
  it("carry the search text the app stores: folded title, then summary, body and document fields", () => {
    const rand = seededRandom(7);
    const ctx = makeContext("Tỉnh Quảng Ninh", ["Phường Hà Khánh", "Xã Đồng Sơn", "Thị trấn Cái Rồng"]);
    for (let i = 0; i < 300; i++) {
      const t = itemText(rand, ctx, (["news", "document", "qa"] as const)[i % 3]!, new Date(Date.UTC(2021, 6, 1 + (i % 28))));
      const rest = [t.summary, htmlToText(t.body), t.doc?.number, t.doc?.issuer, t.doc?.signer, t.doc?.form, t.doc?.field].filter(Boolean).join(" ");
      expect(t.searchText).toBe(`${foldVietnamese(t.title)}\n${foldVietnamese(rest)}`);
      expect(t.title).toBe(t.title.normalize("NFC"));
    }
  });
});
