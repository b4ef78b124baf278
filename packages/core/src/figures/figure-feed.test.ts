// Figures pulled from another system's file (issue 10), on both databases, from a real HTTP server on
// loopback: a good CSV or JSON file is written and logged; a file with one bad row, a row of another
// series, an error answer or a server that does not answer writes nothing and is logged with its reason;
// a feed is pulled again only when its interval has passed.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTenants } from "@cong/db";
import { describeBackends, inUnit } from "@cong/db/testing";
import { pullFigureFeeds } from "../jobs/pull-figure-feeds.ts";
import { listTenants } from "../tenants/list-tenants.ts";
import { jsonFeedAsCsv, readFeedMessage } from "./figure-feed.ts";

const tenantsDir = fileURLToPath(new URL("../../../../tenants", import.meta.url));
const vn = (local: string) => new Date(`${local}+07:00`);
const VINH_A = "16663";
const VINH_B = "16666";

// What the other system answers, by path.
const files = new Map<string, { status: number; type: string; body: string }>();
const server = http.createServer((req, res) => {
  const f = files.get(req.url ?? "");
  if (!f) return void res.writeHead(404).end("not found");
  if (f.status === 0) return; // never answers (the pull times out: not waited for here, see below)
  res.writeHead(f.status, { "content-type": f.type }).end(f.body);
});
let base = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("a JSON feed", () => {
  it("becomes the import's CSV, every row naming the series, quoting what needs it", () => {
    expect(jsonFeedAsCsv(new TextEncoder().encode(JSON.stringify([{ date: "2026-11-20", time: "06:00", unit: "412", value: 3 }, { date: "2026-11-20", unit: 'a,"b"', value: null }])), "cap-do")).toEqual({
      ok: true,
      csv: 'date,time,unit,series,value\n2026-11-20,06:00,412,cap-do,3\n2026-11-20,,"a,""b""",cap-do,',
    });
    expect(jsonFeedAsCsv(new TextEncoder().encode('{"figures": []}'), "x")).toEqual({ ok: true, csv: "date,time,unit,series,value" });
    expect(jsonFeedAsCsv(new TextEncoder().encode("{"), "x")).toMatchObject({ ok: false });
    expect(jsonFeedAsCsv(new TextEncoder().encode('{"a": 1}'), "x")).toMatchObject({ ok: false });
  });
});

describeBackends("figure feeds", ({ db }) => {
  let na = "";
  const setFeed = async (key: string, feed: { url: string; format: string; every: number } | null) => {
    await db().owner.figureSeries.updateMany({ where: { tenantId: na, key }, data: { feed: feed === null ? (null as never) : feed } });
  };
  const pulls = (key: string) => db().owner.figureFeedPull.findMany({ where: { tenantId: na, series: { key } }, orderBy: { at: "asc" } });
  const figures = (key: string) => db().owner.figure.count({ where: { tenantId: na, series: { key } } });

  beforeAll(async () => {
    expect((await seedTenants(db(), tenantsDir)).failed).toEqual([]);
    na = (await inUnit(db(), null, (tx) => listTenants({ tx }))).find((t) => t.slug === "nghe-an")!.id;
  });

  it("writes a good CSV and logs it; pulls again only once the interval has passed", async () => {
    files.set("/ca-mac-moi.csv", { status: 200, type: "text/csv", body: `Ngày,Giờ,Mã địa bàn,Số liệu,Giá trị\n20/11/2026,06:00,${VINH_A},ca-mac-moi,4\n20/11/2026,06:00,${VINH_B},ca-mac-moi,6\n` });
    await setFeed("ca-mac-moi", { url: `${base}/ca-mac-moi.csv`, format: "csv", every: 30 });
    const now = vn("2026-11-20T07:00:00");
    expect(await pullFigureFeeds({ db: db(), now })).toEqual({ pulled: 1, failed: 0 });
    expect(await figures("ca-mac-moi")).toBe(2);
    expect(await pulls("ca-mac-moi")).toMatchObject([{ ok: true, rows: 2, changed: 2, message: null }]);
    // Not due yet 10 minutes later; due after 30, and the same file changes nothing then.
    expect(await pullFigureFeeds({ db: db(), now: new Date(now.getTime() + 10 * 60_000) })).toEqual({ pulled: 0, failed: 0 });
    expect(await pullFigureFeeds({ db: db(), now: new Date(now.getTime() + 31 * 60_000) })).toEqual({ pulled: 1, failed: 0 });
    expect((await pulls("ca-mac-moi")).map((p) => [p.ok, p.changed])).toEqual([
      [true, 2],
      [true, 0],
    ]);
    await setFeed("ca-mac-moi", null);
  });

  it("writes nothing from a file with one bad row or another series' row, and says why", async () => {
    files.set("/bad.csv", { status: 200, type: "text/csv", body: `Ngày,Giờ,Mã địa bàn,Số liệu,Giá trị\n21/11/2026,06:00,${VINH_A},khoi-benh,4\n21/11/2026,06:00,${VINH_B},khoi-benh,ba\n` });
    files.set("/other.csv", { status: 200, type: "text/csv", body: `Ngày,Giờ,Mã địa bàn,Số liệu,Giá trị\n21/11/2026,06:00,${VINH_A},khoi-benh,4\n21/11/2026,06:00,${VINH_A},tu-vong,1\n` });
    await setFeed("khoi-benh", { url: `${base}/bad.csv`, format: "csv", every: 5 });
    const now = vn("2026-11-21T07:00:00");
    expect(await pullFigureFeeds({ db: db(), now })).toEqual({ pulled: 0, failed: 1 });
    await setFeed("khoi-benh", { url: `${base}/other.csv`, format: "csv", every: 5 });
    expect(await pullFigureFeeds({ db: db(), now: new Date(now.getTime() + 6 * 60_000) })).toEqual({ pulled: 0, failed: 1 });
    expect(await figures("khoi-benh")).toBe(0);
    expect(await figures("tu-vong")).toBe(0);
    const log = await pulls("khoi-benh");
    expect(log.map((p) => p.ok)).toEqual([false, false]);
    // The reasons are logged as message keys (shown in the reader's language), each bad row with its line and column.
    expect(readFeedMessage(log[0]!.message)).toEqual([{ key: "errors.figureNotCount", row: 3, column: "Giá trị" }]);
    expect(readFeedMessage(log[1]!.message)).toEqual([{ key: "errors.figureSeriesForbidden", row: 3, column: "Số liệu" }]);
    await setFeed("khoi-benh", null);
  });

  it("logs an error answer and an unreachable server, and writes a good JSON feed", async () => {
    await setFeed("dang-dieu-tri", { url: `${base}/missing.json`, format: "json", every: 5 });
    const now = vn("2026-11-22T07:00:00");
    expect(await pullFigureFeeds({ db: db(), now })).toEqual({ pulled: 0, failed: 1 });
    // A port nothing listens on.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await setFeed("dang-dieu-tri", { url: `http://127.0.0.1:${port}/x.json`, format: "json", every: 5 });
    expect(await pullFigureFeeds({ db: db(), now: new Date(now.getTime() + 6 * 60_000) })).toEqual({ pulled: 0, failed: 1 });
    files.set("/dang-dieu-tri.json", { status: 200, type: "application/json", body: JSON.stringify({ figures: [{ date: "2026-11-22", time: "06:00", unit: VINH_A, value: 12 }] }) });
    await setFeed("dang-dieu-tri", { url: `${base}/dang-dieu-tri.json`, format: "json", every: 5 });
    expect(await pullFigureFeeds({ db: db(), now: new Date(now.getTime() + 12 * 60_000) })).toEqual({ pulled: 1, failed: 0 });
    expect((await pulls("dang-dieu-tri")).map((p) => [p.ok, readFeedMessage(p.message)])).toEqual([
      [false, [{ key: "figures.feeds.problem.status", values: { status: 404 } }]],
      [false, [{ key: "figures.feeds.problem.unreachable", values: { detail: "ECONNREFUSED" } }]],
      [true, null],
    ]);
    const written = await db().owner.figure.findFirstOrThrow({ where: { tenantId: na, unitCode: VINH_A, series: { key: "dang-dieu-tri" } } });
    expect(Number(written.value)).toBe(12);
    expect(written.slot.toISOString()).toBe(vn("2026-11-22T06:00:00").toISOString());
    await setFeed("dang-dieu-tri", null);
  });
});
