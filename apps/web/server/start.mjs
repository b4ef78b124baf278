// The server's entry (`npm run serve`, and the systemd unit in production): runs the TypeScript server
// through tsx's ESM loader, because the workspace packages (@cong/config, @cong/db, @cong/core) are
// TypeScript sources. tsx is a dependency, so a production install (`npm ci --omit=dev`) has it
// (docs/decisions/0007).
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

// The app's tsconfig, wherever the process starts: server code imports the app's modules as "~/…".
register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("./main.ts");
