// What the server entry hands every loader: the database, the parsed env and the site the Host reached,
// resolved once per request before Remix runs (docs/decisions/0004).
import type { Env } from "@cong/config/env";
import type { TenantSummary } from "@cong/core";
import type { Db } from "@cong/db";

export type Site = { kind: "apex" } | { kind: "tenant"; tenant: TenantSummary } | { kind: "unknown"; host: string };

export type CongLoadContext = { db: Db; env: Env; site: Site };

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends CongLoadContext {}
}
