// The database every HTTP test server starts from: migrated and seeded with the three provinces' packs,
// their regulations and real accounts. Vitest's global setup prepares it once per run on each backend
// (vitest.global-setup.ts) and each test server copies it; no Vitest import, so that setup can use it.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createUser, inScope, listTenants, migrateDatabase, seedRegulations, SYSTEM_ACTOR } from "@cong/core";
import { seedTenants, withPlatform, type Db } from "@cong/db";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
export const TENANTS_DIR = path.join(repoRoot, "tenants");
export const PASSWORD = "Hai-nghin-khong-tram-hai-sau!";
/** The template's name (packages/db/src/testing/templates.ts). */
export const PROVINCES_TEMPLATE = "provinces";

/** The accounts every test server has, by key: a province's admin and editors, and an operator. */
export const ACCOUNTS = {
  operator: { slug: null, email: "operator@http.cong.vn", roles: ["operator"], agencies: [] },
  qnAdmin: { slug: "quang-ninh", email: "admin@qn.http.cong.vn", roles: ["admin"], agencies: [] },
  qnEditor: { slug: "quang-ninh", email: "bientap.syt@qn.http.cong.vn", roles: ["editor"], agencies: ["so-y-te"] },
  naAdmin: { slug: "nghe-an", email: "admin@na.http.cong.vn", roles: ["admin"], agencies: [] },
  naEditor: { slug: "nghe-an", email: "bientap.syt@na.http.cong.vn", roles: ["editor"], agencies: ["so-y-te"] },
  naCdc: { slug: "nghe-an", email: "cdc@na.http.cong.vn", roles: ["editor"], agencies: ["cdc"] },
  // A member of the district health centres; the figures test ties the membership to Vinh (412).
  naDistrict: { slug: "nghe-an", email: "ttyt.huyen@na.http.cong.vn", roles: ["editor"], agencies: ["ttyt-huyen"] },
  thAdmin: { slug: "thanh-hoa", email: "admin@th.http.cong.vn", roles: ["admin"], agencies: [] },
} as const;
export type AccountKey = keyof typeof ACCOUNTS;

/** Migrates a new database (SQL and the job queue's tables, as `npm run db:migrate`) and seeds it. */
export async function seedProvinces(db: Db): Promise<void> {
  await migrateDatabase(db);
  const seeded = await seedTenants(db, TENANTS_DIR);
  if (seeded.failed.length > 0) throw new Error(`packs not loaded: ${seeded.failed.map((f) => f.dir).join(", ")}`);
  await seedRegulations(db, TENANTS_DIR);
  const tenants = new Map((await withPlatform(db, (tx) => listTenants({ tx }))).map((t) => [t.slug, t.id]));
  for (const [key, a] of Object.entries(ACCOUNTS)) {
    const tenantId = a.slug === null ? null : tenants.get(a.slug);
    if (tenantId === undefined) throw new Error(`no tenant ${a.slug}`);
    const made = await inScope(db, tenantId, (tx) => createUser({ tx, tenantId, input: { email: a.email, name: `HTTP ${key}`, roles: [...a.roles], agencies: [...a.agencies] }, password: PASSWORD, actor: SYSTEM_ACTOR }));
    if (!made.ok) throw new Error(`${key}: ${JSON.stringify(made.errors)}`);
  }
}
