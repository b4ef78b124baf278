// Generates the Prisma client after install. Prisma's CLI insists on a schema engine binary that
// cannot be downloaded offline; `generate` never runs it, so any existing file satisfies the check.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = "/bin/false";
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
if (!existsSync("prisma/schema.prisma")) process.exit(0);
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate", "--schema", "prisma/schema.prisma"], {
  stdio: "inherit",
  env,
});
