// `npm run db:migrate`: applies pending SQL migrations to the database named by the environment.
import { runCli } from "./run.server.ts";

await runCli("db:migrate", async () => 0);
