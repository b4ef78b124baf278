// An editor uploads an image for the rich-text editor: its type is judged by its content, not its name;
// it is stored under the tenant's prefix by its sha256 (the same file twice is stored once) in the
// configured storage, local disk or S3-compatible, with its row in the request's unit (attachment-files.ts).
// Files that belong to an item's fields (cover, PDF, video) come with the item's save instead.
import { subject, type AppAbility } from "@cong/authz";
import type { Tx, UnitHooks } from "@cong/db";
import type { AuditActor } from "../audit/record-audit.ts";
import type { Storage, UploadPurpose } from "../content/index.ts";
import { invalid, type Checked } from "../validation.ts";
import { checkFile, withFiles, type IncomingFile, type UploadedFile } from "./attachment-files.ts";

export type { UploadedFile } from "./attachment-files.ts";

export async function uploadAttachment(o: {
  tx: Tx;
  /** The request's unit: the stored file is removed again if the unit does not commit. */
  unit: UnitHooks;
  tenantId: string;
  ability: AppAbility;
  actor: AuditActor;
  storage: Storage;
  purpose: UploadPurpose;
  /** The section the file is for: the uploader must be able to write items there. */
  sectionId: string;
  file: IncomingFile;
}): Promise<Checked<UploadedFile> | { ok: false; forbidden: true }> {
  if (!o.ability.can("edit", subject("Section", { tenantId: o.tenantId, id: o.sectionId }))) return { ok: false, forbidden: true };
  const checked = await checkFile(o.tenantId, o.file, o.purpose);
  if (!checked.ok) return invalid("file", checked.reason);
  const uploaded = await withFiles({ tx: o.tx, unit: o.unit, tenantId: o.tenantId, storage: o.storage }, (tx, files) => files.add(tx, checked.value, o.actor));
  return { ok: true, value: uploaded };
}
