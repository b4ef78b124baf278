// What bench:data and bench share: the database, the sizes, the staff account the dashboard is measured
// with and the runtime login the production server uses.
export const DEFAULT_BENCH_URL = "postgres://postgres@127.0.0.1:5432/cong_bench";
export const benchDatabaseUrl = (): string => process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_URL;

export const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000_000);
export const DUE_INSTANCES = Number(process.env.BENCH_DUE_INSTANCES ?? 2_000_000);

/** The real packs under tenants/; the other provinces are derived from SOURCE_PACK. */
export const REAL_PACKS = ["quang-ninh", "nghe-an", "thanh-hoa"];
export const SOURCE_PACK = "quang-ninh";

/** A provincial admin of the measured province (the compliance dashboard needs a session). */
export const BENCH_TENANT = "quang-ninh";
export const BENCH_USER = { email: "bench-admin@quang-ninh.example.vn", password: "bench-password-not-secret-2025", role: "admin" } as const;

/** The server's login in production: a member of cong_app only (docs/decisions/0008). */
export const RUNTIME_LOGIN = "cong_bench_web";

/** A URL of the same server, another database or user. */
export function withDatabase(url: string, database: string, user?: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (user !== undefined) {
    u.username = user;
    u.password = "";
  }
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}
