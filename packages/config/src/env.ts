// The process environment, parsed once at start. A bad value stops the process with the variable's
// name, never later in a request.
import { z } from "zod";

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** A PostgreSQL server (14+). Without it the embedded PGlite database under DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
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
  /** Sign-in attempts allowed per client address in 10 minutes (account lockout is separate). */
  SIGNIN_ATTEMPTS: z.coerce.number().int().min(1).max(100_000).default(20),
  /** How often scheduled items are checked for publishing, in seconds. */
  SCHEDULER_INTERVAL: z.coerce.number().int().min(1).max(3600).default(15),
})
  .superRefine((env, ctx) => {
    if (env.S3_ENDPOINT && !env.S3_BUCKET) ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "is required with S3_ENDPOINT" });
    if (env.S3_ENDPOINT && (!env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY))
      ctx.addIssue({ code: "custom", path: ["S3_ACCESS_KEY_ID"], message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required with S3_ENDPOINT" });
  });
export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}
