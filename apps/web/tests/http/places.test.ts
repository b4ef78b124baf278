// Registries of places over HTTP (issue 10): a district's health centre keeps its own district's
// quarantine sites (another district's is a 403, nothing saved); a status change keeps history; a CSV
// with one bad row is refused with a report naming the row and saves nothing; the facilities page lists
// the same places as /api/v1/places, valid GeoJSON of the province's places only, cached and refreshed
// when a place changes.
import { beforeAll, expect, it } from "vitest";
import { describeServer } from "./describe-server.ts";

const VINH_A = "16663"; // Phường Đông Vĩnh, Vinh (412)

function fileForm(name: string, text: string, type = "text/csv"): FormData {
  const form = new FormData();
  form.append("file", new Blob([text], { type }), name);
  return form;
}

describeServer("places", (server) => {
  const na = () => server().tenants.get("nghe-an")!;
  const count = () => server().db.owner.place.count({ where: { tenantId: na() } });
  let other = "";
  beforeAll(async () => {
    // The district health centres' member acts for Vinh.
    const user = await server().db.owner.user.findFirstOrThrow({ where: { email: "ttyt.huyen@na.http.cong.vn" } });
    await server().db.owner.userAgency.updateMany({ where: { userId: user.id }, data: { unitCode: "412" } });
    other = (await server().db.owner.adminUnit.findFirstOrThrow({ where: { tenantId: na(), levelKey: "commune", NOT: { parentCode: "412" } } })).code;
  });

  it("lets a district's health centre keep its own district's quarantine sites: another district's is a 403 and nothing is saved", async () => {
    const member = await server().signedIn("naDistrict");
    const form = await member.get("/admin/places/new");
    expect(form.status).toBe(200);
    expect(form.text).toContain(`value="${VINH_A}"`);
    expect(form.text).not.toContain(`value="${other}"`);
    const saved = await member.submit("/admin/places/new", { kind: "quarantine", name: "Khu cách ly Ký túc xá Đại học Vinh", unit: VINH_A, lon: "105.69", lat: "18.67", capacity: "300", occupancy: "120", status: "open" });
    expect(saved.status).toBe(302);
    const id = /\/admin\/places\/([0-9a-f-]{36})/.exec(saved.headers.location ?? "")![1]!;
    const before = await count();
    const refused = await member.submit("/admin/places/new", { kind: "quarantine", name: "Khu cách ly khác", unit: other, status: "open" });
    expect(refused.status).toBe(403);
    // Nor can it move its own place to another district.
    expect((await member.submit(`/admin/places/${id}`, { kind: "quarantine", name: "Khu cách ly", unit: other, status: "open" }, { csrfFrom: `/admin/places/${id}` })).status).toBe(403);
    expect(await count()).toBe(before);
    // A place of another district, kept by the Department of Health, is not theirs to open or write.
    const doh = await server().signedIn("naEditor");
    const theirs = await doh.submit("/admin/places/new", { kind: "quarantine", name: "Khu cách ly Quỳnh Lưu", unit: other, status: "open" });
    expect(theirs.status).toBe(302);
    const theirsPath = theirs.headers.location!.replace(/\?.*$/, "");
    expect((await member.get(theirsPath)).status).toBe(403);
    expect((await member.submit(theirsPath, { kind: "quarantine", name: "Đổi tên", unit: other, status: "closed" }, { csrfFrom: "/admin/places/new" })).status).toBe(403);
    expect(await server().db.owner.place.count({ where: { tenantId: na(), names: { equals: { vi: "Đổi tên" } } } })).toBe(0);
  });

  it("keeps the status history: a change of occupancy or status adds a row, shown on the place's page", async () => {
    const member = await server().signedIn("naDistrict");
    const place = await server().db.owner.place.findFirstOrThrow({ where: { tenantId: na(), unitCode: VINH_A, kind: { kind: "quarantine" } } });
    const path = `/admin/places/${place.id}`;
    const fields = { kind: "quarantine", name: "Khu cách ly Ký túc xá Đại học Vinh", unit: VINH_A, lon: "105.69", lat: "18.67", capacity: "300" };
    expect((await member.submit(path, { ...fields, occupancy: "280", status: "open", note: "Gần đầy" })).status).toBe(302);
    expect((await member.submit(path, { ...fields, occupancy: "0", status: "closed" })).status).toBe(302);
    const page = await member.get(path);
    const history = /<table[^>]*data-testid="place-history"[\s\S]*?<\/table>/.exec(page.text)?.[0] ?? "";
    expect(history.match(/<tr>/g)?.length).toBe(4); // the header and three statuses
    expect(history).toContain("Đã đóng");
    expect(history).toContain("Gần đầy");
    // A bad field is named at the field, and nothing changes.
    const bad = await member.submit(path, { ...fields, lat: "98.7", status: "open" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Vĩ độ phải trong khoảng từ -90 đến 90.");
    expect(bad.text).toContain('aria-invalid="true"');
    expect(await server().db.owner.placeStatus.count({ where: { placeId: place.id } })).toBe(3);
  });

  it("refuses a CSV with one bad row with a report naming the row and column, and saves nothing", async () => {
    const doh = await server().signedIn("naEditor");
    const template = await doh.get("/admin/places/template.csv");
    expect(template.status).toBe(200);
    expect(template.text.split("\r\n")[0]).toMatch(/^\uFEFFMã,Loại,Tên,/);
    const before = await count();
    const csv = `Mã;Loại;Tên;Mã địa bàn;Kinh độ;Vĩ độ;Trạng thái\nDT-01;treatment;Bệnh viện dã chiến số 1;${VINH_A};105.68;18.68;mở\nDT-02;treatment;Bệnh viện dã chiến số 2;${VINH_A};105.68;98.68;mở\n`;
    const res = await doh.submit("/admin/places/import", fileForm("dia-diem.csv", csv));
    expect(res.status).toBe(400);
    const report = /<table[^>]*data-testid="import-report"[\s\S]*?<\/table>/.exec(res.text)?.[0] ?? "";
    expect(report).toContain('data-row="3"');
    expect(report).not.toContain('data-row="2"');
    expect(report).toContain("Vĩ độ");
    expect(await count()).toBe(before);
    const good = await doh.submit("/admin/places/import", fileForm("dia-diem.csv", csv.replace("98.68", "18.69")));
    expect(good.status).toBe(302);
    expect(good.headers.location).toBe("/admin/places/import?done=2&created=2&updated=0");
    expect(await count()).toBe(before + 2);
  });

  it("lists on the facilities page the same places as the GeoJSON, which holds the province's places only", async () => {
    const visitor = server().client("nghe-an");
    const page = await visitor.get("/dia-diem");
    expect(page.status).toBe(200);
    expect(page.headers["set-cookie"]).toBeUndefined();
    expect(page.text).not.toContain("<script");
    const listed = [...page.text.matchAll(/data-place="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThanOrEqual(3);
    const api = await visitor.get("/api/v1/places?section=dia-diem");
    expect(api.status).toBe(200);
    expect(api.headers["content-type"]).toMatch(/^application\/geo\+json/);
    expect(api.headers.etag).toBeTruthy();
    const geo = JSON.parse(api.text) as { type: string; features: { type: string; id: string; geometry: { type: string; coordinates: number[] } }[] };
    expect(geo.type).toBe("FeatureCollection");
    // The same places, but for one with neither a location nor an area (listed, never on the map).
    const located = await server().db.owner.place.findMany({ where: { id: { in: listed }, lon: { not: null } }, select: { id: true } });
    expect(located.length).toBe(listed.length - 1);
    expect(geo.features.map((f) => f.id).sort()).toEqual(located.map((p) => p.id).sort());
    for (const f of geo.features) {
      expect(f.type).toBe("Feature");
      expect(f.geometry.type).toBe("Point");
      const [lon, lat] = f.geometry.coordinates;
      expect(lon! >= -180 && lon! <= 180 && lat! >= -90 && lat! <= 90).toBe(true);
    }
    // The filter works without JavaScript, on the page and the API alike.
    const closed = await visitor.get("/dia-diem?status=closed&kind=quarantine");
    const closedIds = [...closed.text.matchAll(/data-place="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(closedIds.length).toBe(1);
    expect(JSON.parse((await visitor.get("/api/v1/places?section=dia-diem&status=closed&kind=quarantine")).text).features.map((f: { id: string }) => f.id)).toEqual(closedIds);
    expect((await visitor.get("/api/v1/places?status=shut")).status).toBe(400);
    // Thanh Hóa's host never answers with Nghệ An's places, even asked for a Vinh ward.
    const th = JSON.parse((await server().client("thanh-hoa").get(`/api/v1/places?unit=${VINH_A}`)).text);
    expect(th.features).toEqual([]);
    const thAll = JSON.parse((await server().client("thanh-hoa").get("/api/v1/places")).text) as { features: { id: string }[] };
    expect(thAll.features.some((f) => listed.includes(f.id))).toBe(false);
    // A change of a place shows on the cached page at once (the content version moved).
    const doh = await server().signedIn("naEditor");
    expect((await doh.submit("/admin/places/new", { kind: "treatment", name: "Bệnh viện dã chiến số 3", unit: VINH_A, lon: "105.7", lat: "18.7", status: "open" })).status).toBe(302);
    expect((await visitor.get("/dia-diem")).text).toContain("Bệnh viện dã chiến số 3");
  });
});
