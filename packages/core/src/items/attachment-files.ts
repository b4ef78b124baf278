// Uploaded files and the attachment rows that name them, kept all-or-nothing: the bytes are judged by
// their content before anything is written; the rows are written in the request's transaction (its unit
// of work); the bytes are stored after them on that same transaction, so a refusal or a failure before
// it stores nothing; and a stored object whose unit then did not commit is removed again.
//
// Objects are keyed by the tenant and the file's sha256, so two uploads of the same file share one
// object. Removing an object that a committed row holds would break that row, and storing one that a
// concurrent failure is removing would too: both happen under a transaction-scoped advisory lock on the
// key, and an object is removed only when no row holds it. Uses only the Storage contract's put and remove.
import { createHash } from "node:crypto";
import type { Tx, UnitHooks } from "@cong/db";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import { checkUpload, safeFileName, type Storage, type UploadPurpose } from "../content/index.ts";

export type IncomingFile = { bytes: Uint8Array; name: string };
export type UploadedFile = { id: string; fileName: string; mime: string; size: number };
export type CheckedFile = { bytes: Uint8Array; fileName: string; mime: string; size: number; sha256: string; storageKey: string };
type Reason = Extract<Awaited<ReturnType<typeof checkUpload>>, { ok: false }>["reason"];

/** The file's type judged by its bytes, and where it would be stored; nothing is written. */
export async function checkFile(tenantId: string, file: IncomingFile, purpose: UploadPurpose): Promise<{ ok: true; value: CheckedFile } | { ok: false; reason: Reason }> {
  const checked = await checkUpload({ bytes: file.bytes, filename: file.name, purpose });
  if (!checked.ok) return checked;
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  return {
    ok: true,
    value: { bytes: file.bytes, fileName: safeFileName(file.name), mime: checked.mime, size: checked.size, sha256, storageKey: `${tenantId}/${sha256}.${checked.ext}` },
  };
}

/** A unit of work's files. */
export type FileBatch = {
  /** Writes the attachment row and its audit entry in tx; the bytes are stored when fn is done. */
  add(tx: Tx, file: CheckedFile, actor: AuditActor): Promise<UploadedFile>;
};

/** The new transaction a unit's afterRollback work gets, in the unit's scope. */
type Again = Parameters<Parameters<UnitHooks["afterRollback"]>[0]>[0];

/**
 * Runs fn on the unit's transaction with a batch of files, then, as its last step on that transaction,
 * stores the bytes of every file fn added that no other row holds yet. When the unit does not commit (fn
 * threw, a write failed, storing failed, a later step of the request failed, the commit failed), the
 * objects it stored are removed unless a committed row holds them. fn refuses before adding anything; a
 * refusal after that must throw, and the error must end the unit (a caller that catches it and commits
 * would keep rows whose bytes were never stored).
 */
export async function withFiles<T>(
  o: { tx: Tx; unit: UnitHooks; tenantId: string; storage?: Storage },
  fn: (tx: Tx, files: FileBatch) => Promise<T>,
): Promise<T> {
  const added: CheckedFile[] = [];
  const stored: string[] = [];
  const batch: FileBatch = {
    async add(tx, file, actor) {
      const row = await tx.attachment.create({
        data: { tenantId: o.tenantId, storageKey: file.storageKey, fileName: file.fileName, mime: file.mime, size: file.size, sha256: file.sha256, createdBy: actor.id },
        select: { id: true },
      });
      await recordAudit(tx, { tenantId: o.tenantId, actor, action: "attachment.upload", subject: "Attachment", subjectId: row.id, after: { fileName: file.fileName, mime: file.mime, size: file.size } });
      added.push(file);
      return { id: row.id, fileName: file.fileName, mime: file.mime, size: file.size };
    },
  };
  const result = await fn(o.tx, batch);
  if (added.length === 0) return result;
  const storage = o.storage;
  if (!storage) throw new Error("withFiles: files were added without a storage to put them in");
  for (const file of unique(added)) {
    await lockKey(o.tx, file.storageKey);
    // The rows this unit added hold the key; any other row means the bytes are stored already.
    const ours = added.filter((f) => f.storageKey === file.storageKey).length;
    if ((await o.tx.attachment.count({ where: { tenantId: o.tenantId, storageKey: file.storageKey } })) > ours) continue;
    // Told before the put: a put that fails halfway may still have left the object.
    if (stored.length === 0) o.unit.afterRollback((again) => removeUnheld(again, o.tenantId, storage, stored));
    stored.push(file.storageKey);
    await storage.put(file.storageKey, file.bytes, file.mime);
  }
  return result;
}

/** Removes the objects under these keys that no committed row holds. Best effort: the unit's error stands. */
async function removeUnheld(again: Again, tenantId: string, storage: Storage, keys: string[]): Promise<void> {
  for (const key of keys) {
    try {
      await again(async (tx) => {
        await lockKey(tx, key);
        if ((await tx.attachment.count({ where: { tenantId, storageKey: key } })) === 0) await storage.remove(key);
      });
    } catch {
      // The object stays as an orphan nothing links to; the request's error is the one to report.
    }
  }
}

function unique(files: CheckedFile[]): CheckedFile[] {
  return [...new Map(files.map((f) => [f.storageKey, f])).values()];
}

// Held until the transaction ends; $executeRaw because the function returns void, which a query cannot read.
async function lockKey(tx: Tx, key: string): Promise<void> {
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}
