// The loader is what stands between a provincial admin's YAML and the running portal: these tests check
// that real packs load with the duties their regulations set, and that a broken pack is reported with
// the file, line and path an admin needs to fix it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatProblem, packJsonSchema, readAllPacks, readPack } from "./load.server.ts";
import type { LoadedPack } from "./load.server.ts";
import type { DeadlineRule, Duty } from "./pack-schema.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");
const tenantsDir = path.join(repoRoot, "tenants");
const fixtures = path.join(here, "fixtures");

async function load(slug: string): Promise<LoadedPack> {
  const result = await readPack(path.join(tenantsDir, slug));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  return result.loaded;
}

function duties(loaded: LoadedPack, agency: string, section: string): Duty[] {
  return loaded.pack.matrix.find((m) => m.agency === agency && m.section === section)?.duties ?? [];
}

function deadlines(loaded: LoadedPack, agency: string, section: string): DeadlineRule[] {
  return duties(loaded, agency, section).flatMap((d) => (d.deadline ? [d.deadline] : []));
}

describe("real tenant packs", () => {
  it("every pack under tenants/ loads without problems", async () => {
    const { loaded, failed } = await readAllPacks(tenantsDir);
    expect(failed.flatMap((f) => f.problems.map(formatProblem))).toEqual([]);
    expect(loaded.map((l) => l.pack.slug).sort()).toEqual(["nghe-an", "quang-ninh", "thanh-hoa"]);
  });

  it("each pack has the province as an admin unit and its districts under it", async () => {
    for (const [slug, code] of [["quang-ninh", "22"], ["nghe-an", "40"], ["thanh-hoa", "38"]] as const) {
      const loaded = await load(slug);
      expect(loaded.adminUnits.find((u) => u.code === code)?.level).toBe("province");
      expect(loaded.adminUnits.filter((u) => u.level === "district").every((u) => u.parentCode === code)).toBe(true);
    }
  });

  it("Nghệ An: CDC updates cases at 06:00 and 18:00 (3691 Điều 9.1c, 17.1)", async () => {
    const na = await load("nghe-an");
    expect(deadlines(na, "cdc", "so-lieu")).toContainEqual({ kind: "daily-at", times: ["06:00", "18:00"] });
    expect(na.pack.locales.offered).toEqual(["vi"]);
    expect(na.pack.leadUnit.agency).toBe("vp-ubnd");
    expect(na.pack.dataLead?.agency).toBe("so-y-te");
  });

  it("Nghệ An: the Department of Health reports monthly (3691 Điều 11.4, 20)", async () => {
    const na = await load("nghe-an");
    const report = duties(na, "so-y-te", "bao-cao").find((d) => d.deadline?.kind === "monthly");
    expect(report?.role).toBe("report");
    expect(report?.source).toMatch(/Điều 20/);
  });

  it("Thanh Hóa: the Department of Health and the CDC update the situation at 08:00 and 16:00", async () => {
    const th = await load("thanh-hoa");
    for (const agency of ["so-y-te", "cdc"])
      expect(deadlines(th, agency, "tinh-hinh-dich")).toContainEqual({ kind: "daily-at", times: ["08:00", "16:00"] });
    // No URL is given in the text for any linked service, so no link section may exist.
    expect(th.pack.sections.filter((s) => s.kind === "link")).toEqual([]);
  });

  it("Quảng Ninh: the DIC has map data in before 09:00 daily (3591 Điều 4.3)", async () => {
    const qn = await load("quang-ninh");
    expect(deadlines(qn, "so-tttt", "ban-do")).toContainEqual({ kind: "daily-before", time: "09:00" });
  });

  it("Quảng Ninh: the Media Centre posts at least one news item a day and an infographic per directive (3591 Điều 5)", async () => {
    const qn = await load("quang-ninh");
    const news = deadlines(qn, "trung-tam-truyen-thong", "tin-tuc");
    expect(news).toContainEqual({ kind: "min-per-day", count: 1 });
    expect(news).toContainEqual({ kind: "after-event", after: "directive-issued" });
  });

  it("Quảng Ninh: every agency named in Điều 12.1 answers questions within 24 hours; the DIC chases", async () => {
    const qn = await load("quang-ninh");
    const named = [
      "so-tttt", "so-y-te", "so-ldtbxh", "so-gddt", "so-tu-phap", "so-cong-thuong", "so-gtvt", "cong-an-tinh",
      "bo-chqs-tinh", "bo-chbdbp-tinh", "bhxh", "ngan-hang-nha-nuoc", "cuc-thue", "cuc-qltt", "cuc-hai-quan",
      "cong-ty-nuoc-sach", "dien-luc", "ubnd-huyen",
    ];
    for (const agency of named) {
      const answer = duties(qn, agency, "hoi-dap").find((d) => d.role === "answer");
      expect(answer?.deadline, agency).toEqual({ kind: "within-hours", hours: 24, after: "question-asked" });
      expect(answer?.source, agency).toBe("3591/QĐ-UBND Điều 12.1");
    }
    expect(duties(qn, "so-tttt", "hoi-dap").some((d) => d.role === "monitor")).toBe(true);
  });

  it("Quảng Ninh: the catalogue of Điều 2 is there with its sub-categories, in vi, en and zh", async () => {
    const qn = await load("quang-ninh");
    const categories = (slug: string) => qn.pack.sections.find((s) => s.slug === slug)?.categories.map((c) => c.slug);
    expect(categories("van-ban-chi-dao")).toEqual(["trung-uong", "tinh", "ban-chi-dao"]);
    expect(categories("ban-do")).toEqual(["dich-te", "ban-do-so", "an-toan-covid"]);
    expect(categories("tin-tuc")).toEqual(["the-gioi", "trong-nuoc", "quang-ninh"]);
    expect(categories("cam-nang")).toEqual(["huong-dan-y-te", "tiem-vac-xin", "cach-ly-y-te"]);
    const kinds = new Set(qn.pack.sections.map((s) => s.kind));
    for (const kind of ["qa", "policies", "reporting", "feedback", "videos", "fake-news", "charts", "lookup", "public-services", "facilities"] as const)
      expect(kinds.has(kind), kind).toBe(true);
    expect(qn.pack.locales.offered).toEqual(["vi", "en", "zh"]);
    expect(qn.pack.sections.every((s) => s.names.en && s.names.zh)).toBe(true);
  });

  it("every duty cites an article of one of the pack's own regulations", async () => {
    const { loaded } = await readAllPacks(tenantsDir);
    for (const l of loaded) {
      const numbers = l.pack.regulations.map((r) => r.number);
      const all = [...l.pack.matrix.flatMap((m) => m.duties), ...l.pack.portalDuties.flatMap((p) => p.duties)];
      for (const d of all) expect(numbers.some((n) => d.source.startsWith(n)), `${l.pack.slug}: ${d.source}`).toBe(true);
    }
  });
});

describe("problems in broken packs", () => {
  it("an unknown agency in the matrix is reported with its path and line", async () => {
    const result = await readPack(path.join(fixtures, "bad-agency", "bad-agency"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({
      file: path.join(fixtures, "bad-agency", "bad-agency", "pack.yaml"),
      path: "matrix[1].agency",
      message: 'unknown agency "so-y-te"',
      line: 35,
      column: 13,
    });
    expect(formatProblem(result.problems[0]!)).toMatch(/bad-agency\/pack\.yaml:35:13 matrix\[1\]\.agency: unknown agency "so-y-te"$/);
  });

  it("invalid YAML is reported with file, line and column", async () => {
    const result = await readPack(path.join(fixtures, "bad-yaml", "bad-yaml"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ file: path.join(fixtures, "bad-yaml", "bad-yaml", "pack.yaml"), path: "", line: 5, column: 14 });
  });

  it("a domain used by two packs fails the later pack and names the other", async () => {
    const { loaded, failed } = await readAllPacks(path.join(fixtures, "dup-domain"));
    expect(loaded.map((l) => l.pack.slug)).toEqual(["alpha"]);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.problems).toEqual([
      expect.objectContaining({
        path: "domains[1]",
        line: 6,
        message: expect.stringMatching(/domain "alpha\.example\.gov\.vn" is already used by .*dup-domain\/alpha\/pack\.yaml/),
      }),
    ]);
  });

  it("text missing an offered locale is reported at its path", async () => {
    const result = await readPack(path.join(fixtures, "missing-locale", "missing-locale"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.path, p.line, p.message])).toEqual([
      ["sections[1].names", 29, "missing en text (the pack offers vi, en)"],
    ]);
  });

  it("the smallest good fixture loads with its admin units", async () => {
    const result = await readPack(path.join(fixtures, "good", "alpha"));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.loaded.adminUnits.map((u) => u.code)).toEqual(["99", "991"]);
  });

  it("a slug that differs from its folder and an agency in an unknown unit are both reported", async () => {
    const result = await readPack(path.join(fixtures, "slug-mismatch", "wrong-folder"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.path, p.line, p.message])).toEqual([
      ["slug", 2, 'slug "alpha" must equal the folder name "wrong-folder"'],
      ["agencies[0].unit", 25, 'unknown admin unit "12345" (not in admin-units.json)'],
    ]);
  });

  it("the JSON Schema describes the pack's fields, with defaulted fields optional", () => {
    const schema = packJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["slug", "matrix", "portalDuties", "provinceCode"]));
    expect(schema.required).toContain("matrix");
    expect(schema.required).not.toContain("portalDuties");
  });
});

describe("tenant:check CLI", () => {
  const tsx = path.join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");
  const run = (...dirs: string[]) =>
    spawnSync(process.execPath, [tsx, path.join(here, "cli", "check.ts"), ...dirs], { cwd: repoRoot, encoding: "utf8" });

  it("exits 0 and prints a tick for a good pack", () => {
    const result = run("tenants/quang-ninh");
    expect(result.stdout).toContain("✓ tenants/quang-ninh");
    expect(result.status).toBe(0);
  });

  it("exits 1 and prints the problem for a bad pack", () => {
    const result = run("packages/config/src/fixtures/bad-agency/bad-agency");
    expect(result.stderr).toContain(
      'packages/config/src/fixtures/bad-agency/bad-agency/pack.yaml:35:13 matrix[1].agency: unknown agency "so-y-te"',
    );
    expect(result.status).toBe(1);
  });

  it("refuses a domain under PLATFORM_DOMAIN, as the server would", () => {
    const tsx = path.join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");
    const result = spawnSync(process.execPath, [tsx, path.join(here, "cli", "check.ts"), "tenants/quang-ninh"], {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...process.env, PLATFORM_DOMAIN: "quangninh.gov.vn" },
    });
    expect(result.stderr).toMatch(/tenants\/quang-ninh\/pack\.yaml:\d+:\d+ domains\[0\]: domain "covid19\.quangninh\.gov\.vn" is under the platform's domain quangninh\.gov\.vn/);
    expect(result.status).toBe(1);
  });
});
