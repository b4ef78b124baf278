// Serving an uploaded file: anyone may fetch it once a published item uses it (as its file, its cover or
// an image in its text); before that, only the province's staff. The attachment's row knows the file's
// size, type and sha256, so "not modified" (304) and "no such range" (416) are answered from the
// database alone, and storage is opened only for the bytes the answer carries.
import type { Tx } from "@cong/db";
import { isUuid } from "@cong/db";
import { answerFileRequest, type ByteRange, type Storage } from "../content/index.ts";

export type AttachmentFile = {
  fileName: string;
  mime: string;
  size: number;
  /** The sha256, quoted: the same bytes always have the same tag. */
  etag: string;
  /** When it was uploaded: an attachment's bytes never change afterwards. */
  lastModified: Date;
  /** Whether a published item uses it, so anyone (and any cache) may have it. */
  public: boolean;
};

export type AttachmentRead =
  | { status: 304; file: AttachmentFile }
  | { status: 416; file: AttachmentFile }
  /** body is null for a HEAD; range is null when the answer is the whole file. */
  | { status: 200 | 206; file: AttachmentFile; range: ByteRange | null; body: ReadableStream<Uint8Array> | null };

export type ReadAttachmentOptions = {
  tx: Tx;
  tenantId: string;
  /** The attachment's id, as the address gave it (anything that is not a uuid finds nothing). */
  id: string;
  /** Whether the visitor is signed in to this province's administration. */
  staff: boolean;
  storage: Storage;
  /** The HTTP request: its method, its conditional and Range headers, and its signal, which stops the read. */
  request: Pick<Request, "method" | "headers" | "signal">;
};

/** Null when there is no such file, or it is not public and the visitor is not staff. */
export async function readAttachment({ tx, tenantId, id, staff, storage, request }: ReadAttachmentOptions): Promise<AttachmentRead | null> {
  if (!isUuid(id)) return null;
  const row = await tx.attachment.findUnique({ where: { id } });
  if (!row) return null;
  const used = await tx.item.count({
    where: {
      tenantId,
      status: "published",
      OR: [{ fileId: id }, { coverId: id }, { translations: { some: { body: { contains: `/files/${id}` } } } }],
    },
  });
  if (used === 0 && !staff) return null;
  const file: AttachmentFile = { fileName: row.fileName, mime: row.mime, size: row.size, etag: `"${row.sha256}"`, lastModified: row.createdAt, public: used > 0 };

  const answer = answerFileRequest(file, request);
  if (answer.status === 304) return { status: 304, file };
  if (answer.status === 416) return { status: 416, file };
  const mismatch = (size: number) => new Error(`attachment ${id}: storage holds ${size} bytes, its record says ${row.size}`);
  if (request.method !== "GET") {
    const info = await storage.stat(row.storageKey);
    if (!info) return null;
    if (info.size !== row.size) throw mismatch(info.size);
    return { status: 200, file, range: null, body: null };
  }
  const { signal } = request;
  const stored = await storage.read(row.storageKey, { range: answer.range ?? undefined, signal }).catch((error: unknown) => {
    // The visitor left before the store answered: nobody is waiting for this response or its error.
    if (signal.aborted) return null;
    throw error;
  });
  if (!stored) return null;
  // A length that disagrees with the bytes sent would leave a player waiting for bytes that never come.
  if (stored.size !== row.size) {
    await stored.body.cancel();
    throw mismatch(stored.size);
  }
  return { status: answer.status, file, range: answer.range, body: stored.body };
}
