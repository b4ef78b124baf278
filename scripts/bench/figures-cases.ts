// npm run bench's cases of issue 10: which figures API addresses to ask (one series at a time, ranges and
// localities that differ from one request to the next), the first render of the map page with its 5,000
// places in Chromium, and an import of 100,000 figure rows through the import form as an editor sends it.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { chromium, type Page } from "playwright-core";
import { request } from "./http.ts";
import { percentile } from "./results.ts";

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Figures API paths of one province: for each of its series, the default (the province over the last 30
 * days), a year of the province's figure (the sum over every commune where its communes enter it), one
 * commune over a year, and every locality over a week, first page.
 */
export async function figuresApiPaths(url: string, slug: string): Promise<{ paths: string[]; rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: series } = await client.query<{ key: string; level_key: string | null; tenant_id: string }>(
      "select s.key, s.level_key, s.tenant_id from figure_series s join tenant t on t.id = s.tenant_id where t.slug = $1 and s.enabled order by s.position, s.key",
      [slug],
    );
    if (series.length === 0) throw new Error(`${slug} has no series of figures`);
    const { rows: counts } = await client.query<{ n: string }>("select count(*) as n from figure where tenant_id = $1", [series[0]!.tenant_id]);
    const { rows: communes } = await client.query<{ code: string }>("select code from admin_unit where tenant_id = $1 and level_key = 'commune' order by code", [series[0]!.tenant_id]);
    const yesterday = Date.now() - DAY;
    const year = `from=${isoDay(yesterday - 365 * DAY)}&to=${isoDay(yesterday)}`;
    const week = `from=${isoDay(yesterday - 6 * DAY)}&to=${isoDay(yesterday)}`;
    const paths: string[] = [];
    series.forEach((s, i) => {
      const base = `/api/v1/figures?series=${s.key}`;
      paths.push(base, `${base}&${year}`);
      if (s.level_key && communes.length > 0) paths.push(`${base}&${year}&unit=${communes[(i * 37) % communes.length]!.code}`, `${base}&${week}&unit=all`);
    });
    return { paths, rows: Number(counts[0]!.n) };
  } finally {
    await client.end();
  }
}


export type ImportMeasure = { rows: number; bytes: number; seconds: number; changed: number; pass: boolean };

/**
 * 100,000 rows of the measured province's figures (its per-commune series and its province-entered ones,
 * day after day back from yesterday, with new values so that each row is a change and a revision) posted
 * to /admin/figures/import as a signed-in admin's browser posts it; timed from the first byte sent to the
 * answer (the redirect that says how many rows were written).
 */
export async function measureImport(o: { url: string; port: number; host: string; slug: string; cookie: string; rows?: number }): Promise<ImportMeasure> {
  const want = o.rows ?? 100_000;
  const client = new pg.Client({ connectionString: o.url });
  await client.connect();
  let csv = "Ngày,Giờ,Mã địa bàn,Số liệu,Giá trị\n";
  let rows = 0;
  try {
    const { rows: series } = await client.query<{ key: string; level_key: string | null; province: string; times: string[]; measure: string; tenant_id: string; code: string }>(
      `select s.key, s.level_key, s.province, s.times, s.measure, s.tenant_id, coalesce(t.pack->>'provinceCode', 'province') as code
       from figure_series s join tenant t on t.id = s.tenant_id where t.slug = $1 and s.enabled order by s.position, s.key`,
      [o.slug],
    );
    const { rows: units } = await client.query<{ code: string; level_key: string }>("select code, level_key from admin_unit where tenant_id = $1 order by code", [series[0]!.tenant_id]);
    const plan = series.map((s) => {
      const codes = s.level_key ? units.filter((u) => u.level_key === s.level_key).map((u) => u.code) : [];
      if (!s.level_key || s.province === "entered") codes.push(s.code);
      return { s, codes };
    });
    const salt = randomBytes(4).readUInt32BE();
    for (let d = 1; rows < want; d++) {
      const date = isoDay(Date.now() - d * DAY);
      for (const { s, codes } of plan)
        for (const code of codes)
          for (const time of s.times) {
            if (rows >= want) break;
            const value = s.measure === "level" ? 1 + ((salt + rows) % 4) : (salt + rows * 7919) % 5000;
            csv += `${date},${time},${code},${s.key},${value}\n`;
            rows++;
          }
    }
  } finally {
    await client.end();
  }
  const form = await request(o.port, o.host, "/admin/figures/import", { headers: { Cookie: o.cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1];
  if (form.status !== 200 || !token) throw new Error(`import form: status ${form.status}, token ${token ? "found" : "missing"}`);
  const boundary = `----cong-bench-${randomBytes(8).toString("hex")}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench-100k.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(csv, "utf8"),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const t0 = process.hrtime.bigint();
  const answer = await request(o.port, o.host, "/admin/figures/import", {
    method: "POST",
    headers: { Cookie: o.cookie, "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": String(body.length) },
    body,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const location = String(answer.headers.location ?? "");
  const done = /done=(\d+)/.exec(location);
  if (answer.status !== 302 || !done) throw new Error(`import: status ${answer.status} ${location || answer.body.slice(0, 400)}`);
  const changed = Number(/changed=(\d+)/.exec(location)?.[1] ?? 0);
  return { rows: Number(done[1]), bytes: body.length, seconds, changed, pass: Number(done[1]) === rows && seconds <= 10 };
}

type Times = { runs: number[]; medianMs: number; maxMs: number };
export type MapMeasure = { url: string; places: number; runs: number[]; medianMs: number; maxMs: number; interactive: Times; staticFile: Times; pass: boolean };

const times = (ms: number[]): Times => ({ runs: ms.map((t) => Math.round(t)), medianMs: Math.round(percentile(ms, 50)), maxMs: Math.round(Math.max(...ms)) });

/** Installed in each page: when the first contentful paint is reported, notes whether the picture was there, on screen, with its places. */
function notePaint() {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name !== "first-contentful-paint") continue;
      const sketch = document.querySelector("svg.map-sketch");
      const box = sketch?.getBoundingClientRect();
      const dots = sketch?.querySelectorAll("g[data-kind] use").length ?? 0;
      (window as unknown as { __firstPaint: object }).__firstPaint = { at: entry.startTime, drawn: Boolean(box && box.width > 0 && box.top < innerHeight && dots > 0) };
    }
  }).observe({ type: "paint", buffered: true });
}

async function firstPaint(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as unknown as { __firstPaint?: object }).__firstPaint !== undefined, undefined, { timeout: 30_000 });
  const first = (await page.evaluate(() => (window as unknown as { __firstPaint?: { at: number; drawn: boolean } }).__firstPaint))!;
  if (!first.drawn) throw new Error("the first paint did not hold the map's picture with its places");
  return first.at;
}

/**
 * The map page's first render in Chromium (Debian's, as the end-to-end tests find it), a new browser
 * context each time (nothing cached), timed from navigation:
 * - first render: the first contentful paint, which must hold the server's SVG picture of the map (its
 *   outlines, choropleth and places) inside the viewport, checked when the paint is reported;
 * - interactive: the frame after the island says maplibre-gl has drawn its layers (data-map-state="ready":
 *   the boundaries and every place from /api/v1/places), when the picture gives way to it.
 * One run to warm the server's page cache, then `runs` measured; the target is on the first render.
 * With `staticPort`, each run is followed by the same HTML served as a file by nginx (its island finds no
 * API there and draws nothing more): the first render's floor in this browser on this machine.
 */
export async function measureMapRender(o: { port: number; staticPort?: number; host: string; path: string; repo: string; runs?: number }): Promise<MapMeasure> {
  const executablePath = execFileSync(process.execPath, [path.join(o.repo, "scripts/find-chromium.mjs")], { encoding: "utf8" }).trim();
  const browser = await chromium.launch({
    executablePath,
    // WebGL without a GPU: SwiftShader, as the end-to-end map tests ask for it.
    args: ["--headless", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const url = `http://${o.host}:${o.port}${o.path}`;
  const firstRenders: number[] = [];
  const ready: number[] = [];
  const fromFile: number[] = [];
  let places = 0;
  try {
    for (let i = 0; i <= (o.runs ?? 7); i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(notePaint);
      await page.goto(url, { waitUntil: "commit" });
      await page.waitForFunction(() => {
        const state = document.querySelector<HTMLElement>('[data-island="map"]')?.dataset.mapState;
        // "static" is the server's HTML before the island starts; "failed" is final.
        if (state === "failed") throw new Error("the map island failed");
        return state === "ready";
      }, undefined, { timeout: 30_000, polling: "raf" });
      const ms = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
      const first = await firstPaint(page);
      if (i === 0) {
        const layers = (await page.locator('[data-island="map"]').getAttribute("data-map-layers")) ?? "";
        if (!layers.includes("places-")) throw new Error(`the map shows no places (layers: ${layers})`);
        places = await page.evaluate(async () => ((await (await fetch("/api/v1/places")).json()) as { features: unknown[] }).features.length);
      } else {
        firstRenders.push(first);
        ready.push(ms);
      }
      await context.close();
      if (o.staticPort && i > 0) {
        const file = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const filePage = await file.newPage();
        await filePage.addInitScript(notePaint);
        await filePage.goto(`http://${o.host}:${o.staticPort}${o.path}`, { waitUntil: "commit" });
        fromFile.push(await firstPaint(filePage));
        await file.close();
      }
    }
  } finally {
    await browser.close();
  }
  const first = times(firstRenders);
  return { url: `http://${o.host}${o.path}`, places, ...first, interactive: times(ready), staticFile: times(fromFile.length > 0 ? fromFile : [0]), pass: first.maxMs <= 1000 };
}
