// Readiness check for the health endpoint and the CLIs: can the database answer a trivial query soon.
import type { Db } from "./open-db.ts";

export type DbHealth = { ok: true } | { ok: false; error: string };

/** Strips credentials from anything that looks like a connection URL or a password setting. */
export function redact(message: string): string {
  return message
    .replace(/(postgres(?:ql)?:\/\/)[^@\s/]*@/gi, "$1***@")
    .replace(/(password\s*[=:]\s*)\S+/gi, "$1***");
}

export async function checkDb(db: Db, options: { timeoutMs?: number } = {}): Promise<DbHealth> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db.owner.$queryRaw`select 1`, timeout]);
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const firstLine = message.split("\n").find((l) => l.trim() !== "") ?? "unknown error";
    return { ok: false, error: `${db.kind} database unavailable: ${redact(firstLine.trim())}` };
  } finally {
    clearTimeout(timer);
  }
}
