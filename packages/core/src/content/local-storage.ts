// The disk backend of createStorage: each object is a file under the storage folder, named by its key.
// Its content type is kept in a JSON sidecar under ".meta/" (keys cannot start with a dot, so no key
// reaches that tree): the type an uploader's bytes were checked as is what a download must send back,
// and guessing it again from the file name would lose it. Writes go through a temporary file in
// ".tmp/" and a rename, so a reader never sees half a file.
//
// One limit S3 does not have: a key cannot be both an object and a folder ("a" and "a/b").
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { assertContentType, assertStorageKey } from "./storage-key.ts";
import type { Storage } from "./storage.ts";

const FALLBACK_TYPE = "application/octet-stream";

// No object under the key: nothing there, or a folder that only holds longer keys ("a" when "a/b" exists).
function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR" || code === "ERR_FS_EISDIR";
}

async function removeFile(file: string): Promise<void> {
  try {
    await rm(file, { force: true });
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

async function writeAtomically(root: string, file: string, data: Uint8Array | string): Promise<void> {
  const tmpDir = path.join(root, ".tmp");
  await mkdir(tmpDir, { recursive: true });
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(tmpDir, randomBytes(12).toString("hex"));
  try {
    await writeFile(tmp, data, { mode: 0o640 });
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

export function createLocalStorage(dir: string): Storage {
  const root = path.resolve(dir);
  const objectPath = (key: string) => path.join(root, ...key.split("/"));
  const metaPath = (key: string) => `${path.join(root, ".meta", ...key.split("/"))}.json`;

  return {
    kind: "local",
    async put(key, bytes, contentType) {
      assertStorageKey(key);
      assertContentType(contentType);
      // The sidecar goes first: a put cut short in between leaves a type without a file, which get
      // ignores, rather than a new file served under no type.
      await writeAtomically(root, metaPath(key), JSON.stringify({ contentType }));
      await writeAtomically(root, objectPath(key), bytes);
    },
    async get(key) {
      assertStorageKey(key);
      let bytes: Buffer;
      try {
        bytes = await readFile(objectPath(key));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      let contentType = FALLBACK_TYPE;
      try {
        const meta = JSON.parse(await readFile(metaPath(key), "utf8")) as { contentType?: unknown };
        if (typeof meta.contentType === "string") contentType = meta.contentType;
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
      return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentType };
    },
    async remove(key) {
      assertStorageKey(key);
      await removeFile(objectPath(key));
      await removeFile(metaPath(key));
    },
  };
}
