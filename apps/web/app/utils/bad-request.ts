// The refusals of utils/form.server.ts as the admin's pages and the upload endpoint word them: each code
// names a message key of the "request" area; a limit is shown in KB or MB. Shared by server and client.
export type BadRequestCode = "method" | "content-type" | "too-large" | "malformed" | "nul";
export type BadRequest = { reason: "bad-request"; code: BadRequestCode; field?: string; limit?: number };

const KEYS: Record<BadRequestCode, string> = {
  method: "request.method",
  "content-type": "request.contentType",
  "too-large": "request.tooLarge",
  malformed: "request.malformed",
  nul: "request.nul",
};

export function badRequestKey(code: string | undefined): string {
  return KEYS[code as BadRequestCode] ?? KEYS.malformed;
}

export function formatBytes(bytes: number, lang: string): string {
  const mb = bytes >= 1024 * 1024;
  const value = Math.round(bytes / (mb ? 1024 * 1024 : 1024));
  return `${new Intl.NumberFormat(lang).format(value)} ${mb ? "MB" : "KB"}`;
}

/** The message's values for a refusal: the field's name and the limit as a person reads it. */
export function badRequestValues(refusal: { field?: string; limit?: number }, lang: string): { field: string; limit: string } {
  return { field: refusal.field ?? "", limit: formatBytes(refusal.limit ?? 0, lang) };
}
