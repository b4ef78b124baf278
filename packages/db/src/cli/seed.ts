// `npm run db:seed`: loads every valid tenant pack under TENANTS_DIR; names the bad ones and exits 1.
import { formatProblem } from "@cong/config/load";
import { seedTenants } from "../load-pack.ts";
import { runCli } from "./run.server.ts";

await runCli("db:seed", async ({ env, db }) => {
  const { results, failed } = await seedTenants(db, env.TENANTS_DIR, { platformDomain: env.PLATFORM_DOMAIN });
  for (const r of results) console.log(`${r.slug}: ${r.status}`);
  for (const f of failed) {
    console.error(`${f.dir}: not loaded (${f.problems.length} problem${f.problems.length === 1 ? "" : "s"})`);
    for (const p of f.problems) console.error(`  ${formatProblem(p)}`);
  }
  console.log(`${results.length} tenant(s) loaded, ${failed.length} failed`);
  return failed.length > 0 ? 1 : 0;
});
