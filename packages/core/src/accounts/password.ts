// Passwords: argon2id (OWASP's first choice) with the library's defaults (19 MiB, 2 passes), and a
// policy after NIST SP 800-63B: long enough, not common, not the account's own name or address; no
// composition rules, which push people to predictable patterns.
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

const ARGON2ID = 2; // @node-rs/argon2's Algorithm.Argon2id (a const enum, unusable under isolatedModules)

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Without a hash (unknown account, invitation not accepted) the same work is done against a dummy,
  // so the time taken does not reveal whether the account exists.
  const target = passwordHash ?? (await dummyHash());
  const ok = await verify(target, password).catch(() => false);
  return passwordHash !== null && ok;
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword("cong-dummy-password-for-timing");
  return dummy;
}

export const PASSWORD_MIN = 12;
const COMMON = new Set([
  "123456789012", "1234567890123", "password1234", "passwordpassword", "qwertyuiop12", "matkhau12345", "matkhau123456",
  "abc123456789", "111111111111", "admin1234567", "administrator", "congthongtin", "congthongtin1", "vietnam12345",
]);

/** The password rule; messages are i18n keys the app translates. */
export function passwordSchema(context: { email?: string; name?: string } = {}) {
  return z
    .string()
    .min(PASSWORD_MIN, "errors.passwordTooShort")
    .max(256, "errors.passwordTooLong")
    .refine((p) => new Set(p).size >= 4, "errors.passwordTooSimple")
    .refine((p) => !COMMON.has(p.toLowerCase()), "errors.passwordCommon")
    .refine((p) => {
      const lower = p.toLowerCase();
      const local = context.email?.split("@")[0]?.toLowerCase();
      const name = context.name?.toLowerCase().replace(/\s+/g, "");
      return !(local && local.length >= 4 && lower.includes(local)) && !(name && name.length >= 4 && lower.includes(name));
    }, "errors.passwordPersonal");
}

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "errors.emailInvalid")
  .pipe(z.email("errors.emailInvalid"));
