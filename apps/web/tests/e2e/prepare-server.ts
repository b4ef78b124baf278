// Run by start-server.mjs before the server: migrates, seeds the packs and creates the test accounts in
// the end-to-end database (a fresh PGlite folder, or DATABASE_URL's server), then closes it.
import { parseEnv } from "@cong/config/env";
import { createUser, listTenants, seedRegulations, SYSTEM_ACTOR } from "@cong/core";
import { migrate, openDb, seedTenants } from "@cong/db";
import { accounts, E2E_PASSWORD } from "./accounts.ts";

const env = parseEnv();
const db = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  await migrate(db);
  const seeded = await seedTenants(db, env.TENANTS_DIR, { platformDomain: env.PLATFORM_DOMAIN });
  if (seeded.failed.length > 0) throw new Error(`packs not loaded: ${seeded.failed.map((f) => f.dir).join(", ")}`);
  // Each province's regulations as its first published documents, as in the embedded demo.
  await seedRegulations(db, env.TENANTS_DIR);
  const tenants = new Map((await listTenants(db)).map((t) => [t.slug, t.id]));
  for (const [key, a] of Object.entries(accounts)) {
    const tenantId = a.slug === null ? null : tenants.get(a.slug);
    if (tenantId === undefined) throw new Error(`no tenant ${a.slug}`);
    const created = await createUser({
      db,
      tenantId,
      input: { email: a.email, name: `E2E ${key}`, roles: [...a.roles], agencies: [...a.agencies] },
      password: E2E_PASSWORD,
      actor: SYSTEM_ACTOR,
    });
    if (!created.ok && !created.errors.email?.includes("errors.emailTaken")) throw new Error(`${key}: ${JSON.stringify(created.errors)}`);
  }
} finally {
  await db.close();
}
