// Test helpers for every package's database tests: both backends (PGlite and the PostgreSQL server) and
// small valid packs. Never imported by runtime code.
export { describeBackends, describeEach, backends, TEST_POSTGRES_URL, type Backend } from "./backends.ts";
export { fixturePack, fixturePackJson, fixtureUnits, tempTenantsDir, writeFixturePack, type FixtureOptions } from "./fixtures.ts";
export { inUnit, scopeFor, type ScopeId } from "./in-unit.ts";
export { createRuntimeLogin, type RuntimeLogin } from "./runtime-login.ts";
