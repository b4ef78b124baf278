// The build's last step (issue 9, light pages; issue 10, the map island): serves the fresh build on a
// throwaway embedded database seeded with the three provinces, reads the citizen pages of each (home,
// sections, items, search, the English version) as a visitor would, and fails the build when a page
// breaks the rule. What is counted is what the pages really ask for (<script src> and modulepreload
// links), decided at render.
//
// The rule (docs/decisions/0011 §4, 0013):
//   - a citizen page carries no inline script, ever (CSP nonces; the same bytes for everyone);
//   - a citizen page that is neither a map page nor a page of charts asks for no JavaScript at all: 0 kB;
//   - a page of charts (its HTML has an SVG with data-chart-plot) may ask for the chart island, at most
//     CHART_ISLAND_BUDGET gzip, importing nothing more; at least one per province with figures is read;
//   - a map page (its HTML has the [data-island="map"] container) asks for one module script, the map
//     island's bootstrap, of at most MAP_BOOTSTRAP_BUDGET gzip; that bootstrap alone may import the map
//     library (maplibre-gl, or mapbox-gl for a pack with a Mapbox token) at run time, so the library is allowed on map pages only. Its size is
//     reported, not budgeted (it is the price of a map, paid on that page only);
//   - at least one map page per province that has a map section is read, so the rule is exercised.
//
// Run by `npm run build` in apps/web after `remix vite:build`; `JS_BUDGET=off` skips it (never in CI).
import http from "node:http";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { ServerBuild } from "@remix-run/node";
import { parseEnv } from "@cong/config/env";
import { createMailer, createStorage, migrateDatabase, resolveTenant, seedDemoFigures, seedRegulations, startJobs } from "@cong/core";
import { openDb, seedTenants } from "@cong/db";
import { createApp } from "../server/create-app.ts";
import { createRemixHandler } from "../server/remix-handler.ts";

export const JS_BUDGET = 50 * 1024;
export const MAP_BOOTSTRAP_BUDGET = 10 * 1024;
/** The chart island (cursor and figures box on a page of charts): small, and it imports nothing. */
export const CHART_ISLAND_BUDGET = 4 * 1024;
const PAGES_PER_PROVINCE = 25;
const webDir = fileURLToPath(new URL("..", import.meta.url));
const tenantsDir = path.resolve(webDir, "../../tenants");

type Page = { status: number; type: string; text: string };

function get(port: number, host: string, url: string): Promise<Page> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: url, agent: false, headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/** Same-host links of a citizen page: paths only, no files, feeds, staff pages or fragments. */
function citizenLinks(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
    const href = m[1]!.replace(/&amp;/g, "&");
    const bare = href.split("?")[0]!;
    if (href.startsWith("//") || bare.startsWith("/files/") || bare.startsWith("/admin") || bare.startsWith("/assets/") || /\.(xml|txt|json|css|ico|png|svg|webmanifest)$/.test(bare)) continue;
    if (!out.includes(href)) out.push(href);
  }
  return out;
}

/** The scripts a page asks for (src and modulepreload), and whether it carries an inline one. */
export function scriptsOf(html: string): { urls: string[]; inline: boolean } {
  let inline = false;
  for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) if (!/\bsrc=/.test(attrs!) && body!.trim() !== "") inline = true;
  const urls = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
  return { urls, inline };
}

/**
 * The gzip size of the largest chunk a built module imports with import(), one level deep: the map
 * library, maplibre-gl or (for a pack with a Mapbox token) mapbox-gl; a page loads one of them.
 */
async function dynamicImportsGzip(src: string): Promise<number> {
  const file = path.join(webDir, "build/client", new URL(src, "http://x").pathname);
  const code = await readFile(file, "utf8");
  let largest = 0;
  for (const [, rel] of code.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)) largest = Math.max(largest, gzipSync(await readFile(path.resolve(path.dirname(file), rel!))).byteLength);
  return largest;
}

async function main(): Promise<number> {
  const started = Date.now();
  const build = (await import(pathToFileURL(path.join(webDir, "build/server/index.js")).href)) as ServerBuild;
  const dataDir = await mkdtemp(path.join(tmpdir(), "cong-js-budget-"));
  const db = await openDb({ dataDir: path.join(dataDir, "db") });
  let close = async () => {};
  try {
    await migrateDatabase(db);
    const seeded = await seedTenants(db, tenantsDir);
    if (seeded.failed.length > 0) throw new Error(`packs not loaded: ${seeded.failed.map((f) => f.dir).join(", ")}`);
    await seedRegulations(db, tenantsDir);
    // A month of demo figures, so the pages of charts draw charts and the chart rule is exercised.
    await seedDemoFigures(db);
    const env = parseEnv({ NODE_ENV: "production", PLATFORM_DOMAIN: "localhost", DATA_DIR: dataDir, SESSION_SECRET: "j".repeat(32), PAGE_CACHE_MB: "0" });
    const outboxDir = path.join(dataDir, "outbox");
    const mailer = createMailer({ from: env.MAIL_FROM, outboxDir });
    const storage = createStorage({ kind: "local", dir: path.join(dataDir, "uploads") });
    const jobs = await startJobs({ db, mailer, tenantUrl: (slug) => `http://${slug}.localhost`, pollSeconds: 3600, log: () => {} });
    const app = createApp({
      env,
      db,
      resolve: (host) => resolveTenant(db, host),
      clientDir: path.join(webDir, "build/client"),
      handler: createRemixHandler({ build, env, db, services: { mailer, secret: "j".repeat(32), outboxDir, storage, jobs } }),
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    close = async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await jobs.stop();
    };
    const port = (server.address() as AddressInfo).port;

    const sizes = new Map<string, number>();
    const problems: string[] = [];
    let pages = 0;
    let mapPages = 0;
    let chartPages = 0;
    let library = 0;
    let heaviest = { path: "", bytes: 0 };
    for (const slug of ["quang-ninh", "nghe-an", "thanh-hoa"]) {
      const host = `${slug}.localhost`;
      // The sections the pack's figures and places show in (charts, statistics, facilities, map): read
      // whatever the crawl would reach, so each page-with-a-script rule is exercised.
      const pack = await readFile(path.join(tenantsDir, slug, "pack.yaml"), "utf8");
      const shown = [...new Set([...pack.matchAll(/^\s+section:\s*([\w-]+)\s*$/gm)].map((m) => `/${m[1]}`))];
      const queue = ["/", "/search?q=covid", "/?lng=en", "/?lng=zh", ...shown];
      let provinceMapPages = 0;
      let provinceChartPages = 0;
      const shapes = new Map<string, number>();
      for (let i = 0; i < queue.length && i < PAGES_PER_PROVINCE; i++) {
        const url = queue[i]!;
        const page = await get(port, host, url);
        if (!page.type.startsWith("text/html")) continue;
        if (page.status >= 500) problems.push(`${host}${url}: ${page.status}`);
        pages++;
        const { urls, inline } = scriptsOf(page.text);
        if (inline) problems.push(`${host}${url}: an inline script`);
        const isMap = /\bdata-island="map"/.test(page.text);
        const isChart = /\bdata-chart-plot="/.test(page.text);
        let bytes = 0;
        for (const src of urls) {
          if (!sizes.has(src)) {
            const file = path.join(webDir, "build/client", new URL(src, "http://x").pathname);
            sizes.set(src, gzipSync(await readFile(file)).byteLength);
          }
          bytes += sizes.get(src)!;
        }
        if (bytes > heaviest.bytes) heaviest = { path: `${host}${url}`, bytes };
        const mapIslands = urls.filter((u) => /\/map-island-[\w-]+\.js$/.test(u));
        const chartIslands = urls.filter((u) => /\/chart-island-[\w-]+\.js$/.test(u));
        const others = urls.filter((u) => !(isMap && mapIslands.includes(u)) && !(isChart && chartIslands.includes(u)));
        if (others.length > 0) problems.push(`${host}${url}: ${others.join(", ")} on this page (allowed: the map island on a map page, the chart island on a page of charts, nothing else)`);
        if (isChart) {
          chartPages++;
          provinceChartPages++;
          if (chartIslands.length !== 1) problems.push(`${host}${url}: a page of charts asks for ${chartIslands.length} chart islands (expected one)`);
          else if (sizes.get(chartIslands[0]!)! > CHART_ISLAND_BUDGET) problems.push(`${host}${url}: the chart island is ${(sizes.get(chartIslands[0]!)! / 1024).toFixed(1)} kB gzip (budget ${CHART_ISLAND_BUDGET / 1024} kB)`);
          else if ((await dynamicImportsGzip(chartIslands[0]!)) > 0) problems.push(`${host}${url}: the chart island imports more code`);
        }
        if (isMap) {
          mapPages++;
          provinceMapPages++;
          const islands = mapIslands;
          if (islands.length !== 1) problems.push(`${host}${url}: a map page asks for ${urls.join(", ") || "no script"}; allowed: the map island's bootstrap`);
          else if (sizes.get(islands[0]!)! > MAP_BOOTSTRAP_BUDGET) problems.push(`${host}${url}: the map bootstrap is ${(bytes / 1024).toFixed(1)} kB gzip (budget ${MAP_BOOTSTRAP_BUDGET / 1024} kB): it must import the map library dynamically`);
          else library = Math.max(library, await dynamicImportsGzip(islands[0]!));
        }
        if (bytes > JS_BUDGET) problems.push(`${host}${url}: ${(bytes / 1024).toFixed(1)} kB gzip of JavaScript (budget ${JS_BUDGET / 1024} kB): ${urls.join(", ")}`);
        // A couple of pages of each shape (a section, an item in it) rather than every item of one list.
        for (const href of citizenLinks(page.text)) {
          const shape = href.split("?")[0]!.split("/").length;
          if (queue.includes(href) || (shapes.get(`${shape}`) ?? 0) >= 8) continue;
          shapes.set(`${shape}`, (shapes.get(`${shape}`) ?? 0) + 1);
          queue.push(href);
        }
      }
      const hasMapSection = /kind:\s*map\b/.test(pack);
      if (hasMapSection && provinceMapPages === 0) problems.push(`${host}: no map page was read, so the map rule was not checked`);
      const hasFigures = /^figures:/m.test(pack);
      if (hasFigures && provinceChartPages === 0) problems.push(`${host}: no page of charts was read, so the chart rule was not checked`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (problems.length > 0) {
      console.error(`js budget: ${problems.length} problem(s) on ${pages} citizen pages:`);
      for (const p of problems) console.error(`  ${p}`);
      return 1;
    }
    console.log(`js budget: ${pages} citizen pages checked in ${seconds} s; the heaviest loads ${(heaviest.bytes / 1024).toFixed(1)} kB gzip of JavaScript (budget ${JS_BUDGET / 1024} kB)${heaviest.path ? ` (${heaviest.path})` : ""}; ${mapPages} map pages load only the map bootstrap, which then imports up to ${(library / 1024).toFixed(0)} kB gzip of map library; ${chartPages} pages of charts load only the chart island`);
    return 0;
  } finally {
    await close().catch(() => {});
    await db.close().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.env.JS_BUDGET === "off") {
  console.log("js budget: skipped (JS_BUDGET=off)");
} else {
  process.exitCode = await main().catch((error: unknown) => {
    console.error(`js budget: ${error instanceof Error ? error.stack : String(error)}`);
    return 1;
  });
}
