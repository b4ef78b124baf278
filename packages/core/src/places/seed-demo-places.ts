// The embedded demo's places (issue 10): a few dozen per province over its kinds, in real communes of the
// province with plausible names and addresses, points inside the province's bounding box, small squares
// for lockdown areas; generated from a fixed seed per province, marked as demo so the pages say so. A
// start-up door like seedDemoFigures: a province that already holds any place is left alone. Never run in
// production.
import type { PlaceKind } from "@cong/config";
import type { Db, Tx } from "@cong/db";
import { withPlatform, withTenant } from "@cong/db";
import { foldVietnamese } from "../content/search-text.ts";
import { random } from "../figures/seed-demo-figures.ts";
import { loadUnits } from "../units/answered-units.ts";
import { listPlaceKinds } from "./place-kinds.ts";

// Demo only: a box well inside each province (lon, lat), so the demo's points fall on land in it. The
// map's own boundaries come from ../shared/data; a province not listed gets places without a location.
const DEMO_BOXES: Record<string, [number, number, number, number]> = {
  "40": [104.9, 18.75, 105.65, 19.35], // Nghệ An
  "38": [105.35, 19.6, 105.85, 20.2], // Thanh Hóa
  "22": [106.75, 20.95, 107.4, 21.25], // Quảng Ninh
};

const NAMES: Record<PlaceKind, string[]> = {
  quarantine: ["Khu cách ly tập trung", "Khu cách ly Trường Cao đẳng nghề", "Khu cách ly Ký túc xá"],
  "military-quarantine": ["Khu cách ly tập trung Trung đoàn", "Khu cách ly Trường Quân sự", "Khu cách ly Doanh trại"],
  "lockdown-point": ["Điểm phong tỏa khối", "Điểm phong tỏa xóm", "Điểm phong tỏa chợ"],
  "lockdown-area": ["Khu vực phong tỏa", "Vùng phong tỏa tạm thời"],
  treatment: ["Bệnh viện dã chiến số", "Cơ sở thu dung, điều trị COVID-19", "Trung tâm Y tế"],
  testing: ["Điểm xét nghiệm lưu động", "Phòng xét nghiệm Trung tâm Y tế", "Điểm lấy mẫu"],
  checkpoint: ["Chốt kiểm soát dịch Quốc lộ", "Chốt kiểm dịch cửa ngõ", "Chốt kiểm soát liên huyện"],
  "supply-point": ["Điểm bán hàng bình ổn giá", "Siêu thị mini", "Điểm cung ứng hàng thiết yếu"],
  vaccination: ["Điểm tiêm chủng Trạm Y tế", "Điểm tiêm chủng Nhà văn hóa", "Điểm tiêm lưu động"],
  hotline: ["Đường dây nóng Trạm Y tế", "Đường dây nóng Trung tâm Y tế", "Tổng đài tư vấn"],
};
const HAS_CAPACITY = new Set<PlaceKind>(["quarantine", "military-quarantine", "treatment", "testing", "vaccination"]);
const PER_PROVINCE = 36;

export async function seedDemoPlaces(db: Db): Promise<{ slug: string; created: number }[]> {
  const tenants = await withPlatform(db, (tx) => tx.tenant.findMany({ select: { id: true, slug: true } }));
  const out: { slug: string; created: number }[] = [];
  for (const t of tenants) out.push({ slug: t.slug, created: await withTenant(db, t.id, (tx) => seedDemoPlacesIn({ tx, tenantId: t.id, seed: t.slug })) });
  return out;
}

export async function seedDemoPlacesIn({ tx, tenantId, seed }: { tx: Tx; tenantId: string; seed: string }): Promise<number> {
  if ((await tx.place.count({ where: { tenantId } })) > 0) return 0;
  const kinds = await listPlaceKinds({ tx, tenantId });
  if (kinds.length === 0) return 0;
  const { provinceCode, provinceName, units } = await loadUnits({ tx, tenantId });
  const communes = units.filter((u) => !units.some((c) => c.parentCode === u.code));
  if (communes.length === 0) return 0;
  const names = new Map(units.map((u) => [u.code, u.name]));
  const box = DEMO_BOXES[provinceCode];
  const rand = random(`cong-demo-places-${seed}`);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const round = (n: number) => Math.round(n * 1e5) / 1e5;
  let created = 0;
  for (let i = 0; i < PER_PROVINCE; i++) {
    const kind = kinds[i % kinds.length]!;
    const unit = pick(communes);
    const place = unit.name.replace(/^(Phường|Xã|Thị trấn)\s+/, "");
    const name = `${pick(NAMES[kind.kind])} ${place}`;
    const address = `Thôn ${1 + Math.floor(rand() * 12)}, ${[unit.name, unit.parentCode ? names.get(unit.parentCode) : null, provinceName].filter(Boolean).join(", ")}`;
    const [lon, lat] = box ? [round(box[0] + rand() * (box[2] - box[0])), round(box[1] + rand() * (box[3] - box[1]))] : [null, null];
    const d = 0.004 + rand() * 0.006;
    const area =
      kind.kind === "lockdown-area" && lon !== null && lat !== null
        ? { type: "Polygon", coordinates: [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]].map(([x, y]) => [round(x!), round(y!)])] }
        : undefined;
    const capacity = HAS_CAPACITY.has(kind.kind) ? 50 * (1 + Math.floor(rand() * 10)) : null;
    const status = rand() < 0.2 ? "closed" : "open";
    const occupancy = capacity !== null && status === "open" ? Math.floor(rand() * capacity) : null;
    const phone = `0238 3${String(Math.floor(rand() * 1e6)).padStart(6, "0")}`.replace("0238", provinceCode === "22" ? "0203" : provinceCode === "38" ? "0237" : "0238");
    const row = await tx.place.create({
      data: {
        tenantId, kindId: kind.id, names: { vi: name }, sortName: foldVietnamese(name), agencyId: kind.agencyIds[0] ?? null, address, unitCode: unit.code,
        lon: area ? null : lon, lat: area ? null : lat, ...(area ? { area } : {}), phone, status, capacity, occupancy, demo: true,
      },
      select: { id: true },
    });
    await tx.placeStatus.create({ data: { tenantId, placeId: row.id, status, capacity, occupancy } });
    created++;
  }
  return created;
}
