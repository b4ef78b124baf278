// Where uploaded files live: a folder on the server's disk for a single machine or development, or any
// S3-compatible object store (MinIO, Ceph, AWS) when the portal runs on more than one. Both backends
// keep the same contract, so use cases never know which one they were given.
import { createLocalStorage } from "./local-storage.ts";
import { createS3Storage } from "./s3-storage.ts";

export type StoredObject = { bytes: Uint8Array; contentType: string };

export type Storage = {
  kind: "local" | "s3";
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  // Null when nothing is stored under the key.
  get(key: string): Promise<StoredObject | null>;
  // Removing a key that holds nothing is not an error.
  remove(key: string): Promise<void>;
};

export type StorageOptions =
  | { kind: "local"; dir: string }
  | { kind: "s3"; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };

export function createStorage(options: StorageOptions): Storage {
  return options.kind === "local" ? createLocalStorage(options.dir) : createS3Storage(options);
}
