// Run by start-server.mjs before the server, with the owner's login (DATABASE_OWNER_URL, else
// DATABASE_URL, else a fresh PGlite folder): migrates as `npm run db:migrate` does, seeds the packs and
// creates the test accounts, then closes the database. On a PostgreSQL server whose runtime URL differs
// from the owner's, it also creates that runtime login (a member of cong_app only, as in production), so
// the server runs as production does; start-server.mjs drops it when the server exits.
import { ownerDatabaseUrl, parseEnv } from "@cong/config/env";
import { createUser, inScope, listTenants, migrateDatabase, seedDemoPlaces, seedRegulations, SYSTEM_ACTOR } from "@cong/core";
import { openDb, seedTenants, withPlatform } from "@cong/db";
import { accounts, E2E_PASSWORD } from "./accounts.ts";

const env = parseEnv();
const ownerUrl = ownerDatabaseUrl(env);
/** The runtime login this preparation created, for start-server.mjs to drop at exit. */
export const runtimeLogin: { name: string; ownerUrl: string } | null =
  ownerUrl && env.DATABASE_URL && env.DATABASE_URL !== ownerUrl ? { name: decodeURIComponent(new URL(env.DATABASE_URL).username), ownerUrl } : null;

const db = await openDb({ databaseUrl: ownerUrl, dataDir: env.DATA_DIR });
try {
  await migrateDatabase(db);
  const seeded = await seedTenants(db, env.TENANTS_DIR, { platformDomain: env.PLATFORM_DOMAIN });
  if (seeded.failed.length > 0) throw new Error(`packs not loaded: ${seeded.failed.map((f) => f.dir).join(", ")}`);
  // Each province's regulations as its first published documents, as in the embedded demo.
  await seedRegulations(db, env.TENANTS_DIR);
  // The demo's places (marked as demo), so the map pages draw their places layers and list them.
  await seedDemoPlaces(db);
  const tenants = new Map((await withPlatform(db, (tx) => listTenants({ tx }))).map((t) => [t.slug, t.id]));
  for (const [key, a] of Object.entries(accounts)) {
    const tenantId = a.slug === null ? null : tenants.get(a.slug);
    if (tenantId === undefined) throw new Error(`no tenant ${a.slug}`);
    const created = await inScope(db, tenantId, (tx) =>
      createUser({ tx, tenantId, input: { email: a.email, name: `E2E ${key}`, roles: [...a.roles], agencies: [...a.agencies] }, password: E2E_PASSWORD, actor: SYSTEM_ACTOR }),
    );
    if (!created.ok && !created.errors.email?.includes("errors.emailTaken")) throw new Error(`${key}: ${JSON.stringify(created.errors)}`);
  }
  if (runtimeLogin) {
    // What infra/postgres/README.md tells a DBA to run: LOGIN, member of cong_app only, nothing else.
    const password = decodeURIComponent(new URL(env.DATABASE_URL!).password);
    const { rows } = await db.executeSql("select format('create role %I login password %L in role cong_app', $1::text, $2::text) as sql", [runtimeLogin.name, password]);
    await db.executeSql(String(rows[0]!.sql));
  }
} finally {
  await db.close();
}
