// `npm run db:migrate`: brings the database of the owner's login (DATABASE_OWNER_URL, else DATABASE_URL,
// else the embedded PGlite) up to date: the SQL migrations, then the job queue's tables, granted to the
// runtime role. Run it before starting a new version of the server.
import { runCli } from "@cong/db/cli";
import { QUEUES } from "../jobs/start-jobs.ts";
import { migrateDatabase } from "../migrate-database.ts";

await runCli(
  "db:migrate",
  async () => {
    console.log(`db:migrate: job queues ready for the runtime role cong_app: ${Object.values(QUEUES).join(", ")}`);
    return 0;
  },
  { migrate: migrateDatabase },
);
