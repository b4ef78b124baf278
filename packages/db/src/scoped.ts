// Tenant scoping: every query a request makes runs inside one interactive transaction that has
// switched to the runtime role cong_app and set app.tenant_id, so Postgres row-level security hides
// other tenants' rows even if the app has a bug. Transaction-local only (SET LOCAL, set_config(…, true)):
// a session-level SET would leak to the next user of a pooled connection.
import type { Db } from "./open-db.ts";
import type { Prisma } from "./generated/prisma/client.ts";

export type Tx = Prisma.TransactionClient;
export type ScopeOptions = { maxWait?: number; timeout?: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** Runs fn with the runtime role, seeing and writing only the rows of tenantId. */
export async function withTenant<T>(db: Db, tenantId: string, fn: (tx: Tx) => Promise<T>, options?: ScopeOptions): Promise<T> {
  if (!isUuid(tenantId)) throw new Error(`withTenant: tenant id must be a uuid, got ${JSON.stringify(tenantId)}`);
  return db.owner.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL ROLE cong_app");
    await tx.$queryRaw`select set_config('app.tenant_id', ${tenantId}, true), set_config('app.platform', '', true)`;
    return fn(tx);
  }, options);
}

/**
 * Runs fn with the runtime role and no tenant: reads tenant and tenant_domain (host lookup, the apex's
 * list of portals), sees no tenant-owned row and writes nothing.
 */
export async function withPlatform<T>(db: Db, fn: (tx: Tx) => Promise<T>, options?: ScopeOptions): Promise<T> {
  return db.owner.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL ROLE cong_app");
    // Transaction-local settings die with the transaction; clearing them says what this scope is.
    await tx.$queryRaw`select set_config('app.tenant_id', '', true), set_config('app.platform', '', true)`;
    return fn(tx);
  }, options);
}

/**
 * Runs fn with the runtime role in the platform console's scope (the apex host): no tenant, but the
 * platform operators' own rows (accounts, sessions, audit entries with no tenant) become visible.
 * Provinces' rows stay invisible.
 */
export async function withOperator<T>(db: Db, fn: (tx: Tx) => Promise<T>, options?: ScopeOptions): Promise<T> {
  return db.owner.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL ROLE cong_app");
    await tx.$queryRaw`select set_config('app.tenant_id', '', true), set_config('app.platform', 'on', true)`;
    return fn(tx);
  }, options);
}
