// @cong/config: zod schemas for the environment and the tenant config packs. Browser-safe: the file
// loader lives in ./load.server.ts.
export * from "./pack-schema.ts";
export * from "./pack-yaml.ts";
export * from "./calendar-date.ts";
export * from "./platform-hosts.ts";
export * from "./figure-schema.ts";
export * from "./map-schema.ts";
export * from "./boundaries.ts";
export * from "./place-schema.ts";
