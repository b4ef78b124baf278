// bench:data's figures and places (issue 10): BENCH_FIGURES (default 10,000,000) figure rows over every
// province's series as its pack defines them (per commune where a series is entered per commune, the
// province's row where the province enters it, at each of the series' times of the day), the same number
// of days back from yesterday in every province; and BENCH_PLACES (default 5,000) places in the map
// province (BENCH_MAP_TENANT, one with boundaries), over its kinds, points inside its own boundary and small
// squares for lockdown areas. Bulk-loaded with COPY (triggers skipped; the caller bumps the content
// versions); ids are time-ordered so the primary keys' B-trees fill from the right.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { foldVietnamese } from "@cong/core";
import { copyFrom, copyLine } from "./copy.ts";
import { seededRandom } from "./vietnamese-text.ts";

export const FIGURES = Number(process.env.BENCH_FIGURES ?? 10_000_000);
export const PLACES = Number(process.env.BENCH_PLACES ?? 5_000);
export const MAP_TENANT = process.env.BENCH_MAP_TENANT ?? "nghe-an";

const DAY = 86_400_000;
type Log = (line: string) => void;

/** Time-ordered UUIDs: a fixed random head per load and a counter, so COPY appends to the primary key. */
function sequentialIds(): () => string {
  const head = randomBytes(10).toString("hex");
  let n = 0;
  return () => {
    const tail = (n++).toString(16).padStart(12, "0");
    return `${head.slice(0, 8)}-${head.slice(8, 12)}-4${head.slice(12, 15)}-8${head.slice(15, 18)}-${tail}`;
  };
}

/** A lazily filled COPY stream: the generator yields chunks of lines as the database takes them. */
async function copyChunks(client: pg.Client, table: string, columns: string[], chunks: () => Generator<string>): Promise<number> {
  return copyFrom(client, table, columns, chunks());
}

type SeriesRow = { id: string; tenant_id: string; key: string; measure: string; level_key: string | null; province: string; times: string[]; agency_id: string | null };

const FIGURE_COLUMNS = ["id", "tenant_id", "series_id", "unit_code", "slot", "value", "agency_id", "entered_at", "version", "demo"];

/** A plausible size for a series' value at one unit: cases in tens, doses and scans in thousands. */
function scaleOf(key: string, atProvince: boolean): number {
  const base = /tiem|mui|vac/.test(key) ? 4000 : /qr|quet/.test(key) ? 20000 : /pc-covid|cai-dat/.test(key) ? 1500 : /nguoi/.test(key) ? 3000 : /dieu-tri/.test(key) ? 60 : /tu-vong/.test(key) ? 0.3 : 12;
  return atProvince ? base : base / 20;
}

/** Loads FIGURES rows unless the figure table already holds some. Needs a superuser login. */
export async function loadFigures(url: string, log: Log): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: existing } = await client.query<{ n: string }>("select count(*) as n from figure where not demo");
    if (Number(existing[0]!.n) > 0) {
      log(`  figures: ${Number(existing[0]!.n).toLocaleString("en")} already loaded, nothing to do`);
      return 0;
    }
    const zones = await client.query<{ zone: string }>("select distinct time_zone as zone from tenant");
    // Every province of Viet Nam keeps one time zone; the slots below are written for it.
    if (zones.rows.some((r) => r.zone !== "Asia/Ho_Chi_Minh")) throw new Error(`bench:data writes slots in Asia/Ho_Chi_Minh; found ${zones.rows.map((r) => r.zone).join(", ")}`);
    const { rows: series } = await client.query<SeriesRow>(
      `select s.id, s.tenant_id, s.key, s.measure, s.level_key, s.province, s.times,
              (select a.agency_id from figure_series_agency a where a.series_id = s.id order by a.agency_id limit 1) as agency_id
       from figure_series s where s.enabled order by s.tenant_id, s.position, s.key`,
    );
    const { rows: units } = await client.query<{ tenant_id: string; code: string; level_key: string }>("select tenant_id, code, level_key from admin_unit order by tenant_id, code");
    const { rows: tenants } = await client.query<{ id: string; code: string }>("select id, coalesce(pack->>'provinceCode', 'province') as code from tenant");
    const provinceCode = new Map(tenants.map((t) => [t.id, t.code]));
    // Each series' rows of one slot: its units at its level, and the province's own where it is entered.
    const plan = series.map((s) => {
      const codes = s.level_key ? units.filter((u) => u.tenant_id === s.tenant_id && u.level_key === s.level_key).map((u) => u.code) : [];
      if (!s.level_key || s.province === "entered") codes.push(provinceCode.get(s.tenant_id)!);
      return { s, codes };
    });
    const perDay = plan.reduce((sum, p) => sum + p.codes.length * p.s.times.length, 0);
    if (perDay === 0) throw new Error("no enabled series: the packs define no figures");
    const days = Math.max(1, Math.round(FIGURES / perDay));
    const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
    log(`  figures: ${series.length} series in ${tenants.length} provinces, ${perDay.toLocaleString("en")} rows a day: the last ${days} days (to yesterday)`);

    const rand = seededRandom(2021_07_15);
    const nextId = sequentialIds();
    let made = 0;
    let reported = 0;
    const t0 = Date.now();
    // Each unit's waves have their own phase, so the sums over units vary from day to day.
    const phases = plan.map(({ codes }) => codes.map(() => rand() * Math.PI * 2));
    const scales = plan.map(({ s, codes }) => codes.map((code) => scaleOf(s.key, code === provinceCode.get(s.tenant_id))));
    // Day after day, as agencies enter them: a slot's figures of every unit lie together, as in service.
    function* lines(): Generator<string> {
      let chunk = "";
      for (let d = days; d >= 1; d--) {
        const day = today - d * DAY;
        plan.forEach(({ s, codes }, si) => {
          const level = s.measure === "level";
          for (const time of s.times) {
            const [h, m] = time.split(":").map(Number) as [number, number];
            // Local time in UTC+07:00.
            const slot = day + (h * 60 + m) * 60_000 - 7 * 3_600_000;
            const slotIso = new Date(slot).toISOString();
            codes.forEach((code, ci) => {
              const wave = 0.6 + 0.5 * Math.sin(phases[si]![ci]! + (d / 90) * Math.PI * 2);
              const value = level ? 1 + (Math.floor(rand() * 4 * wave) % 4) : Math.floor(scales[si]![ci]! * wave * (0.5 + rand()));
              chunk += copyLine([nextId(), s.tenant_id, s.id, code, slotIso, value, s.agency_id, new Date(slot - 600_000 - Math.floor(rand() * 2_400_000)).toISOString(), 1, false]);
              made++;
            });
          }
        });
        if (chunk.length > 4_000_000) {
          yield chunk;
          chunk = "";
          if (made - reported >= 1_000_000) {
            reported = made;
            log(`  figures: ${made.toLocaleString("en")} / ${(days * perDay).toLocaleString("en")} (${Math.round(made / ((Date.now() - t0) / 1000)).toLocaleString("en")}/s)`);
          }
        }
      }
      if (chunk) yield chunk;
    }

    await client.query("set session_replication_role = replica");
    await client.query("set synchronous_commit = off");
    // The two indexes a load would otherwise update row by row (the unique slot key and the range index);
    // the primary key and (id, tenant_id), which figure_revision's foreign key needs, stay: the ids ascend.
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      "select indexname as name, indexdef as def from pg_indexes where schemaname = 'public' and tablename = 'figure' and indexname in ('figure_series_id_unit_code_slot_key', 'figure_tenant_id_series_id_slot_idx')",
    );
    for (const i of indexes) await client.query(`drop index "${i.name}"`);
    const copied = await copyChunks(client, "figure", FIGURE_COLUMNS, lines);
    log(`  figures: ${copied.toLocaleString("en")} rows copied in ${((Date.now() - t0) / 1000).toFixed(0)} s; rebuilding ${indexes.length} indexes`);
    await client.query("set maintenance_work_mem = '1GB'");
    await client.query("set max_parallel_maintenance_workers = 2");
    for (const i of indexes) {
      const t = Date.now();
      await client.query(i.def);
      log(`  ${i.name}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    // What the statement triggers would have kept (migration 20261205090000): the province's totals.
    const t1 = Date.now();
    await client.query(
      `insert into figure_total (tenant_id, series_id, slot, units_sum, units_max, units, province, demo)
       select f.tenant_id, f.series_id, f.slot,
              sum(f.value) filter (where f.unit_code <> c.code), max(f.value) filter (where f.unit_code <> c.code),
              count(*) filter (where f.unit_code <> c.code), max(f.value) filter (where f.unit_code = c.code), bool_or(f.demo)
       from figure f join (select id, coalesce(pack->>'provinceCode', 'province') as code from tenant offset 0) c on c.id = f.tenant_id
       group by f.tenant_id, f.series_id, f.slot
       on conflict (series_id, slot) do nothing`,
    );
    log(`  figure_total: ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    await client.query("analyze figure");
    await client.query("analyze figure_total");
    return copied;
  } finally {
    await client.end();
  }
}

const PLACE_COLUMNS = ["id", "tenant_id", "kind_id", "ref", "names", "sort_name", "agency_id", "address", "unit_code", "lon", "lat", "area", "phone", "status", "capacity", "occupancy", "note", "status_at", "updated_at", "version", "demo"];
const STATUS_COLUMNS = ["id", "tenant_id", "place_id", "at", "status", "capacity", "occupancy", "note"];
const WORDS: Record<string, string[]> = {
  quarantine: ["Khu cách ly tập trung", "Khu cách ly Ký túc xá"],
  "military-quarantine": ["Khu cách ly Trung đoàn", "Khu cách ly Trường Quân sự"],
  "lockdown-point": ["Điểm phong tỏa khối", "Điểm phong tỏa xóm"],
  "lockdown-area": ["Khu vực phong tỏa", "Vùng phong tỏa tạm thời"],
  treatment: ["Cơ sở thu dung, điều trị COVID-19", "Bệnh viện dã chiến"],
  testing: ["Điểm xét nghiệm lưu động", "Điểm lấy mẫu"],
  checkpoint: ["Chốt kiểm soát dịch", "Chốt kiểm dịch cửa ngõ"],
  "supply-point": ["Điểm cung ứng hàng thiết yếu", "Điểm bán hàng bình ổn giá"],
  vaccination: ["Điểm tiêm chủng Trạm Y tế", "Điểm tiêm lưu động"],
  hotline: ["Đường dây nóng Trạm Y tế", "Tổng đài tư vấn"],
};

type Ring = [number, number][];
/** Ray casting over a Polygon's or MultiPolygon's rings (holes count by parity). */
export function insideGeometry(geometry: { type: string; coordinates: unknown }, lon: number, lat: number): boolean {
  const polygons = (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : []) as Ring[][];
  let inside = false;
  for (const polygon of polygons)
    for (const ring of polygon)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
  return inside;
}

function bboxOf(geometry: { type: string; coordinates: unknown }): [number, number, number, number] {
  const box: [number, number, number, number] = [180, 90, -180, -90];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number") {
      box[0] = Math.min(box[0], c[0] as number);
      box[1] = Math.min(box[1], c[1] as number);
      box[2] = Math.max(box[2], c[0] as number);
      box[3] = Math.max(box[3], c[1] as number);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(geometry.coordinates);
  return box;
}

/** Loads PLACES places (and each one's first status) into MAP_TENANT unless it holds that many already. */
export async function loadPlaces(url: string, log: Log): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tenantRows } = await client.query<{ id: string; name: string }>("select id, name->>'vi' as name from tenant where slug = $1", [MAP_TENANT]);
    const tenant = tenantRows[0];
    if (!tenant) throw new Error(`no province ${MAP_TENANT} in the bench database`);
    const { rows: count } = await client.query<{ n: string }>("select count(*) as n from place where tenant_id = $1 and not demo", [tenant.id]);
    if (Number(count[0]!.n) >= PLACES) {
      log(`  places: ${MAP_TENANT} already holds ${Number(count[0]!.n).toLocaleString("en")}, nothing to do`);
      return 0;
    }
    const { rows: kinds } = await client.query<{ id: string; kind: string; agency_id: string | null }>(
      `select k.id, k.kind, (select a.agency_id from place_kind_agency a where a.kind_id = k.id order by a.agency_id limit 1) as agency_id
       from place_kind k where k.tenant_id = $1 and k.enabled order by k.position, k.kind`,
      [tenant.id],
    );
    if (kinds.length === 0) throw new Error(`${MAP_TENANT}'s pack keeps no kind of place`);
    const { rows: boundaries } = await client.query<{ code: string; name: string; level: string; geometry: { type: string; coordinates: unknown } }>(
      "select code, name, level, geometry from map_boundary where tenant_id = $1",
      [tenant.id],
    );
    const province = boundaries.find((b) => b.level === "province");
    const districts = boundaries.filter((b) => b.level === "district");
    if (!province || districts.length === 0) throw new Error(`${MAP_TENANT} has no boundaries: choose a province with them (BENCH_MAP_TENANT)`);
    const box = bboxOf(province.geometry);
    const rand = seededRandom(2021_08_01);
    const nextId = sequentialIds();
    const round = (n: number) => Math.round(n * 1e5) / 1e5;
    const now = new Date().toISOString();
    let placeLines = "";
    let statusLines = "";
    for (let i = 0; i < PLACES; i++) {
      const kind = kinds[i % kinds.length]!;
      let lon = 0;
      let lat = 0;
      let district: (typeof districts)[number] | undefined;
      for (let tries = 0; !district && tries < 1000; tries++) {
        lon = round(box[0] + rand() * (box[2] - box[0]));
        lat = round(box[1] + rand() * (box[3] - box[1]));
        if (insideGeometry(province.geometry, lon, lat)) district = districts.find((d) => insideGeometry(d.geometry, lon, lat));
      }
      if (!district) throw new Error("no point of the province's box falls inside one of its districts");
      const name = `${WORDS[kind.kind]![Math.floor(rand() * 2)]} số ${i + 1}, ${district.name}`;
      const d = 0.002 + rand() * 0.004;
      const area =
        kind.kind === "lockdown-area"
          ? JSON.stringify({ type: "Polygon", coordinates: [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]].map(([x, y]) => [round(x!), round(y!)])] })
          : null;
      const capacity = ["quarantine", "military-quarantine", "treatment", "testing", "vaccination"].includes(kind.kind) ? 50 * (1 + Math.floor(rand() * 10)) : null;
      const status = rand() < 0.2 ? "closed" : "open";
      const occupancy = capacity !== null && status === "open" ? Math.floor(rand() * capacity) : null;
      const id = nextId();
      placeLines += copyLine([
        id, tenant.id, kind.id, `BENCH-${i + 1}`, JSON.stringify({ vi: name }), foldVietnamese(name), kind.agency_id,
        `Thôn ${1 + Math.floor(rand() * 12)}, ${district.name}, ${tenant.name}`, district.code, area ? null : lon, area ? null : lat, area,
        `0238 3${String(Math.floor(rand() * 1e6)).padStart(6, "0")}`, status, capacity, occupancy, null, now, now, 1, false,
      ]);
      statusLines += copyLine([nextId(), tenant.id, id, now, status, capacity, occupancy, null]);
    }
    await client.query("set session_replication_role = replica");
    const copied = await copyFrom(client, "place", PLACE_COLUMNS, [placeLines]);
    await copyFrom(client, "place_status", STATUS_COLUMNS, [statusLines]);
    await client.query("analyze place");
    return copied;
  } finally {
    await client.end();
  }
}
