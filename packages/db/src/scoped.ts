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

/** Which rows a transaction may see: one province's, the platform operators' (the apex), or none. */
export type Scope = { kind: "tenant"; tenantId: string } | { kind: "operator" } | { kind: "platform" };

/**
 * Switches an open transaction to the runtime role and the scope's settings: the one place a scope is
 * entered, for the helpers below and for a request's unit of work (unit-of-work.ts).
 */
export async function enterScope(tx: Tx, scope: Scope): Promise<void> {
  if (scope.kind === "tenant" && !isUuid(scope.tenantId)) throw new Error(`scope: tenant id must be a uuid, got ${JSON.stringify(scope.tenantId)}`);
  await tx.$executeRawUnsafe("SET LOCAL ROLE cong_app");
  const tenantId = scope.kind === "tenant" ? scope.tenantId : "";
  const platform = scope.kind === "operator" ? "on" : "";
  // Transaction-local settings die with the transaction; clearing them says what this scope is.
  await tx.$queryRaw`select set_config('app.tenant_id', ${tenantId}, true), set_config('app.platform', ${platform}, true)`;
}

async function inScope<T>(db: Db, scope: Scope, fn: (tx: Tx) => Promise<T>, options?: ScopeOptions): Promise<T> {
  if (scope.kind === "tenant" && !isUuid(scope.tenantId)) throw new Error(`withTenant: tenant id must be a uuid, got ${JSON.stringify(scope.tenantId)}`);
  return db.owner.$transaction(async (tx) => {
    await enterScope(tx, scope);
    return fn(tx);
  }, options);
}

/** Runs fn with the runtime role, seeing and writing only the rows of tenantId. */
export function withTenant<T>(db: Db, tenantId: string, fn: (tx: Tx) => Promise<T>, options?: ScopeOptions): Promise<T> {
  return inScope(db, { kind: "tenant", tenantId }, fn, options);
}

/**
 * Runs fn with the runtime role and no tenant: reads tenant and tenant_domain (host lookup, the apex's
 * list of portals), sees no tenant-owned row and writes nothing.
 */
export function withPlatform<T>(db: Db, fn: (tx: Tx) => Promise<T>, options?: ScopeOptions): Promise<T> {
  return inScope(db, { kind: "platform" }, fn, options);
}

/**
 * Runs fn with the runtime role in the platform console's scope (the apex host): no tenant, but the
 * platform operators' own rows (accounts, sessions, audit entries with no tenant) become visible.
 * Provinces' rows stay invisible.
 */
export function withOperator<T>(db: Db, fn: (tx: Tx) => Promise<T>, options?: ScopeOptions): Promise<T> {
  return inScope(db, { kind: "operator" }, fn, options);
}
