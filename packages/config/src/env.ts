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
