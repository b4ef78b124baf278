// Every action reads its form through here, and a form that cannot be taken is refused before any
// write: the method and content type first, then the CSRF cookie (no cookie, no reading), then the body
// under the route's size limit while it streams (Content-Length is not trusted, chunked bodies count
// too), then the token, then every text value (NUL refused naming its field, other control characters
// dropped, NFC). Each refusal is a 4xx the admin's error page explains in the page language.
import { data, type AppLoadContext } from "@remix-run/node";
import type { BadRequest, BadRequestCode } from "~/utils/bad-request";
import { csrfCookieValid, csrfValid, CSRF_FIELD } from "~/utils/csrf.server";

export const KB = 1024;
export const MB = 1024 * KB;

/** What a plain admin form may weigh: its fields with room to spare, no files. */
export const FORM_LIMIT = 256 * KB;
/** Sign-in, password links and the like: a few fields. */
export const SMALL_FORM_LIMIT = 16 * KB;
/** A tenant pack pasted or uploaded for import (YAML with the admin units' references). */
export const PACK_LIMIT = 4 * MB;


function refuse(status: number, code: BadRequestCode, extra: Omit<BadRequest, "reason" | "code"> = {}, headers?: HeadersInit): never {
  throw data<BadRequest>({ reason: "bad-request", code, ...extra }, { status, headers });
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

export type ReadFormOptions = {
  /** The most bytes this route's form may carry (FORM_LIMIT unless the route says otherwise). */
  maxBytes?: number;
};

export async function readForm(request: Request, context: AppLoadContext, options: ReadFormOptions = {}): Promise<FormData> {
  const maxBytes = options.maxBytes ?? FORM_LIMIT;
  // Forms are posted; other methods reach an action only from scripts or probes.
  if (request.method !== "POST") refuse(405, "method", {}, { Allow: "GET, HEAD, POST" });
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) refuse(415, "content-type");
  // Without the CSRF cookie no token can match: refuse before reading a byte of the body.
  if (!csrfCookieValid(request)) throw data({ reason: "csrf" as const }, { status: 403 });
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) refuse(413, "too-large", { limit: maxBytes });
  if (!request.body) refuse(400, "malformed");
  // A body that may be large (a file) can take a slow client minutes to send: what the request did so
  // far (the sign-in check) is committed first, so no transaction stays open while it arrives.
  if (maxBytes > FORM_LIMIT) await context.unit.checkpoint();

  const form = await parseLimited(request, type, maxBytes);
  if (!csrfValid(request, context, form.get(CSRF_FIELD))) throw data({ reason: "csrf" as const }, { status: 403 });
  return cleanForm(form);
}

// Parses the body through a counter that fails the stream once it passes maxBytes.
async function parseLimited(request: Request, type: string, maxBytes: number): Promise<FormData> {
  let seen = 0;
  let over = false;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > maxBytes) {
        over = true;
        controller.error(new Error("request body over its limit"));
        return;
      }
      controller.enqueue(chunk);
    },
  });
  const limited = new Request(request.url, {
    method: "POST",
    headers: request.headers,
    body: request.body!.pipeThrough(counter),
    // Node's fetch needs this for a streamed body.
    duplex: "half",
  } as RequestInit);
  try {
    return await limited.formData();
  } catch {
    if (over) refuse(413, "too-large", { limit: maxBytes });
    refuse(400, "malformed");
  }
}

// Characters a text field may not keep: NUL cannot be stored (PostgreSQL refuses it) and is refused with
// the field's name; the other C0 controls but tab, line feed and carriage return, DEL and the C1 controls
// are invisible, break XML feeds and are dropped. Text is kept in NFC (TCVN 6909:2011).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const DROPPED = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function cleanText(value: string): string {
  return value.replace(DROPPED, "").normalize("NFC");
}

function cleanForm(form: FormData): FormData {
  const clean = new FormData();
  for (const [key, value] of form.entries()) {
    if (key.includes("\0")) refuse(400, "nul", { field: key.replaceAll("\0", "") });
    if (typeof value === "string") {
      if (value.includes("\0")) refuse(400, "nul", { field: cleanText(key) });
      clean.append(cleanText(key), cleanText(value));
    } else {
      clean.append(cleanText(key), value, cleanText(value.name));
    }
  }
  return clean;
}

/** A text field, trimmed; absent or empty is "". */
export function text(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === "string" ? v.trim() : "";
}

/** Every value of a repeated field (checkboxes, multi-selects). */
export function all(form: FormData, name: string): string[] {
  return form.getAll(name).filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim());
}
