// Tests call use cases the way a request does: in a unit of work in a scope, committed when the work
// resolves and rolled back when it throws (or when asked to).
import type { Db } from "../open-db.ts";
import type { Scope, Tx } from "../scoped.ts";
import { openUnitOfWork, type UnitOfWork } from "../unit-of-work.ts";

/** A province's id, or null for the platform operators' console (the apex). */
export type ScopeId = string | null;

export function scopeFor(id: ScopeId | Scope): Scope {
  if (id === null) return { kind: "operator" };
  return typeof id === "string" ? { kind: "tenant", tenantId: id } : id;
}

export async function inUnit<T>(db: Db, scope: ScopeId | Scope, fn: (tx: Tx, unit: UnitOfWork) => Promise<T>, options: { commit?: boolean } = {}): Promise<T> {
  const unit = openUnitOfWork(db, scopeFor(scope));
  let result: T;
  try {
    result = await unit.run((tx) => fn(tx, unit));
  } catch (error) {
    await unit.finish(false);
    throw error;
  }
  await unit.finish(options.commit ?? true);
  return result;
}
