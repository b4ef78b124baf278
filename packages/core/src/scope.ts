// The one way use cases reach the database for a request: a province's rows (tenantId) or, on the
// apex, the platform operators' rows (null). Both run as cong_app under row-level security.
import { withOperator, withTenant, type Db, type Tx } from "@cong/db";

export type Scope = string | null;

export function inScope<T>(db: Db, tenantId: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return tenantId === null ? withOperator(db, fn) : withTenant(db, tenantId, fn);
}
