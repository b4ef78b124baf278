// Counts an attempt against a limit, in the database, so that every app instance shares one budget: one
// call of the SQL function take_attempt (migration 20261128100000_rate_limits) per attempt, atomic under
// concurrency. The runtime role can call it but cannot read or clear the counters otherwise.
import type { Tx } from "@cong/db";
import type { FieldErrors } from "../validation.ts";
import { attemptKey } from "./attempt-key.ts";
import { clientAddress } from "./client-address.ts";
import type { Limit } from "./limits.ts";

/** retryAfter: whole seconds until an attempt is allowed again when refused, else 0. */
export type Attempt = { allowed: boolean; remaining: number; retryAfter: number };
export type TakeAttemptResult =
  | { ok: true; value: { remaining: number } }
  /** retryAfter: whole seconds until an attempt is allowed again (for Retry-After). */
  | { ok: false; errors: FieldErrors; retryAfter: number };

export type TakeAttemptOptions = {
  tx: Tx;
  /** The server secret the keys are made with (SESSION_SECRET or the generated one). */
  secret: string;
  limit: Limit;
  /** The client's address as the server sees it (trusted proxies already applied). */
  ip: string | null;
};

/** Counts one attempt from the client's address; refused with errors.tooManyAttempts once the budget is used. */
/** Counted in the request's transaction: a request that fails (5xx) and rolls back does not count. */
export async function takeAttempt({ tx, secret, limit, ip }: TakeAttemptOptions): Promise<TakeAttemptResult> {
  const key = attemptKey(secret, limit.name, [clientAddress(ip)]);
  const attempt = await countAttempt(tx, key, limit);
  if (attempt.allowed) return { ok: true, value: { remaining: attempt.remaining } };
  return { ok: false, errors: { form: ["errors.tooManyAttempts"] }, retryAfter: attempt.retryAfter };
}

/**
 * The building block for use cases that count inside their own transaction (as cong_app). Time is the
 * database's clock, the one clock every app instance shares.
 */
export async function countAttempt(tx: Tx, key: Uint8Array, limit: Limit): Promise<Attempt> {
  const [row] = await tx.$queryRaw<{ allowed: boolean; remaining: number; retry_after: number }[]>`
    select allowed, remaining, retry_after
    from take_attempt(${key}, ${limit.max}::int, ${limit.windowMs}::float8 * interval '1 millisecond')`;
  if (!row) throw new Error("take_attempt returned no row");
  return { allowed: row.allowed, remaining: row.remaining, retryAfter: row.retry_after };
}

/** Forgets one key's attempts. */
export async function clearAttempts(tx: Tx, key: Uint8Array): Promise<void> {
  await tx.$executeRaw`select clear_attempts(${key})`;
}
