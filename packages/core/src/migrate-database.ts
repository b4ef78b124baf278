// Brings the whole database up to date, as the owner: the SQL migrations (@cong/db), then the job queue's
// storage (pg-boss). `npm run db:migrate` and the server's start with an owner login run exactly this; a
// runtime login never does (docs/decisions/0008).
import { migrate, type Db, type MigrateResult } from "@cong/db";
import { prepareJobs } from "./jobs/prepare-jobs.ts";

export type DatabaseMigration = MigrateResult & { queues: string[] };

export async function migrateDatabase(db: Db): Promise<DatabaseMigration> {
  const migrated = await migrate(db);
  const queues = await prepareJobs(db);
  return { ...migrated, queues };
}
