// What createStorage accepts as a key, a content type and a byte range, checked the same way by every
// backend.
import type { ByteRange } from "./storage.ts";

const KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;

// Keys are built by our code (tenant/kind/id.ext), never taken from a user, but they still become file
// paths and URLs, so one that could leave the storage root or mean two things is refused outright.
// Empty and "." segments are refused as well: a disk path collapses them, S3 keeps them, and the two
// backends would then disagree about which object a key names.
export function assertStorageKey(key: string): void {
  const segments = key.split("/");
  if (!KEY.test(key) || key.includes("..") || segments.some((segment) => segment === "" || segment === ".")) {
    throw new Error(`Invalid storage key: ${JSON.stringify(key.slice(0, 60))}`);
  }
}

// A MIME type, optionally with parameters; it becomes an HTTP header, so no line breaks or controls.
const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*( *;[\x20-\x7e]*)?$/i;

export function assertContentType(contentType: string): void {
  if (!CONTENT_TYPE.test(contentType)) {
    throw new Error(`Invalid content type: ${JSON.stringify(contentType.slice(0, 60))}`);
  }
}

// A range is computed by our code from a size it knows (the HTTP Range header is parsed elsewhere), so one
// that is not whole numbers with the start not after the end is a bug in the caller.
export function assertByteRange(range: ByteRange | undefined): void {
  if (range === undefined) return;
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new Error(`Invalid byte range: ${JSON.stringify(range)}`);
  }
}
