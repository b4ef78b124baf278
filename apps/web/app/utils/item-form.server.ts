// The item editor's form as the save use case wants it: dotted field names ("translations.vi.title",
// "doc.number") become nested input, and uploaded files are checked and stored first (by content, not
// name); a refused file is reported on its own field.
import type { AppLoadContext } from "@remix-run/node";
import { itemFormLimit, uploadAttachment, UPLOAD_LIMITS, type FieldErrors, type UploadPurpose } from "@cong/core";
import { auditActor } from "~/utils/actor.server";
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

/** Stores the uploaded cover and file, if any, and returns their ids (or the kept ones) with any refusal. */
export async function storeUploads(form: FormData, door: SectionDoor, context: AppLoadContext, kind: string) {
  const errors: FieldErrors = {};
  const ids: { coverId?: string; fileId?: string } = {};
  const slots: { input: string; idField: "coverId" | "fileId"; purpose: UploadPurpose }[] = [
    { input: "coverUpload", idField: "coverId", purpose: "image" },
    { input: "fileUpload", idField: "fileId", purpose: kind === "video" ? "video" : "document" },
  ];
  for (const slot of slots) {
    const kept = form.get(slot.idField);
    if (typeof kept === "string" && kept && form.get(`remove.${slot.idField}`) !== "on") ids[slot.idField] = kept;
    const file = form.get(slot.input);
    if (!(file instanceof File) || file.size === 0) continue;
    const stored = await uploadAttachment({
      db: context.db,
      tenantId: door.tenantId,
      ability: door.ability,
      actor: auditActor(door.viewer, context),
      storage: context.services.storage,
      purpose: slot.purpose,
      sectionId: door.section.id,
      file: { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name },
      field: slot.input,
    });
    if (stored.ok) ids[slot.idField] = stored.value.id;
    else if ("errors" in stored) Object.assign(errors, stored.errors);
  }
  return { ids, errors };
}
