// Test helpers for every package's database tests: both backends (PGlite and the PostgreSQL server) and
// small valid packs. Never imported by runtime code.
export { backends, TEST_POSTGRES_URL, type Backend, type Created, type TemplateRef } from "./backends.ts";
export { createPrepared, describeBackends, describeEach } from "./describe.ts";
export { buildTemplates, type Templates, type TemplateSpec } from "./templates.ts";
export { fixturePack, fixturePackJson, fixtureUnits, tempTenantsDir, writeFixturePack, type FixtureOptions } from "./fixtures.ts";
export { inUnit, scopeFor, type ScopeId } from "./in-unit.ts";
export { createRuntimeLogin, type RuntimeLogin } from "./runtime-login.ts";
