// The item editor's form as the save use case wants it: dotted field names ("translations.vi.title",
// "doc.number") become nested input, and the chosen files are handed to the save with it.
import type { AppLoadContext } from "@remix-run/node";
import { itemFormLimit, UPLOAD_FIELDS, UPLOAD_LIMITS, type FieldErrors, type IncomingFile } from "@cong/core";
import { KB, readForm } from "~/utils/form.server";
import type { SectionDoor } from "~/utils/section-access.server";

/** The rich-text editor's image upload: one image and the token. */
export const IMAGE_UPLOAD_LIMIT = UPLOAD_LIMITS.image + 64 * KB;

export function readItemForm(request: Request, context: AppLoadContext, door: SectionDoor): Promise<FormData> {
  return readForm(request, context, { maxBytes: itemFormLimit(door.section.kind) });
}

export function nestedInput(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("_") || key === "intent") continue;
    const parts = key.split(".");
    if (parts.some((p) => p === "__proto__" || p === "constructor" || p === "prototype")) continue;
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = value;
  }
  return out;
}

/**
 * The files the editor chose and the attachment ids the form keeps. Nothing is stored here: the files go
 * to saveItem, which stores them with the item or not at all. Ticking "remove" clears the kept id.
 */
export async function readUploads(form: FormData): Promise<{ uploads: { cover?: IncomingFile; file?: IncomingFile }; kept: { coverId: string; fileId: string } }> {
  const uploads: { cover?: IncomingFile; file?: IncomingFile } = {};
  const kept = { coverId: "", fileId: "" };
  for (const [slot, idField] of [["cover", "coverId"], ["file", "fileId"]] as const) {
    const id = form.get(idField);
    if (typeof id === "string" && form.get(`remove.${idField}`) !== "on") kept[idField] = id;
    const file = form.get(UPLOAD_FIELDS[slot]);
    if (file instanceof File && file.size > 0) uploads[slot] = { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
  }
  return { uploads, kept };
}

/**
 * A refused save's errors as the form shows them. A chosen file that was fine was not kept either (the
 * save is all or nothing, and a browser cannot refill a file field): its field asks for it again.
 */
export function refusedUploads(errors: FieldErrors, uploads: { cover?: IncomingFile; file?: IncomingFile }): FieldErrors {
  const out = { ...errors };
  for (const slot of ["cover", "file"] as const) {
    const field = UPLOAD_FIELDS[slot];
    if (uploads[slot] && !out[field]) out[field] = ["errors.fileNotKept"];
  }
  return out;
}
