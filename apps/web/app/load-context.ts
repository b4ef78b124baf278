// What the server entry hands every loader: the database, the parsed env, the site the Host reached
// (resolved once per request before Remix runs, docs/decisions/0004), the client's address, this
// response's CSP nonce and the process-wide services.
import type { Env } from "@cong/config/env";
import type { Jobs, Mailer, Storage, TenantSummary } from "@cong/core";
import type { Db, UnitOfWork } from "@cong/db";

export type Site = { kind: "apex" } | { kind: "tenant"; tenant: TenantSummary } | { kind: "unknown"; host: string };

export type Services = {
  mailer: Mailer;
  /** Signs CSRF tokens; from SESSION_SECRET or generated once under DATA_DIR. */
  secret: string;
  outboxDir: string;
  /** Where attachments live: DATA_DIR/uploads, or S3-compatible storage. */
  storage: Storage;
  /** Background jobs: scheduled publishing, the deadline round. */
  jobs: Jobs;
};

/**
 * unit: the request's one transaction in its site's scope (docs/decisions/0011), opened on first use and
 * committed when the answer is ready; loaders and actions hand its tx to use cases. `db` remains for the
 * routes not yet moved to the unit (each of their use cases opens its own scope); a request uses one or
 * the other, never both (PGlite has one connection).
 */
export type CongLoadContext = { db: Db; env: Env; site: Site; ip: string | null; nonce: string; services: Services; unit: UnitOfWork };

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends CongLoadContext {}
}
