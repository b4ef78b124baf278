// Registries of places (issue 10) on both databases: a district's health centre writes its own district's
// places only; a status change keeps history and is an update for the deadline engine; a CSV with one bad
// row changes nothing and names the row; the GeoJSON is valid RFC 7946, holds only its province's places
// with a location or an area, and the public list shows the same places. And the area checks, on their own.
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { seedTenants, type Db } from "@cong/db";
import { describeBackends, inUnit } from "@cong/db/testing";
import { loadAbility } from "../accounts/load-ability.ts";
import type { Viewer } from "../accounts/viewer.ts";
import { asLocalized } from "../json.ts";
import { listTenants } from "../tenants/list-tenants.ts";
import { entryScopeOf } from "../units/answered-units.ts";
import { checkArea } from "./geometry.ts";
import { importPlaces } from "./import-places.ts";
import { getPlace, listPlaces, type PlaceFilter } from "./list-places.ts";
import type { PlaceInput } from "./place-input.ts";
import { placesToGeoJson, type PlaceCollection } from "./places-geojson.ts";
import { savePlace } from "./save-place.ts";
import { seedDemoPlaces } from "./seed-demo-places.ts";

const tenantsDir = fileURLToPath(new URL("../../../../tenants", import.meta.url));
const VINH_A = "16663"; // Phường Đông Vĩnh, Vinh (412)
const utf8 = (text: string) => new TextEncoder().encode(text);

async function member(db: Db, tenantId: string, agencyKey: string, email: string, memberUnit: string | null = null): Promise<Viewer> {
  const agencies = await db.owner.agency.findMany({ where: { tenantId, key: agencyKey } });
  const user = await db.owner.user.create({ data: { tenantId, email, name: "T", roles: ["editor"] } });
  return { id: user.id, sessionId: "", tenantId, email, name: "T", roles: ["editor"], agencies: agencies.map((a) => ({ id: a.id, key: a.key, names: asLocalized(a.names), memberUnit })) };
}

describe("an area", () => {
  it("is a closed Polygon or MultiPolygon of [lon, lat] positions in range", () => {
    const square = [[105.6, 18.6], [105.7, 18.6], [105.7, 18.7], [105.6, 18.7], [105.6, 18.6]];
    expect(checkArea(JSON.stringify({ type: "Polygon", coordinates: [square] }))).toEqual({ area: { type: "Polygon", coordinates: [square] } });
    expect(checkArea({ type: "Feature", geometry: { type: "MultiPolygon", coordinates: [[square]] } })).toEqual({ area: { type: "MultiPolygon", coordinates: [[square]] } });
    expect(checkArea({ type: "Polygon", coordinates: [square.slice(0, 4)] })).toEqual({ problem: "errors.placeAreaOpen" });
    expect(checkArea({ type: "Polygon", coordinates: [[[0, 0], [1, 1], [0, 0]]] })).toEqual({ problem: "errors.placeAreaRing" });
    expect(checkArea({ type: "Polygon", coordinates: [[[18.6, 195], [18.7, 105], [18.7, 106], [18.6, 195]]] })).toEqual({ problem: "errors.placeAreaRange" });
    expect(checkArea({ type: "Point", coordinates: [105, 18] })).toEqual({ problem: "errors.placeAreaType" });
    expect(checkArea("{not json")).toEqual({ problem: "errors.placeAreaJson" });
  });
});

describeBackends("places", ({ db }) => {
  let na = "";
  let th = "";
  let other = "";
  let doh: Viewer;
  let vinhHealth: Viewer;
  beforeAll(async () => {
    expect((await seedTenants(db(), tenantsDir)).failed).toEqual([]);
    const tenants = await inUnit(db(), null, (tx) => listTenants({ tx }));
    na = tenants.find((t) => t.slug === "nghe-an")!.id;
    th = tenants.find((t) => t.slug === "thanh-hoa")!.id;
    other = (await db().owner.adminUnit.findFirstOrThrow({ where: { tenantId: na, levelKey: "commune", NOT: { parentCode: "412" } } })).code;
    doh = await member(db(), na, "so-y-te", "syt@na.test");
    // A member of the district health centres, acting for Vinh.
    vinhHealth = await member(db(), na, "ttyt-huyen", "ttyt.vinh@na.test", "412");
  });

  const as = <T>(viewer: Viewer, work: (o: Awaited<ReturnType<typeof context>>) => Promise<T>) => inUnit(db(), na, async (tx) => work(await context(tx, viewer)));
  const context = async (tx: Parameters<Parameters<typeof inUnit>[2]>[0], viewer: Viewer) => {
    const { ability } = await loadAbility({ tx, viewer, tenantId: na });
    const who = await entryScopeOf({ tx, tenantId: na, agencies: viewer.agencies, everyUnit: false });
    return { tx, tenantId: na, ability, who, actor: { id: viewer.id, email: viewer.email, ip: null } };
  };
  const save = (viewer: Viewer, input: PlaceInput, id?: string, now?: Date) => as(viewer, (c) => savePlace({ ...c, input, ...(id ? { id } : {}), ...(now ? { now } : {}) }));
  const list = (tenantId: string, filter: PlaceFilter) => inUnit(db(), tenantId, (tx) => listPlaces({ tx, tenantId, filter, published: true }));
  const count = () => db().owner.place.count({ where: { tenantId: na } });

  it("lets a district's health centre keep quarantine sites in its own district only (403 for another's, nothing written)", async () => {
    const mine = await save(vinhHealth, { kind: "quarantine", name: "Khu cách ly Ký túc xá Đại học Vinh", unit: VINH_A, lon: "105.69", lat: "18.67", status: "open", capacity: "300", occupancy: "120" });
    expect(mine).toMatchObject({ ok: true, value: { created: true } });
    const before = await count();
    expect(await save(vinhHealth, { kind: "quarantine", name: "Khu cách ly khác", unit: other })).toEqual({ ok: false, forbidden: true });
    // A kind its agency does not keep, and no unit at all (the province's own place) are not its either.
    expect(await save(vinhHealth, { kind: "checkpoint", name: "Chốt", unit: VINH_A })).toEqual({ ok: false, forbidden: true });
    expect(await save(vinhHealth, { kind: "quarantine", name: "Khu cách ly tỉnh" })).toEqual({ ok: false, forbidden: true });
    // Nor may it move its place into another district.
    const id = mine.ok ? mine.value.id : "";
    expect(await save(vinhHealth, { kind: "quarantine", name: "Khu cách ly", unit: other }, id)).toEqual({ ok: false, forbidden: true });
    expect(await count()).toBe(before);
    // The Department of Health keeps them everywhere; a bad field is named.
    expect(await save(doh, { kind: "quarantine", name: "", unit: other, lon: "200", lat: "18", capacity: "-3" })).toEqual({
      ok: false,
      errors: { name: ["errors.required"], lon: ["errors.placeLonRange"], capacity: ["errors.placeCount"] },
    });
  });

  it("keeps every status as history, and each change is an update of the kind's section", async () => {
    const created = await save(doh, { kind: "treatment", name: "Bệnh viện dã chiến số 1", unit: VINH_A, lon: "105.68", lat: "18.68", capacity: "500", occupancy: "10" }, undefined, new Date("2026-11-20T01:00:00Z"));
    const id = created.ok ? created.value.id : "";
    const events = () => db().owner.updateEvent.count({ where: { tenantId: na, kind: "data-entry" } });
    const before = await events();
    await save(doh, { kind: "treatment", name: "Bệnh viện dã chiến số 1", unit: VINH_A, lon: "105.68", lat: "18.68", capacity: "500", occupancy: "480", note: "Gần đầy" }, id, new Date("2026-11-21T01:00:00Z"));
    await save(doh, { kind: "treatment", name: "Bệnh viện dã chiến số 1", unit: VINH_A, lon: "105.68", lat: "18.68", status: "closed", capacity: "500", occupancy: "0" }, id, new Date("2026-11-22T01:00:00Z"));
    // An edit that leaves the status alone adds no history row.
    await save(doh, { kind: "treatment", name: "Bệnh viện dã chiến số 1 (Vinh)", unit: VINH_A, lon: "105.68", lat: "18.68", status: "closed", capacity: "500", occupancy: "0" }, id, new Date("2026-11-23T01:00:00Z"));
    expect(await events()).toBe(before + 3);
    const place = await inUnit(db(), na, (tx) => getPlace({ tx, tenantId: na, id }));
    expect(place?.names.vi).toBe("Bệnh viện dã chiến số 1 (Vinh)");
    expect(place?.history.map((h) => [h.at.slice(0, 10), h.status, h.occupancy, h.note, h.actorEmail])).toEqual([
      ["2026-11-22", "closed", 0, null, "syt@na.test"],
      ["2026-11-21", "open", 480, "Gần đầy", "syt@na.test"],
      ["2026-11-20", "open", 10, null, "syt@na.test"],
    ]);
  });

  it("refuses a CSV with one bad row, naming its row and column, and writes nothing", async () => {
    const before = await count();
    const csv = `Mã,Loại,Tên,Mã địa bàn,Kinh độ,Vĩ độ,Trạng thái,Sức chứa\nKCL-01,quarantine,Khu cách ly A,${VINH_A},105.7,18.7,mở,100\nKCL-02,quarantine,Khu cách ly B,${VINH_A},105.7,98.7,mở,100\n`;
    const result = await as(doh, (c) => importPlaces({ ...c, file: { name: "dia-diem.csv", bytes: utf8(csv) } }));
    expect(result).toEqual({ ok: false, errors: { file: ["errors.figureImportBadRows"] }, rows: [{ row: 3, column: "Vĩ độ", reason: "errors.placeLatRange" }], total: 2 });
    expect(await count()).toBe(before);
    // Another district's row from Vinh's health centre is refused the same way.
    const theirs = await as(vinhHealth, (c) => importPlaces({ ...c, file: { name: "dia-diem.csv", bytes: utf8(`Loại,Tên,Mã địa bàn\nquarantine,Khu A,${VINH_A}\nquarantine,Khu B,${other}\n`) } }));
    expect(theirs).toMatchObject({ ok: false, rows: [{ row: 3, column: "Mã địa bàn", reason: "errors.placeUnitForbidden" }] });
    expect(await count()).toBe(before);
    // Fixed, it writes both; imported again with a new status, it updates them by code.
    const good = await as(doh, (c) => importPlaces({ ...c, file: { name: "dia-diem.csv", bytes: utf8(csv.replace("98.7", "18.7")) } }));
    expect(good).toEqual({ ok: true, value: { rows: 2, created: 2, updated: 0 } });
    const again = await as(doh, (c) => importPlaces({ ...c, file: { name: "dia-diem.csv", bytes: utf8(csv.replace("98.7", "18.7").replaceAll("mở", "đóng")) } }));
    expect(again).toEqual({ ok: true, value: { rows: 2, created: 0, updated: 2 } });
    expect(await db().owner.place.count({ where: { tenantId: na, ref: { in: ["KCL-01", "KCL-02"] }, status: "closed" } })).toBe(2);
  });

  it("builds valid RFC 7946 GeoJSON of its province's places only, the same places as the public list", async () => {
    await save(doh, { kind: "quarantine", name: "Khu cách ly không có tọa độ", unit: VINH_A });
    const area = { type: "Polygon", coordinates: [[[105.6, 18.6], [105.6, 18.7], [105.7, 18.7], [105.7, 18.6], [105.6, 18.6]]] };
    const ubndHuyen = await member(db(), na, "ubnd-huyen", "ubnd.vinh@na.test", "412");
    expect(await save(ubndHuyen, { kind: "lockdown-area", name: "Khu vực phong tỏa khối 5", unit: VINH_A, area: JSON.stringify(area) })).toMatchObject({ ok: true });
    expect((await seedDemoPlaces(db())).find((r) => r.slug === "thanh-hoa")?.created).toBeGreaterThan(20);

    const page = await list(na, { limit: 5000 });
    const geo = placesToGeoJson(page.places);
    expectValidGeoJson(geo);
    expect(page.places.some((p) => p.names.vi === "Khu cách ly không có tọa độ")).toBe(true);
    // The list and the map hold the same places, but for those with neither a location nor an area.
    expect(geo.features.map((f) => f.id).sort()).toEqual(page.places.filter((p) => p.lon !== null || p.area).map((p) => p.id).sort());
    // The area was clockwise: it is served counter-clockwise (right-hand rule).
    const polygon = geo.features.find((f) => f.properties.name === "Khu vực phong tỏa khối 5")!;
    expect(polygon.geometry).toEqual({ type: "Polygon", coordinates: [[...area.coordinates[0]!].reverse()] });
    expect(polygon.properties).toMatchObject({ kind: "lockdown-area", unitCode: VINH_A, unitName: "Phường Đông Vĩnh", agency: expect.stringContaining("UBND"), status: "open" });
    // Thanh Hóa's collection (demo places) holds none of Nghệ An's, even asked for Nghệ An's unit.
    const thGeo = placesToGeoJson((await list(th, { limit: 5000 })).places);
    expectValidGeoJson(thGeo);
    expect(thGeo.features.length).toBeGreaterThan(20);
    const naIds = new Set(page.places.map((p) => p.id));
    expect(thGeo.features.some((f) => naIds.has(f.id))).toBe(false);
    expect((await list(th, { unit: VINH_A })).places).toEqual([]);

    // Filters and pages: kind, unit (with the units under it), status, a cursor through every place.
    expect((await list(na, { kind: "lockdown-area" })).places.map((p) => p.names.vi)).toEqual(["Khu vực phong tỏa khối 5"]);
    expect((await list(na, { unit: "412", status: "closed" })).places.every((p) => p.status === "closed" && p.unitCode === VINH_A)).toBe(true);
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const p = await list(na, { limit: 2, ...(after ? { after } : {}) });
      seen.push(...p.places.map((x) => x.id));
      after = p.next ?? undefined;
    } while (after);
    expect(seen).toEqual(page.places.map((p) => p.id));
  });
});

function expectValidGeoJson(geo: PlaceCollection): void {
  expect(geo.type).toBe("FeatureCollection");
  const inRange = ([lon, lat]: number[]) => lon! >= -180 && lon! <= 180 && lat! >= -90 && lat! <= 90;
  const twiceArea = (ring: number[][]) => ring.slice(0, -1).reduce((s, [x1, y1], i) => s + (x1! * ring[i + 1]![1]! - ring[i + 1]![0]! * y1!), 0);
  for (const f of geo.features) {
    expect(f.type).toBe("Feature");
    expect(typeof f.id).toBe("string");
    expect(f.properties).toEqual(expect.objectContaining({ id: f.id, kind: expect.any(String), name: expect.any(String), status: expect.stringMatching(/^(open|closed)$/) }));
    const g = f.geometry;
    if (g.type === "Point") expect(inRange(g.coordinates)).toBe(true);
    else {
      const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
      for (const rings of polygons)
        rings.forEach((ring, i) => {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring.at(-1));
          expect(ring.every(inRange)).toBe(true);
          // RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise.
          expect(twiceArea(ring) > 0).toBe(i === 0);
        });
    }
  }
}
