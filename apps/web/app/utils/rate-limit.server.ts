// Per-address attempt limits for sign-in and reset requests. Kept in this process's memory: with two
// instances an address gets twice the attempts, which is acceptable because the account lockout (kept in
// the database) is what stops guessing one account's password.
const WINDOW_MS = 10 * 60_000;
const MAX_KEYS = 10_000;

export class RateLimiter {
  private hits = new Map<string, number[]>();
  constructor(private readonly max: number, private readonly windowMs = WINDOW_MS) {}

  /** Counts an attempt; false when the key has used up its attempts in the window. */
  take(key: string, now = Date.now()): boolean {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.max) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    if (this.hits.size >= MAX_KEYS && !this.hits.has(key)) this.hits.clear();
    this.hits.set(key, recent);
    return true;
  }
}

const limiters = new Map<string, RateLimiter>();

/** The process's limiter for sign-ins, sized by SIGNIN_ATTEMPTS. */
export function signInLimiter(attempts: number): RateLimiter {
  let limiter = limiters.get(`signin:${attempts}`);
  if (!limiter) limiters.set(`signin:${attempts}`, (limiter = new RateLimiter(attempts)));
  return limiter;
}
export const resetLimiter = new RateLimiter(5);
