// The key a counter is stored under: HMAC-SHA256 with the server secret of the limit's name and what is
// counted (an address, an account and an address). Addresses and accounts are personal data; the table
// holds only these digests, which cannot be turned back into an address without the secret (a plain
// hash of an IPv4 address could: there are only 2^32 of them).
import { createHmac } from "node:crypto";

export function attemptKey(secret: string, name: string, parts: readonly string[]): Uint8Array {
  // JSON keeps ("a,b", "c") and ("a", "b,c") apart.
  return createHmac("sha256", secret).update(JSON.stringify(["cong/attempt", name, ...parts])).digest();
}
