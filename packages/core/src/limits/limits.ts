// The attempt limits of the platform, in one place. Each counts attempts per key in a window; how a key
// is made (address, account and address) is up to the caller. Counted in the database (take-attempt.ts).

export type Limit = {
  /** Part of every key, so the same address has separate budgets for separate things. */
  name: string;
  /** Attempts allowed in a window. */
  max: number;
  /** The window, and the wait after the last allowed attempt of a used-up budget. */
  windowMs: number;
};

export const SIGN_IN_WINDOW_MS = 10 * 60_000;

/** Sign-ins per client address: SIGNIN_ATTEMPTS in 10 minutes, whatever the account. */
export function signInLimit(attempts: number): Limit {
  return { name: "sign-in/address", max: attempts, windowMs: SIGN_IN_WINDOW_MS };
}

/** "Forgot your password?" requests per client address: each may send a mail. */
export const RESET_REQUEST_LIMIT: Limit = { name: "reset-request/address", max: 5, windowMs: 10 * 60_000 };
