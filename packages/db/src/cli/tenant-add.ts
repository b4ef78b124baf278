// `npm run tenant:add -- tenants/<slug>`: validates one pack (alone, against the other packs in its
// folder, and against the tenants already in the database) and loads it. Nothing is loaded when any
// problem is found.
import path from "node:path";
import { formatProblem } from "@cong/config/load";
import { checkPackConflicts } from "../pack-conflicts.server.ts";
import { loadPack } from "../load-pack.ts";
import { runCli } from "./run.server.ts";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: npm run tenant:add -- tenants/<slug>");
  process.exit(1);
}

await runCli("tenant:add", async ({ env, db }) => {
  const check = await checkPackConflicts(db, path.resolve(dir), { platformDomain: env.PLATFORM_DOMAIN });
  if (!check.ok) {
    console.error(`${dir}: not loaded (${check.problems.length} problem${check.problems.length === 1 ? "" : "s"})`);
    for (const p of check.problems) console.error(`  ${formatProblem(p)}`);
    return 1;
  }
  const result = await loadPack(db, check.loaded);
  console.log(`${result.slug}: ${result.status}`);
  return 0;
});
