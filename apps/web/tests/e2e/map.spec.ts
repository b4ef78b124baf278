// The map pages (issue 10): the island loads maplibre-gl on map pages only, draws the province's
// outlines and the choropleth, and says so on its container (data-map-state="ready", data-map-layers);
// with JavaScript off the same figures are in the page's table. A screenshot of each map is kept in the
// test's output folder (test-results/), as an artifact a person can look at.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { direct, siteUrl } from "./fixtures";
import { signInAs } from "./sign-in";

// WebGL in headless Chromium without a GPU: SwiftShader, which recent Chromium enables only when asked.
test.use({ launchOptions: { executablePath: process.env.CHROMIUM_PATH, args: ["--headless", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] } });

const maps = [
  { slug: "nghe-an", path: "/ban-do", outlines: true },
  { slug: "thanh-hoa", path: "/ban-do-kiem-soat", outlines: true },
  { slug: "quang-ninh", path: "/ban-do", outlines: false },
] as const;

// A portal without places would answer /api/v1/places with 404 ("no places layer"): the browser logs
// that 404 as an error, which is the only one allowed.
function watch(page: Page): { errors: string[]; scripts: string[] } {
  const errors: string[] = [];
  const scripts: string[] = [];
  const notFound: string[] = [];
  page.on("response", (r) => void (r.status() === 404 && notFound.push(new URL(r.url()).pathname)));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    if (/status of 404/.test(m.text()) && notFound.every((p) => p === "/api/v1/places")) return;
    errors.push(m.text());
  });
  page.on("request", (r) => void (r.resourceType() === "script" && scripts.push(new URL(r.url()).pathname)));
  return { errors, scripts };
}

for (const m of maps) {
  test(`${m.slug}: the map page draws its map with the province's layers`, async ({ page }, testInfo) => {
    const seen = watch(page);
    const response = await page.goto(siteUrl(m.slug, m.path));
    expect(response?.status()).toBe(200);
    const island = page.locator('[data-island="map"]');
    // The server's picture is the first render; the interactive map replaces it once drawn.
    if (m.outlines) await expect(page.locator("svg.map-sketch path[data-unit]").first()).toBeAttached();
    await expect(island).toHaveAttribute("data-map-state", "ready", { timeout: 20_000 });
    await expect(page.locator("svg.map-sketch")).toHaveCount(0);
    await expect(page.locator(".map-places-static")).toHaveCount(0);
    const layers = ((await island.getAttribute("data-map-layers")) ?? "").split(" ").filter(Boolean);
    if (m.outlines) expect(layers).toEqual(expect.arrayContaining(["district-fill", "district-line", "province-line"]));
    else {
      expect(layers).not.toContain("district-fill");
      await expect(page.getByText("Chưa có dữ liệu ranh giới hành chính của tỉnh")).toBeVisible();
    }
    // The library came through the page's one module script, from this origin.
    expect(seen.scripts.some((s) => /\/assets\/map-island-[\w-]+\.js$/.test(s))).toBe(true);
    expect(seen.scripts.some((s) => /\/assets\/maplibre-gl-[\w-]+\.js$/.test(s))).toBe(true);
    // Its stylesheet too, linked by the island once the page had painted (the page itself links none).
    await expect(page.locator('head link[rel="stylesheet"][href*="/assets/maplibre-gl-"]')).toHaveCount(1);

    // Keyboard: the map is focusable and named, its zoom buttons are buttons.
    const canvas = page.locator(".maplibregl-canvas");
    await expect(canvas).toHaveAttribute("tabindex", "0");
    await expect(canvas).toHaveAttribute("aria-label", /Bản đồ tỉnh/);
    await canvas.focus();
    await expect(canvas).toBeFocused();
    await expect(page.getByRole("button", { name: /zoom in/i })).toBeVisible();

    // The demo's places: a layer per kind on the map, and the same places in the page's list.
    // Asked from the page (the browser resolves *.localhost; Node's resolver does not).
    const geojson = (await page.evaluate(() => fetch("/api/v1/places").then((r) => r.json()))) as { features: { properties: { kind: string; name: string } }[] };
    expect(geojson.features.length).toBeGreaterThan(0);
    for (const kind of new Set(geojson.features.map((f) => f.properties.kind))) expect(layers.some((l) => l.startsWith(`places-${kind}`)), kind).toBe(true);
    const listed = (await page.locator("table.places tbody tr th").allInnerTexts()).join("\n");
    for (const f of geojson.features.slice(0, 20)) expect(listed).toContain(f.properties.name);

    // The same figures as a table, and a legend.
    await expect(page.locator(".map-table tbody tr").first()).toBeVisible();
    await expect(page.locator("#map-legend li").first()).toBeVisible();
    await page.waitForTimeout(300);
    await page.locator(".section-map").screenshot({ path: testInfo.outputPath(`map-${m.slug}.png`) });
    await testInfo.attach(`map-${m.slug}`, { path: testInfo.outputPath(`map-${m.slug}.png`), contentType: "image/png" });
    expect(seen.errors).toEqual([]);
  });
}

test("changing the series recolours the map and the table", async ({ page }) => {
  await page.goto(siteUrl("nghe-an", "/ban-do"));
  await page.getByLabel("Số liệu tô màu trên bản đồ").selectOption({ label: "Tử vong" });
  await page.getByRole("button", { name: "Xem", exact: true }).click();
  await expect(page).toHaveURL(/series=tu-vong/);
  await expect(page.locator(".map-table caption")).toContainText("Tử vong");
  await expect(page.locator('[data-island="map"]')).toHaveAttribute("data-map-state", "ready", { timeout: 20_000 });
});

// A pack with a Mapbox token and a style (no network here: the style is answered by the test, Mapbox's
// own hosts are refused). The server's side (the token in the island's configuration, the Mapbox and
// style origins in the page's Content-Security-Policy) is proved in tests/http/map.test.ts; here the page
// is given that configuration and policy, and the island must draw it with mapbox-gl.
test("with a Mapbox token in the pack, the same island draws the map with mapbox-gl", async ({ page }, testInfo) => {
  const STYLE = "https://styles.example.vn/e2e/style.json";
  const assets = fileURLToPath(new URL("../../build/client/assets/", import.meta.url));
  const mapboxCss = readdirSync(assets).find((f) => /^mapbox-gl-[\w-]+\.css$/.test(f))!;
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route(/^https:\/\/(api|events)\.mapbox\.com\//, (route) => route.abort());
  await page.route(STYLE, (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify({ version: 8, sources: {}, layers: [{ id: "background", type: "background", paint: { "background-color": "#e8eef2" } }] }) }),
  );
  await page.route(siteUrl("thanh-hoa", "/ban-do-kiem-soat"), async (route) => {
    const [url, init] = direct("thanh-hoa", "/ban-do-kiem-soat");
    const res = await route.fetch({ url, headers: { ...route.request().headers(), ...init.headers } });
    const html = (await res.text())
      .replace("&quot;style&quot;:null", `&quot;style&quot;:&quot;${STYLE}&quot;`)
      .replace("&quot;accessToken&quot;:null", "&quot;accessToken&quot;:&quot;pk.e2e-test&quot;")
      // The stylesheet the server names for a pack with a token, linked by the island (its controls' classes are mapbox-gl's).
      .replace(/\/assets\/maplibre-gl-[\w-]+\.css/, `/assets/${mapboxCss}`);
    expect(html).toContain("pk.e2e-test");
    const headers = { ...res.headers(), "content-security-policy": res.headers()["content-security-policy"]!.replace("connect-src 'self'", "connect-src 'self' https://api.mapbox.com https://events.mapbox.com https://styles.example.vn") };
    await route.fulfill({ response: res, body: html, headers });
  });
  await page.goto(siteUrl("thanh-hoa", "/ban-do-kiem-soat"));
  const island = page.locator('[data-island="map"]');
  await expect(island).toHaveAttribute("data-map-state", "ready", { timeout: 20_000 });
  await expect(island).toHaveAttribute("data-map-renderer", "mapbox-gl");
  const layers = ((await island.getAttribute("data-map-layers")) ?? "").split(" ");
  expect(layers).toEqual(expect.arrayContaining(["district-fill", "district-line", "province-line"]));
  expect(layers.some((l) => l.startsWith("places-"))).toBe(true);
  await expect(page.locator(".mapboxgl-canvas")).toBeVisible();
  // Its controls are styled and on the map, not in the page's flow.
  await expect(page.locator(".mapboxgl-ctrl-bottom-right")).toHaveCSS("position", "absolute");
  expect(errors).toEqual([]);
  await page.waitForTimeout(300);
  await page.locator(".section-map").screenshot({ path: testInfo.outputPath("map-thanh-hoa-mapbox.png") });
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });
  test("the map page is complete: the server's picture of the map, the table of figures by locality and the legend", async ({ page }, testInfo) => {
    await page.goto(siteUrl("thanh-hoa", "/ban-do-kiem-soat"));
    await expect(page.locator('[data-island="map"]')).toHaveAttribute("data-map-state", "static");
    await expect(page.locator(".map-canvas")).toBeHidden();
    // The picture: drawn at the frame's size, named for assistive technology, one outline per district
    // with an outline, and the demo's places as dots of their kind (the same kinds as the list below).
    const picture = page.getByRole("img", { name: /Bản đồ .+ theo địa bàn/ });
    await expect(picture).toBeVisible();
    const box = (await picture.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.height).toBeGreaterThan(200);
    expect(await page.locator("svg.map-sketch path[data-unit]").count()).toBeGreaterThan(20);
    const kinds = await page.locator("svg.map-sketch g[data-kind]").evaluateAll((gs) => gs.map((g) => g.getAttribute("data-kind")));
    expect(kinds.length).toBeGreaterThan(0);
    const areaKinds = await page.locator("svg.map-sketch path[data-kind]").evaluateAll((ps) => ps.map((p) => p.getAttribute("data-kind")));
    await expect(page.locator(".map-places-static li")).toHaveCount(new Set([...kinds, ...areaKinds]).size);
    await page.locator(".section-map").screenshot({ path: testInfo.outputPath("map-thanh-hoa-no-script.png") });
    await testInfo.attach("map-thanh-hoa-no-script", { path: testInfo.outputPath("map-thanh-hoa-no-script.png"), contentType: "image/png" });
    await expect(page.locator(".map-table tbody tr")).toHaveCount(26);
    await expect(page.locator(".map-table tbody tr", { hasText: "Thành phố Thanh Hóa" })).toHaveCount(1);
    await expect(page.locator("#map-legend")).toContainText("Chưa có số liệu");
  });
});

test("other citizen pages load no script at all", async ({ page }) => {
  const seen = watch(page);
  await page.goto(siteUrl("nghe-an", "/"));
  await page.goto(siteUrl("nghe-an", "/tin-tuc"));
  await page.waitForLoadState("networkidle");
  expect(seen.scripts).toEqual([]);
});

// Charts are complete without script (the SVG and its table); a page of charts loads the chart island
// alone, which lets the pointer and the arrow keys read each time's figures from the table.
test("a chart answers the arrow keys and the pointer with the figures of its table", async ({ page }) => {
  const yesterday = new Date(Date.now() - 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
  await signInAs(page, "naAdmin");
  await page.goto(siteUrl("nghe-an", `/admin/figures?date=${yesterday}&time=06:00`));
  await page.locator('input[name="v.ca-mac-moi.16663"]').fill("1234");
  await page.getByRole("button", { name: "Lưu số liệu" }).click();
  await expect(page.getByRole("status").first()).toBeVisible();

  const seen = watch(page);
  await page.goto(siteUrl("nghe-an", "/so-lieu"));
  const chart = page.locator("figure.figure-chart").first();
  await expect(chart).toHaveAttribute("data-chart-state", "ready");
  expect(seen.scripts.filter((s) => !/\/chart-island-[\w-]+\.js$/.test(s))).toEqual([]);
  expect(seen.scripts).toHaveLength(1);
  const svg = chart.locator("svg.chart-svg");
  await expect(chart.locator(".chart-hint")).toBeAttached();
  await svg.focus();
  const tip = chart.locator(".chart-tip");
  await expect(tip).toBeVisible();
  // The last slot is the one just entered: its row of the table says 1.234.
  const lastRow = chart.locator("table.chart-table tbody tr").last();
  await expect(tip).toContainText((await lastRow.locator("th").textContent())!.trim());
  await expect(tip).toContainText("1.234");
  await page.keyboard.press("Home");
  await expect(tip).toContainText((await chart.locator("table.chart-table tbody tr").first().locator("th").textContent())!.trim());
  await page.keyboard.press("Escape");
  await expect(tip).toBeHidden();
  // The pointer over the right edge of the plot reads the last slot.
  const box = (await svg.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.97, box.y + box.height / 2);
  await expect(tip).toContainText("1.234");
  expect(seen.errors).toEqual([]);
});
