// The disk backend of createStorage: each object is a file under the storage folder, named by its key.
// Its content type is kept in a JSON sidecar under ".meta/" (keys cannot start with a dot, so no key
// reaches that tree): the type an uploader's bytes were checked as is what a download must send back,
// and guessing it again from the file name would lose it. Writes go through a temporary file in
// ".tmp/" and a rename, so a reader never sees half a file. Reads go through an open file handle in
// chunks, only as fast as the reader asks, and close it at the last byte, on cancel or on abort.
//
// One limit S3 does not have: a key cannot be both an object and a folder ("a" and "a/b").
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm, stat, writeFile, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { assertByteRange, assertContentType, assertStorageKey } from "./storage-key.ts";
import type { ByteRange, Storage } from "./storage.ts";
import { streamUntilAborted } from "./stream-until-aborted.ts";

const FALLBACK_TYPE = "application/octet-stream";
const CHUNK = 64 * 1024;

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

// The bytes start..end (inclusive) of an open file, read one chunk per pull; the handle is closed after
// the last byte, on cancel, or on a read error.
function fileBody(handle: FileHandle, start: number, end: number): ReadableStream<Uint8Array> {
  let position = start;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const wanted = Math.min(CHUNK, end + 1 - position);
          if (wanted > 0) {
            const { bytesRead, buffer } = await handle.read(new Uint8Array(wanted), 0, wanted, position);
            if (closed) return;
            if (bytesRead === 0) throw new Error("file ended before the range did");
            position += bytesRead;
            controller.enqueue(buffer.subarray(0, bytesRead));
          }
          if (position > end) {
            await close();
            controller.close();
          }
        } catch (error) {
          await close().catch(() => {});
          controller.error(error);
        }
      },
      cancel: () => close(),
    },
    { highWaterMark: 0 },
  );
}

// An end past the last byte stops at it, as in HTTP; a start past it asks for bytes that do not exist.
function withinObject(range: ByteRange, size: number, key: string): ByteRange {
  if (range.start >= size) throw new Error(`Byte range ${range.start}-${range.end} starts past the end of ${key} (${size} bytes)`);
  return { start: range.start, end: Math.min(range.end, size - 1) };
}

export function createLocalStorage(dir: string): Storage {
  const root = path.resolve(dir);
  const objectPath = (key: string) => path.join(root, ...key.split("/"));
  const metaPath = (key: string) => `${path.join(root, ".meta", ...key.split("/"))}.json`;

  // The type the object was put with; a file that lost its sidecar is served as plain bytes.
  const contentTypeOf = async (key: string): Promise<string> => {
    try {
      const meta = JSON.parse(await readFile(metaPath(key), "utf8")) as { contentType?: unknown };
      return typeof meta.contentType === "string" ? meta.contentType : FALLBACK_TYPE;
    } catch (error) {
      if (isMissing(error)) return FALLBACK_TYPE;
      throw error;
    }
  };

  return {
    kind: "local",
    async put(key, bytes, contentType) {
      assertStorageKey(key);
      assertContentType(contentType);
      // The sidecar goes first: a put cut short in between leaves a type without a file, which a read
      // ignores, rather than a new file served under no type.
      await writeAtomically(root, metaPath(key), JSON.stringify({ contentType }));
      await writeAtomically(root, objectPath(key), bytes);
    },
    async stat(key) {
      assertStorageKey(key);
      let size: number;
      try {
        const info = await stat(objectPath(key));
        if (!info.isFile()) return null;
        size = info.size;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      return { size, contentType: await contentTypeOf(key) };
    },
    async read(key, options = {}) {
      assertStorageKey(key);
      assertByteRange(options.range);
      let handle: FileHandle;
      try {
        handle = await open(objectPath(key), "r");
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      try {
        // Size and bytes from the same open file, so they agree even if the key is replaced meanwhile.
        const info = await handle.stat();
        if (!info.isFile()) {
          await handle.close();
          return null;
        }
        const range = options.range ? withinObject(options.range, info.size, key) : null;
        const contentType = await contentTypeOf(key);
        const body = fileBody(handle, range?.start ?? 0, range?.end ?? info.size - 1);
        return { size: info.size, contentType, range, body: streamUntilAborted(body, options.signal) };
      } catch (error) {
        await handle.close().catch(() => {});
        throw error;
      }
    },
    async remove(key) {
      assertStorageKey(key);
      await removeFile(objectPath(key));
      await removeFile(metaPath(key));
    },
  };
}
