// `npm run tenant:check -- tenants/<slug> ...`: validates config packs before they are deployed or
// seeded, so a broken pack is caught in review rather than by a citizen. Exits 1 on any problem.
import path from "node:path";
import { envSchema } from "../env.ts";
import { formatProblem, readAllPacks } from "../load.server.ts";
import type { PackProblem } from "../load.server.ts";

const DEFAULT_TENANTS_DIR = "tenants";

async function main(args: string[]): Promise<number> {
  const dirs = args.length > 0 ? args.map((d) => d.replace(/[\\/]+$/, "")) : [];
  // Duplicate slugs and domains only show up against the other packs, so every check reads the
  // whole tenants folder and then reports on the folders asked for.
  const parents = args.length > 0 ? [...new Set(dirs.map((d) => path.dirname(d)))] : [DEFAULT_TENANTS_DIR];
  const wanted = new Set(dirs.map((d) => path.resolve(d)));

  // The hosts under the platform's domain are the platform's: checked against PLATFORM_DOMAIN as the
  // server would read it (localhost when unset), so a pack that passes here loads there.
  const platformDomain = envSchema.shape.PLATFORM_DOMAIN.safeParse(process.env.PLATFORM_DOMAIN);
  if (!platformDomain.success) {
    console.error(`PLATFORM_DOMAIN: ${platformDomain.error.issues[0]?.message ?? "invalid"}`);
    return 1;
  }
  const results: { dir: string; problems: PackProblem[] }[] = [];
  for (const parent of parents) {
    const { loaded, failed } = await readAllPacks(parent, { platformDomain: platformDomain.data });
    results.push(...loaded.map((l) => ({ dir: l.dir, problems: [] })), ...failed);
  }
  const shown = args.length > 0 ? results.filter((r) => wanted.has(path.resolve(r.dir))) : results;
  for (const dir of wanted) {
    if (!shown.some((r) => path.resolve(r.dir) === dir))
      shown.push({ dir: path.relative(process.cwd(), dir), problems: [{ file: path.relative(process.cwd(), dir), path: "", message: "not a pack folder" }] });
  }
  shown.sort((a, b) => a.dir.localeCompare(b.dir));

  let bad = 0;
  for (const { dir, problems } of shown) {
    if (problems.length === 0) console.log(`✓ ${dir}`);
    else {
      bad++;
      for (const p of problems) console.error(formatProblem(p));
    }
  }
  if (shown.length === 0) {
    console.error(`no packs found under ${parents.join(", ")}`);
    return 1;
  }
  return bad > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
