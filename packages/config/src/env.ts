// The process environment, parsed once at start. A bad value stops the process with the variable's
// name, never later in a request.
import { isIP } from "node:net";
import { z } from "zod";

/**
 * Which proxies may tell the app the client's address (X-Forwarded-For) and scheme (X-Forwarded-Proto),
 * in the values Express's "trust proxy" setting takes. Unset: none, the socket's peer is the client.
 */
export type TrustProxy = false | number | string[];

const PROXY_PRESETS = new Set(["loopback", "linklocal", "uniquelocal"]);
const TRUST_PROXY_HELP = "loopback, linklocal, uniquelocal, addresses or CIDR ranges separated by commas (e.g. 10.0.0.0/8, 192.168.1.5), or a hop count";

function isProxyEntry(entry: string): boolean {
  if (PROXY_PRESETS.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

export const trustProxySchema = z
  .string()
  .optional()
  .transform((value, ctx): TrustProxy => {
    const text = value?.trim() ?? "";
    if (text === "" || text === "false") return false;
    if (/^\d+$/.test(text)) {
      const hops = Number(text);
      if (hops <= 32) return hops === 0 ? false : hops;
    } else if (text === "true") {
      ctx.addIssue({ code: "custom", message: `"true" would believe any client's X-Forwarded-For; name the proxies instead: ${TRUST_PROXY_HELP}` });
      return z.NEVER;
    } else {
      const entries = text.split(",").map((e) => e.trim().toLowerCase());
      const bad = entries.filter((e) => !isProxyEntry(e));
      if (bad.length === 0) return entries;
      ctx.addIssue({ code: "custom", message: `${bad.map((b) => JSON.stringify(b)).join(", ")} is not a proxy; expected ${TRUST_PROXY_HELP}` });
      return z.NEVER;
    }
    ctx.addIssue({ code: "custom", message: `expected ${TRUST_PROXY_HELP} (at most 32 hops)` });
    return z.NEVER;
  });

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /**
   * A PostgreSQL server (14+): the login the server uses for requests. In production a role that is a
   * member of cong_app only (infra/postgres/README.md). Without it the embedded PGlite database under
   * DATA_DIR is used (one user: the demo and development database).
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  /**
   * The owner's login (superuser or BYPASSRLS, owns the tables), for db:migrate, db:seed, tenant:add and
   * user:create. Defaults to DATABASE_URL (development: one superuser URL does everything). The server
   * never uses it.
   */
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL (the owner's login, used by db:migrate, db:seed, tenant:add and user:create)")
    .optional(),
  /** Where the embedded database, uploads and the mail outbox live. */
  DATA_DIR: z.string().default(".data"),
  /** The platform's apex host: tenants are served on <slug>.<PLATFORM_DOMAIN> and on their own domains. */
  PLATFORM_DOMAIN: z
    .string()
    .toLowerCase()
    .regex(/^[a-z0-9.-]+$/, "must be a host name such as localhost or cong.gov.vn")
    .default("localhost"),
  /** Where the tenant config packs are read from when seeding. */
  TENANTS_DIR: z.string().default("tenants"),
  /**
   * Signs CSRF tokens. Required in production; elsewhere one is generated once and kept under DATA_DIR,
   * so sessions and open forms survive a restart.
   */
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -hex 32)").optional(),
  /** Outgoing mail, e.g. smtp://user:pass@mail.example.vn:587. Without it mail goes to DATA_DIR/outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().default("Cổng <no-reply@localhost>"),
  /**
   * Attachments go to S3-compatible storage (MinIO, Ceph, AWS…) when S3_ENDPOINT and S3_BUCKET are set,
   * otherwise to DATA_DIR/uploads on local disk.
   */
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://s3.example.vn" }).optional(),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be an S3 bucket name").optional(),
  S3_REGION: z.string().default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /**
   * The reverse proxies trusted to report the client's address and scheme (X-Forwarded-For/-Proto), e.g.
   * "loopback" behind the nginx of infra/nginx. Unset: no proxy is trusted and the socket's peer is the
   * client, so nobody can pick the address the sign-in limits count by sending a header.
   */
  TRUST_PROXY: trustProxySchema,
  /** Sign-in attempts allowed per client address in 10 minutes (account lockout is separate). */
  SIGNIN_ATTEMPTS: z.coerce.number().int().min(1).max(100_000).default(20),
  /** Memory for the app's cache of complete public pages, in MB (0: no cache; docs/decisions/0011). */
  PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  /** How often scheduled items are checked for publishing, in seconds. */
  SCHEDULER_INTERVAL: z.coerce.number().int().min(1).max(3600).default(15),
})
  .superRefine((env, ctx) => {
    if (env.S3_ENDPOINT && !env.S3_BUCKET) ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "is required with S3_ENDPOINT" });
    if (env.S3_ENDPOINT && (!env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY))
      ctx.addIssue({ code: "custom", path: ["S3_ACCESS_KEY_ID"], message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required with S3_ENDPOINT" });
  });
export type Env = z.infer<typeof envSchema>;

/**
 * A problem with the server's database settings, if any: the server logs in with DATABASE_URL only, so an
 * owner URL without it would start the server on an empty embedded database. (The operator commands may
 * be given DATABASE_OWNER_URL alone.)
 */
export function serverDatabaseProblem(env: Pick<Env, "DATABASE_URL" | "DATABASE_OWNER_URL">): string | undefined {
  if (env.DATABASE_OWNER_URL && !env.DATABASE_URL)
    return "Invalid environment:\n  DATABASE_URL: is required with DATABASE_OWNER_URL: the server logs in with DATABASE_URL (its runtime login) and never with the owner's";
  return undefined;
}

/** The database URL the operator commands use: the owner's login, or DATABASE_URL when it is the owner too. */
export function ownerDatabaseUrl(env: Pick<Env, "DATABASE_URL" | "DATABASE_OWNER_URL">): string | undefined {
  return env.DATABASE_OWNER_URL ?? env.DATABASE_URL;
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}
