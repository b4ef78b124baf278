// The end-to-end server: prepares the database (prepare-server.ts, with the owner's login), then starts
// the real server entry in this same process, so Playwright's SIGTERM reaches it. On a PostgreSQL server
// the server runs as the runtime login the preparation created, and the owner's URL is removed from its
// environment, as in production; the login is dropped when the process exits.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
const { runtimeLogin } = await import("./prepare-server.ts");
if (runtimeLogin) {
  delete process.env.DATABASE_OWNER_URL;
  process.on("exit", () => {
    // The server has closed its connections by now; "exit" handlers cannot wait, so a child does it.
    spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./drop-login.ts", import.meta.url)), runtimeLogin.name], {
      env: { ...process.env, DATABASE_OWNER_URL: runtimeLogin.ownerUrl },
      stdio: "inherit",
    });
  });
}
await import("../../server/main.ts");
