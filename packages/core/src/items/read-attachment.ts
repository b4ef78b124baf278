// Serving an uploaded file: anyone may fetch it once a published item uses it (as its file, its cover or
// an image in its text); before that, only the province's staff.
import type { Db } from "@cong/db";
import { isUuid, withTenant } from "@cong/db";
import type { Storage } from "../content/index.ts";

export type AttachmentDownload = { fileName: string; mime: string; bytes: Uint8Array; sha256: string; public: boolean };

export async function readAttachment(db: Db, tenantId: string, id: string, options: { staff: boolean; storage: Storage }): Promise<AttachmentDownload | null> {
  if (!isUuid(id)) return null;
  const found = await withTenant(db, tenantId, async (tx) => {
    const file = await tx.attachment.findUnique({ where: { id } });
    if (!file) return null;
    const used = await tx.item.count({
      where: {
        tenantId,
        status: "published",
        OR: [{ fileId: id }, { coverId: id }, { translations: { some: { body: { contains: `/files/${id}` } } } }],
      },
    });
    return { file, public: used > 0 };
  });
  if (!found || (!found.public && !options.staff)) return null;
  const stored = await options.storage.get(found.file.storageKey);
  if (!stored) return null;
  return { fileName: found.file.fileName, mime: found.file.mime, bytes: stored.bytes, sha256: found.file.sha256, public: found.public };
}
