// What createStorage accepts as a key and a content type, checked the same way by every backend.

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
