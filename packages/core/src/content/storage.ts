// Where uploaded files live: a folder on the server's disk for a single machine or development, or any
// S3-compatible object store (MinIO, Ceph, AWS) when the portal runs on more than one. Both backends
// keep the same contract, so use cases never know which one they were given.
//
// Objects are read as streams, never whole: a 100 MB video must not sit in memory for each viewer, and a
// player asking for one byte range gets only those bytes from the disk or the object store.
import { createLocalStorage } from "./local-storage.ts";
import { createS3Storage } from "./s3-storage.ts";

/** What a key holds, without its bytes. */
export type ObjectInfo = { size: number; contentType: string };

/** Byte positions as HTTP counts them, both inclusive: { start: 0, end: 99 } is the first 100 bytes. */
export type ByteRange = { start: number; end: number };

export type ReadOptions = {
  /** Only these bytes. An end past the object's last byte stops at it; a start past it is an error. */
  range?: ByteRange;
  /**
   * Aborting it stops the read: the file or the connection behind the stream is closed and the stream
   * ends early, without an error (the only one who could notice is the reader that aborted).
   */
  signal?: AbortSignal;
};

export type ObjectStream = ObjectInfo & {
  /** The bytes the body holds; null when it is the whole object. */
  range: ByteRange | null;
  /** Read it to the end or cancel it: either closes the file or connection behind it. */
  body: ReadableStream<Uint8Array>;
};

export type Storage = {
  kind: "local" | "s3";
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Size and type, without opening the body. Null when nothing is stored under the key. */
  stat(key: string): Promise<ObjectInfo | null>;
  /** The object, or one range of it, as a stream. Null when nothing is stored under the key. */
  read(key: string, options?: ReadOptions): Promise<ObjectStream | null>;
  // Removing a key that holds nothing is not an error.
  remove(key: string): Promise<void>;
};

export type StorageOptions =
  | { kind: "local"; dir: string }
  | { kind: "s3"; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };

export function createStorage(options: StorageOptions): Storage {
  return options.kind === "local" ? createLocalStorage(options.dir) : createS3Storage(options);
}
