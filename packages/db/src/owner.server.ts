// The one door to the unscoped database client (CONVENTIONS rule 5): migrations, seeding and the
// operator commands (opened with the owner's login, DATABASE_OWNER_URL) import it from here, so every
// unscoped access is easy to find. Request code gets a scoped transaction from withTenant/withPlatform/
// withOperator instead; in production the server's login is not the owner at all (docs/decisions/0008).
import type { Db } from "./open-db.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";

/** The owner client: sees and writes every tenant's rows. Not for request handlers. */
export function ownerClient(db: Db): PrismaClient {
  return db.owner;
}

export { openDb } from "./open-db.ts";
export type { Db, OpenDbOptions } from "./open-db.ts";
