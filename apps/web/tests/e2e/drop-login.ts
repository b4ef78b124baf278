// Run by start-server.mjs when the end-to-end server exits: drops the runtime login prepare-server.ts
// created (roles are cluster-wide and outlive the test database). Arguments: the role's name; the owner's
// URL comes in DATABASE_OWNER_URL.
import { openDb } from "@cong/db";

const [name] = process.argv.slice(2);
if (!name || !process.env.DATABASE_OWNER_URL) throw new Error("usage: DATABASE_OWNER_URL=postgres://… drop-login.ts <role>");
const db = await openDb({ databaseUrl: process.env.DATABASE_OWNER_URL });
try {
  const { rows } = await db.executeSql("select format('drop role if exists %I', $1::text) as sql", [name]);
  await db.executeSql(String(rows[0]!.sql));
} finally {
  await db.close();
}
