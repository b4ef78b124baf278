// The map pages over HTTP (issue 10): a map page is a public answer like any other (no cookie, public
// Cache-Control, ETag, 304, kept by the page cache) and carries the island's one module script and no
// inline one; figures entered change it (the content version). GET /api/v1/boundaries is valid GeoJSON of
// the host's own province only, and an empty collection for a province without boundaries.
import { forgetTenants } from "@cong/core";
import { expect, it } from "vitest";
import { VERSION_MAX_STALE_MS } from "../../server/page-cache.ts";
import { describeServer } from "./describe-server.ts";

const VINH_A = "16663"; // Phường Đông Vĩnh, Vinh (412)

type Feature = { type: string; id: string; properties: { code: string; level: string; provinceCode: string; name: string }; geometry: { type: string; coordinates: number[][][] | number[][][][] } };

function closedRings(g: Feature["geometry"]): boolean {
  const polygons = (g.type === "Polygon" ? [g.coordinates] : g.coordinates) as number[][][][];
  return polygons.every((rings) => rings.every((r) => r.length >= 4 && r[0]![0] === r[r.length - 1]![0] && r[0]![1] === r[r.length - 1]![1] && r.every(([x, y]) => Math.abs(x!) <= 180 && Math.abs(y!) <= 90)));
}

describeServer("the map", (server) => {
  it("a map page is cacheable, revalidates to 304, carries only the island's module script, and changes when figures are entered", async () => {
    const visitor = server().client("nghe-an");
    const first = await visitor.get("/ban-do");
    expect(first.status).toBe(200);
    expect(first.headers["set-cookie"]).toBeUndefined();
    expect(first.headers["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    const etag = String(first.headers.etag ?? "");
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect((await visitor.get("/ban-do", { "if-none-match": etag })).status).toBe(304);
    expect((await visitor.get("/ban-do")).headers["x-page-cache"]).toBe("hit");
    expect(first.text).toContain('data-island="map"');
    const scripts = [...first.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toMatch(/type="module" src="\/assets\/map-island-[\w-]+\.js"/);
    expect(scripts[0]![2]).toBe("");
    // The table beside the map: every district of the province, Vinh without a figure yet.
    expect(first.text).toMatch(/<tr data-unit="412"><th scope="row">Thành phố Vinh<\/th><td class="number">Chưa có số liệu/);

    const cdc = await server().signedIn("naCdc");
    const saved = await cdc.submit("/admin/figures?date=2026-11-20&time=06:00", { date: "2026-11-20", time: "06:00", [`v.ca-mac-moi.${VINH_A}`]: "1.234" });
    expect(saved.status).toBe(302);
    const after = await visitor.get("/ban-do", { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    // The ward's figure is rolled up to its district, coloured by the top class of the legend.
    expect(after.text).toMatch(/<tr data-unit="412"><th scope="row">Thành phố Vinh<\/th><td class="number">1\.234<\/td>/);
    expect(after.text).toContain("1–1.234");
    expect((await visitor.get("/ban-do?series=tu-vong")).text).toMatch(/<tr data-unit="412"><th scope="row">Thành phố Vinh<\/th><td class="number">Chưa có số liệu/);
    // Other citizen pages still carry no script.
    expect((await visitor.get("/tin-tuc")).text).not.toContain("<script");
  });

  it("draws the map on the server as SVG: each district coloured as its row of the table, every place of the places API as a dot of its kind's colour, nothing of another province", async () => {
    const visitor = server().client("nghe-an");
    const picture = (html: string) => /<svg class="map-sketch"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
    const rowColor = (html: string, code: string) => new RegExp(`<tr data-unit="${code}">[\\s\\S]*?background:(#[0-9a-f]{6})`).exec(html)?.[1];
    const page = await visitor.get("/ban-do");
    const svg = picture(page.text);
    expect(svg).toMatch(/^<svg class="map-sketch" viewBox="0 0 1000 \d+" preserveAspectRatio="xMidYMid meet" role="img" aria-labelledby="map-sketch-title"/);
    expect(svg).toMatch(/<title id="map-sketch-title">Bản đồ Ca mắc mới theo địa bàn/);
    // Every district in the table has its outline, filled with its row's colour and titled with its figure.
    const rows = [...page.text.matchAll(/<tr data-unit="(\d+)">/g)].map((m) => m[1]!);
    expect(rows.length).toBeGreaterThan(15);
    for (const code of rows) {
      const path = new RegExp(`<path d="M[^"]+" fill="(#[0-9a-f]{6})" data-unit="${code}"><title>([^<]+)</title>`).exec(svg);
      expect(path, code).not.toBeNull();
      expect(path![1]).toBe(rowColor(page.text, code));
    }
    expect(svg).toMatch(/data-unit="412"><title>Thành phố Vinh: 1\.234<\/title>/);
    expect(svg).not.toContain("map-dots");
    // Simplified to the picture: the page with its outlines stays small.
    expect(svg.length).toBeLessThan(60_000);

    // Places: a point of two kinds and an area; each drawn once, in the colour the island is told.
    const doh = await server().signedIn("naEditor");
    const newPlaces: Record<string, string>[] = [
      { kind: "treatment", name: "Bệnh viện dã chiến số 5", lon: "105.70", lat: "18.70" },
      { kind: "treatment", name: "Bệnh viện dã chiến số 6", lon: "105.40", lat: "19.10" },
      { kind: "testing", name: "Điểm xét nghiệm Cửa Lò", lon: "105.72", lat: "18.80" },
      { kind: "quarantine", name: "Khu cách ly Nghi Lộc", area: JSON.stringify({ type: "Polygon", coordinates: [[[105.6, 18.8], [105.7, 18.8], [105.7, 18.9], [105.6, 18.8]]] }) },
    ];
    for (const place of newPlaces) expect((await doh.submit("/admin/places/new", { unit: VINH_A, status: "open", ...place })).status).toBe(302);
    const after = await visitor.get("/ban-do");
    const drawn = picture(after.text);
    const config = JSON.parse(/data-config="([^"]+)"/.exec(after.text)![1]!.replaceAll("&quot;", '"').replaceAll("&amp;", "&")) as { kindColors: Record<string, string> };
    const api = JSON.parse((await visitor.get("/api/v1/places")).text) as { features: { geometry: { type: string }; properties: { kind: string } }[] };
    const points = (kind: string) => api.features.filter((f) => f.properties.kind === kind && f.geometry.type === "Point").length;
    expect(Object.keys(config.kindColors)).toEqual(["quarantine", "testing", "treatment"]);
    for (const kind of ["testing", "treatment"]) {
      const group = new RegExp(`<g data-kind="${kind}"><use href="#(map-dots-\\d)" stroke="#fff"[^>]*></use><use href="#map-dots-\\d" stroke="(#[0-9a-f]{6})"`).exec(drawn);
      expect(group, kind).not.toBeNull();
      expect(group![2]).toBe(config.kindColors[kind]);
      const dots = new RegExp(`<path id="${group![1]}" d="([^"]+)"`).exec(drawn)![1]!;
      expect(dots.match(/h0/g)).toHaveLength(points(kind));
    }
    expect(drawn).toMatch(new RegExp(`<path d="M[^"]+z" data-kind="quarantine" fill="${config.kindColors.quarantine}" fill-opacity="0.35"`));
    // The picture's legend names each kind with its count; the island replaces it with its checkboxes.
    expect(after.text).toMatch(/<div class="map-places map-places-static">[\s\S]*?\(2\)<\/li>/);
    // Thanh Hóa's picture draws its own outlines and none of Nghệ An's places.
    const th = await server().client("thanh-hoa").get("/ban-do-kiem-soat");
    expect(picture(th.text)).toMatch(/data-unit="380"/);
    expect(picture(th.text)).not.toContain("map-dots");
    expect(picture(th.text)).not.toContain('data-unit="412"');
  });

  it("GET /api/v1/boundaries is the host's own province as GeoJSON, never another's, cacheable", async () => {
    const seen = new Map<string, Set<string>>();
    for (const [slug, code] of [["nghe-an", "40"], ["thanh-hoa", "38"]] as const) {
      const api = server().client(slug);
      const res = await api.get("/api/v1/boundaries");
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^application\/geo\+json/);
      expect(res.headers["set-cookie"]).toBeUndefined();
      expect(res.headers["cache-control"]).toMatch(/^public/);
      expect((await api.get("/api/v1/boundaries", { "if-none-match": String(res.headers.etag) })).status).toBe(304);
      const body = JSON.parse(res.text) as { type: string; features: Feature[] };
      expect(body.type).toBe("FeatureCollection");
      expect(body.features.length).toBeGreaterThan(20);
      expect(body.features.filter((f) => f.properties.level === "province").map((f) => f.properties.code)).toEqual([code]);
      for (const f of body.features) {
        expect(f.type).toBe("Feature");
        expect(f.properties.provinceCode).toBe(code);
        expect(["Polygon", "MultiPolygon"]).toContain(f.geometry.type);
        expect(closedRings(f.geometry), f.properties.name).toBe(true);
      }
      seen.set(slug, new Set(body.features.map((f) => f.properties.code)));
    }
    // No district of one province in the other's answer.
    expect([...seen.get("nghe-an")!].filter((c) => seen.get("thanh-hoa")!.has(c))).toEqual([]);
    expect(seen.get("nghe-an")).toContain("412");
    expect(seen.get("thanh-hoa")).toContain("380");
    const qn = await server().client("quang-ninh").get("/api/v1/boundaries");
    expect(JSON.parse(qn.text)).toEqual({ type: "FeatureCollection", features: [] });
  });

  it("lets a province's pages fetch its pack's basemap and, with a Mapbox token, draws with mapbox-gl; other provinces allow neither", async () => {
    // Written behind the app's back, so its few seconds' memory of the province's host is dropped.
    const setMap = async (map: object | null) => {
      await server().db.executeSql(map === null ? "update tenant set pack = pack - 'map' where slug = 'thanh-hoa'" : "update tenant set pack = jsonb_set(pack, '{map}', $1::jsonb) where slug = 'thanh-hoa'", map === null ? [] : [JSON.stringify(map)]);
      forgetTenants(server().servedDb);
      // Past the page cache's memory of the province's version (an earlier test entered figures), so the
      // next page is kept under the version the one after it reads.
      await new Promise((r) => setTimeout(r, VERSION_MAX_STALE_MS + 50));
    };
    const before = (await server().db.executeSql("select pack->'map' as map from tenant where slug = 'thanh-hoa'", [])).rows[0]!.map as object | null;
    const csp = (headers: Record<string, unknown>) => String(headers["content-security-policy"] ?? "");
    const directive = (policy: string, name: string) => policy.split(/;\s*/).find((d) => d.startsWith(`${name} `)) ?? "";
    // The page cache notices the change within its version's TTL: wait for it to show.
    const pageWhen = async (ok: (res: Awaited<ReturnType<ReturnType<ReturnType<typeof server>["client"]>["get"]>>) => boolean) => {
      for (let i = 0; i < 40; i++) {
        const res = await server().client("thanh-hoa").get("/ban-do-kiem-soat");
        if (ok(res)) return res;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error("the page never changed");
    };
    try {
      await setMap({ ...(before ?? {}), tiles: { url: "https://tiles.example.vn/{z}/{x}/{y}.png", attribution: { vi: "© Bản đồ nền" }, tileSize: 256, maxZoom: 18 } });
      const tiled = await pageWhen((r) => csp(r.headers).includes("tiles.example.vn"));
      for (const name of ["connect-src", "img-src"]) expect(directive(csp(tiled.headers), name)).toContain("https://tiles.example.vn");
      expect(directive(csp(tiled.headers), "script-src")).not.toContain("tiles.example.vn");
      expect(tiled.text).toContain("https://tiles.example.vn/{z}/{x}/{y}.png");
      // The kept copy of a page says the same.
      const kept = await server().client("thanh-hoa").get("/ban-do-kiem-soat");
      expect(kept.headers["x-page-cache"]).toBe("hit");
      expect(directive(csp(kept.headers), "connect-src")).toContain("https://tiles.example.vn");
      for (const slug of ["nghe-an", "quang-ninh"]) expect(csp((await server().client(slug).get("/")).headers)).not.toContain("example.vn");

      await setMap({ ...(before ?? {}), style: "https://styles.example.vn/cong/style.json", accessToken: "pk.test-token" });
      const mapbox = await pageWhen((r) => csp(r.headers).includes("api.mapbox.com"));
      expect(directive(csp(mapbox.headers), "connect-src")).toMatch(/https:\/\/api\.mapbox\.com.*https:\/\/styles\.example\.vn|https:\/\/styles\.example\.vn.*https:\/\/api\.mapbox\.com/);
      expect(mapbox.text).toContain("pk.test-token");
      // The island links the library's stylesheet when it starts (none in the page: the first paint waits for none).
      expect(mapbox.text).toMatch(/&quot;stylesheet&quot;:&quot;\/assets\/mapbox-gl-[\w-]+\.css&quot;/);
      expect(mapbox.text).not.toMatch(/maplibre-gl-[\w-]+\.css/);
      expect(mapbox.text).not.toMatch(/<link rel="stylesheet" href="\/assets\/map(box|libre)-gl/);
      // The island's bootstrap can import either library; the page loads only the bootstrap.
      const island = /src="(\/assets\/map-island-[\w-]+\.js)"/.exec(mapbox.text)![1]!;
      const bootstrap = (await server().client("thanh-hoa").get(island)).text;
      expect(bootstrap).toMatch(/import\(["']\.\/mapbox-gl-[\w-]+\.js["']\)/);
      expect(bootstrap).toMatch(/import\(["']\.\/maplibre-gl-[\w-]+\.js["']\)/);
    } finally {
      await setMap(before);
    }
    const plain = await pageWhen((r) => !csp(r.headers).includes("example.vn"));
    expect(directive(csp(plain.headers), "connect-src")).toBe("connect-src 'self'");
  });
});
