// @cong/db: Cổng's database. Opening it (PGlite or a PostgreSQL server), SQL migrations, tenant-scoped
// transactions under row-level security, health, and loading tenant packs. Server-only.
// The unscoped owner client is reached through ./owner.server.ts (also "@cong/db/owner").
export { openDb } from "./open-db.ts";
export type { Db, OpenDbOptions, ScriptTx } from "./open-db.ts";
export { migrate, findMigrationsDir, checksum, inspectLogin, migrationStatus, assertMigrated } from "./migrate.ts";
export type { MigrateOptions, MigrateResult, Login, MigrationStatus } from "./migrate.ts";
export { withTenant, withPlatform, withOperator, isUuid, enterScope } from "./scoped.ts";
export type { Tx, Scope, ScopeOptions } from "./scoped.ts";
export { openUnitOfWork } from "./unit-of-work.ts";
export type { UnitOfWork, UnitOptions, UnitHooks } from "./unit-of-work.ts";
export { checkDb } from "./health.ts";
export type { DbHealth } from "./health.ts";
export { loadPack, seedTenants } from "./load-pack.ts";
export { writePack, packHash, canonicalJson } from "./write-pack.ts";
export type { WritePackOptions } from "./write-pack.ts";
export type { LoadResult, LoadStatus, SeedResult } from "./load-pack.ts";
export { checkPackConflicts } from "./pack-conflicts.server.ts";
export type { PackCheck } from "./pack-conflicts.server.ts";
export type {
  PrismaClient,
  Prisma,
  Tenant,
  TenantDomain,
  AdminLevel,
  AdminUnit,
  Agency,
  Section,
  SectionCategory,
  Duty,
  User,
  UserAgency,
  Session,
  AuthToken,
  AuditLog,
  Attachment,
  Item,
  ItemTranslation,
  ItemRevision,
  UpdateEvent,
  TenantDay,
  ClockEvent,
  DueInstance,
  Reminder,
} from "./generated/prisma/client.ts";
