// Test helper: small, valid tenant packs written to a temporary folder and read back through the real
// loader, so the tests exercise what tenant:add and seeding read.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { readPack, formatProblem } from "@cong/config/load";
import type { LoadedPack } from "@cong/config/load";

export type FixtureOptions = { slug: string; domains?: string[]; sectionName?: string; units?: number };

export function fixturePackJson(o: FixtureOptions): Record<string, unknown> {
  return {
    slug: o.slug,
    name: { vi: `Tỉnh ${o.slug}`, en: `${o.slug} Province` },
    portalTitle: { vi: `Cổng thông tin ${o.slug}` },
    domains: o.domains ?? [`${o.slug}.example.vn`],
    locales: { default: "vi", offered: ["vi"] },
    timeZone: "Asia/Ho_Chi_Minh",
    branding: { colors: { primary: "#b71c1c" } },
    contacts: { email: "contact@example.vn" },
    hotlines: [{ label: { vi: "Đường dây nóng" }, number: "1900 9095", agency: "so-y-te" }],
    attribution: { vi: `Nguồn: Cổng thông tin ${o.slug}` },
    regulations: [
      { id: "qd-1", number: "1/QĐ-UBND", form: "Quyết định", title: { vi: "Quy chế" }, issuer: "UBND tỉnh", issuedOn: "2021-01-01" },
    ],
    leadUnit: { agency: "so-y-te", source: "1/QĐ-UBND Điều 3" },
    operator: { agency: "so-tt", source: "1/QĐ-UBND Điều 4" },
    adminLevels: [
      { key: "province", names: { vi: "Tỉnh" }, rank: 1 },
      { key: "district", names: { vi: "Huyện" }, rank: 2, validUntil: "2025-06-30" },
    ],
    adminUnits: { file: "admin-units.json", source: "GSO", licence: "public" },
    agencies: [
      { id: "ubnd", names: { vi: "UBND tỉnh" }, kind: "people-committee", unit: "22" },
      { id: "so-y-te", names: { vi: "Sở Y tế" }, shortName: { vi: "SYT" }, kind: "department", parent: "ubnd" },
      { id: "so-tt", names: { vi: "Sở Thông tin và Truyền thông" }, kind: "department", parent: "ubnd" },
      { id: "ubnd-huyen", names: { vi: "UBND cấp huyện" }, kind: "district-committee", scope: { level: "district" } },
    ],
    sections: [
      {
        slug: "tin-tuc",
        kind: "news",
        names: { vi: o.sectionName ?? "Tin tức" },
        order: 1,
        categories: [
          { slug: "trong-tinh", names: { vi: "Trong tỉnh" }, order: 1 },
          { slug: "trong-nuoc", names: { vi: "Trong nước" }, order: 2 },
        ],
      },
      { slug: "hoi-dap", kind: "qa", names: { vi: "Hỏi đáp" }, description: { vi: "Hỏi và đáp" }, order: 2, review: true },
    ],
    matrix: [
      {
        agency: "so-y-te",
        section: "tin-tuc",
        duties: [
          { role: "update", categories: ["trong-tinh"], deadline: { kind: "daily-at", times: ["06:00", "18:00"] }, source: "1/QĐ-UBND Điều 7.1" },
          { role: "review", source: "1/QĐ-UBND Điều 7.2" },
        ],
      },
      {
        agency: "so-tt",
        section: "hoi-dap",
        duties: [{ role: "answer", deadline: { kind: "within-working-days", days: 3, after: "question-asked" }, source: "1/QĐ-UBND Điều 8" }],
      },
    ],
  };
}

export function fixtureUnits(count: number): Record<string, unknown>[] {
  const units: Record<string, unknown>[] = [{ code: "22", name: "Tỉnh Thử", type: "Tỉnh", level: "province", parentCode: null }];
  for (let i = 0; i < count; i++) {
    units.push({ code: String(1000 + i), name: `Huyện ${i}`, type: "Huyện", level: "district", parentCode: "22" });
  }
  return units;
}

/** A temporary tenants folder. */
export async function tempTenantsDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "cong-tenants-"));
}

/** Writes the pack into tenantsDir/<slug>/ and returns its folder. */
export async function writeFixturePack(tenantsDir: string, o: FixtureOptions, edit?: (pack: Record<string, unknown>) => void): Promise<string> {
  const dir = path.join(tenantsDir, o.slug);
  await mkdir(dir, { recursive: true });
  const pack = fixturePackJson(o);
  edit?.(pack);
  await writeFile(path.join(dir, "pack.json"), JSON.stringify(pack, null, 2));
  await writeFile(path.join(dir, "admin-units.json"), JSON.stringify(fixtureUnits(o.units ?? 3)));
  return dir;
}

/** Writes and reads back a fixture pack; throws with every problem if it is not valid. */
export async function fixturePack(tenantsDir: string, o: FixtureOptions, edit?: (pack: Record<string, unknown>) => void): Promise<LoadedPack> {
  const dir = await writeFixturePack(tenantsDir, o, edit);
  const result = await readPack(dir);
  if (!result.ok) throw new Error(`fixture pack ${o.slug} is invalid:\n${result.problems.map(formatProblem).join("\n")}`);
  return result.loaded;
}
