// Vitest's global setup: the databases blocks of tests start from, prepared once per run on each backend
// before any test file runs (a migrated one; the HTTP tests' three seeded provinces) and removed after
// the run; blocks copy them (packages/db/src/testing/templates.ts). Runs outside the workers: it may not
// import Vitest itself, nor anything that does.
import type { TestProject } from "vitest/node";
import { migrate } from "@cong/db";
import { buildTemplates } from "@cong/db/testing/templates";
import { PROVINCES_TEMPLATE, seedProvinces } from "./apps/web/tests/http/provinces.ts";

export default async function setup(project: TestProject) {
  const templates = await buildTemplates([
    { name: "migrated", prepare: migrate },
    // seedProvinces migrates too: starting from the migrated copy saves a new database and its migrations.
    { name: PROVINCES_TEMPLATE, prepare: seedProvinces, from: "migrated" },
  ]);
  project.provide("congTemplates", templates.refs);
  return () => templates.dispose();
}
