// What the server entry hands every loader: the database, the parsed env, the site the Host reached
// (resolved once per request before Remix runs, docs/decisions/0004), the client's address, this
// response's CSP nonce and the process-wide services.
import type { Env } from "@cong/config/env";
import type { Jobs, Mailer, Storage, TenantSummary } from "@cong/core";
import type { DbHealth, UnitOfWork } from "@cong/db";

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
 * committed when the answer is ready; loaders and actions hand its tx to use cases. There is no database
 * handle here: a route cannot open a transaction or a scope of its own.
 */
export type CongLoadContext = {
  /** Readiness: can the database answer a trivial query soon (for /healthz; outside the unit of work). */
  health: () => Promise<DbHealth>;
  env: Env;
  site: Site;
  ip: string | null;
  nonce: string;
  services: Services;
  unit: UnitOfWork;
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends CongLoadContext {}
}
