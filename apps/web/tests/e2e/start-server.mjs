// The end-to-end server: prepares the database (prepare-server.ts), then starts the real server entry in
// this same process, so Playwright's SIGTERM reaches it.
import { register } from "tsx/esm/api";

register();
await import("./prepare-server.ts");
await import("../../server/main.ts");
