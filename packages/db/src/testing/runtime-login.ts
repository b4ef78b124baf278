// Test helper: the production server's kind of login for a database on the PostgreSQL server: a new role
// that may log in and is a member of cong_app only (no superuser, no BYPASSRLS, owns nothing), as
// infra/postgres/README.md tells a DBA to create. Roles are cluster-wide: drop() removes it again.
import { randomBytes } from "node:crypto";
import { onServer, TEST_POSTGRES_URL } from "./backends.ts";

export type RuntimeLogin = { name: string; url: string; drop(): Promise<void> };

/** Creates a runtime login and returns databaseUrl with its credentials. cong_app must exist (migrated once). */
export async function createRuntimeLogin(databaseUrl: string, adminUrl = TEST_POSTGRES_URL): Promise<RuntimeLogin> {
  const name = `cong_test_web_${randomBytes(5).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  await onServer(`create role ${name} login password '${password}' nosuperuser nobypassrls nocreatedb nocreaterole inherit in role cong_app`, adminUrl);
  const url = new URL(databaseUrl);
  url.username = name;
  url.password = password;
  return {
    name,
    url: url.toString(),
    drop: () => onServer(`drop role if exists ${name}`, adminUrl),
  };
}
