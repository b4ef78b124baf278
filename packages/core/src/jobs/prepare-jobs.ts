// Prepares the job queue's storage, as the owner: `npm run db:migrate`, and the server's start when its
// login is the owner (embedded database, development). pg-boss creates or upgrades its schema, each queue
// gets its table, and the runtime role cong_app may read and write their rows: no DDL. The server's
// runtime login then starts pg-boss without migrating anything (start-jobs.ts, docs/decisions/0008).
import type { Db } from "@cong/db";
import PgBoss from "pg-boss";
import { QUEUES } from "./start-jobs.ts";

// Two owners preparing at once (two instances starting) take turns: concurrent GRANTs on one object fail.
const GRANTS = `
  BEGIN;
  SELECT pg_advisory_xact_lock(7020251128);
  GRANT USAGE ON SCHEMA pgboss TO cong_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO cong_app;
  COMMIT;`;

/** Creates or upgrades pg-boss's schema and the queues, and grants the runtime role their rows. */
export async function prepareJobs(db: Db): Promise<string[]> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => db.executeSql(text, values) },
    schema: "pgboss",
    migrate: true,
    supervise: false,
    schedule: false,
  });
  boss.on("error", () => {}); // start() and createQueue() reject with the same error
  await boss.start();
  try {
    for (const name of Object.values(QUEUES)) if (!(await boss.getQueue(name))) await boss.createQueue(name);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  await db.executeSql(GRANTS);
  return Object.values(QUEUES);
}
