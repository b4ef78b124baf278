// The server's entry (`npm run serve`, and the systemd unit in production): runs the TypeScript server
// through tsx's ESM loader, because the workspace packages (@cong/config, @cong/db, @cong/core) are
// TypeScript sources. tsx is a dependency, so a production install (`npm ci --omit=dev`) has it
// (docs/decisions/0008).
import { register } from "tsx/esm/api";

register();
await import("./main.ts");
