// Generates the Prisma client after every install, development or production (`npm ci --omit=dev`):
// the Prisma CLI is a dependency of @cong/db for that reason (docs/decisions/0008). Prisma's CLI insists
// on a schema engine binary that cannot be downloaded offline; `generate` never runs it, so any existing
// file satisfies the check.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const cli = "node_modules/prisma/build/index.js";
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = "/bin/false";
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
if (!existsSync("prisma/schema.prisma")) process.exit(0);
if (!existsSync(cli)) {
  console.error(`prisma-generate: ${cli} is missing. The Prisma CLI is a dependency of @cong/db; reinstall with \`npm ci\` (or \`npm ci --omit=dev\`).`);
  process.exit(1);
}
execFileSync(process.execPath, [cli, "generate", "--schema", "prisma/schema.prisma"], {
  stdio: "inherit",
  env,
});
