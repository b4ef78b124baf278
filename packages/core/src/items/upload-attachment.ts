// An editor uploads a file (a document's PDF, a cover image, a video): its type is judged by its
// content, not its name; it is stored under the tenant's prefix by its sha256 (the same file twice is
// stored once) in the configured storage, local disk or S3-compatible.
import { createHash } from "node:crypto";
import { subject, type AppAbility } from "@cong/authz";
import type { Db } from "@cong/db";
import { withTenant } from "@cong/db";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import { checkUpload, safeFileName, type Storage, type UploadPurpose } from "../content/index.ts";
import { invalid, type Checked } from "../validation.ts";

export type UploadedFile = { id: string; fileName: string; mime: string; size: number };

export async function uploadAttachment(o: {
  db: Db;
  tenantId: string;
  ability: AppAbility;
  actor: AuditActor;
  storage: Storage;
  purpose: UploadPurpose;
  /** The section the file is for: the uploader must be able to write items there. */
  sectionId: string;
  file: { bytes: Uint8Array; name: string };
  field?: string;
}): Promise<Checked<UploadedFile> | { ok: false; forbidden: true }> {
  const field = o.field ?? "file";
  if (!o.ability.can("edit", subject("Section", { tenantId: o.tenantId, id: o.sectionId }))) return { ok: false, forbidden: true };
  const checked = await checkUpload({ bytes: o.file.bytes, filename: o.file.name, purpose: o.purpose });
  if (!checked.ok) return invalid(field, checked.reason);
  const sha256 = createHash("sha256").update(o.file.bytes).digest("hex");
  const storageKey = `${o.tenantId}/${sha256}.${checked.ext}`;
  await o.storage.put(storageKey, o.file.bytes, checked.mime);
  const fileName = safeFileName(o.file.name);
  const row = await withTenant(o.db, o.tenantId, async (tx) => {
    const created = await tx.attachment.create({
      data: { tenantId: o.tenantId, storageKey, fileName, mime: checked.mime, size: checked.size, sha256, createdBy: o.actor.id },
      select: { id: true },
    });
    await recordAudit(tx, { tenantId: o.tenantId, actor: o.actor, action: "attachment.upload", subject: "Attachment", subjectId: created.id, after: { fileName, mime: checked.mime, size: checked.size } });
    return created;
  });
  return { ok: true, value: { id: row.id, fileName, mime: checked.mime, size: checked.size } };
}
