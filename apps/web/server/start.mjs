// Production entry (`npm run serve`): runs the TypeScript server through tsx's ESM loader, because the
// workspace packages (@cong/config, @cong/db, @cong/core) are TypeScript sources.
import { register } from "tsx/esm/api";

register();
await import("./main.ts");
