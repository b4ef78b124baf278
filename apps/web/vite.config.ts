// Remix on Vite with every v3 future flag on. The workspace packages that reach the database stay
// external in the server build: the server entry runs them through tsx.
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// Server-only packages, run from source by the server entry (one copy shared with server/main.ts).
const serverPackages = /^@cong\/(core|db|config)(\/|$)/;

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths(),
  ],
  // The map island (docs/decisions/0013) is imported with `?worker&url`: Vite bundles it on its own, as an
  // ES module whose `import("maplibre-gl")` stays a separate chunk, and hands the page its URL.
  worker: { format: "es" as const },
  build: isSsrBuild ? { rollupOptions: { external: (id: string) => serverPackages.test(id) } } : {},
  server: { port: 5173 },
}));
