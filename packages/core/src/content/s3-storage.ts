// The object-store backend of createStorage: plain S3 REST calls signed with SigV4, path-style
// (endpoint/bucket/key) because MinIO, Ceph and test servers rarely have per-bucket DNS names. Keys are
// checked against a URL-safe pattern first, so they go into the path without encoding. A read is one GET
// with a Range header when a range is asked for; its body is the fetch's, read as the caller reads it.
import { AwsClient } from "aws4fetch";
import { assertByteRange, assertContentType, assertStorageKey } from "./storage-key.ts";
import type { ByteRange, Storage } from "./storage.ts";
import { streamUntilAborted } from "./stream-until-aborted.ts";

export type S3Options = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
};

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const FALLBACK_TYPE = "application/octet-stream";
const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+)$/;

// An S3 error names its reason in <Code>; the message never includes credentials or the signature.
async function failure(action: string, key: string, response: Response): Promise<Error> {
  const body = await response.text().catch(() => "");
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(body)?.[1] ?? "";
  return new Error(`S3 ${action} ${key} failed: ${response.status} ${code}`.trim());
}

function sizeOf(response: Response): number {
  const size = Number(response.headers.get("content-length") ?? Number.NaN);
  return Number.isSafeInteger(size) && size >= 0 ? size : Number.NaN;
}

// What a GET answered, checked against what was asked: a store that ignored the Range header (allowed
// by HTTP) or answered another range would otherwise have the wrong bytes served as the asked ones.
function answered(response: Response, asked: ByteRange | undefined): { size: number; range: ByteRange | null } | null {
  if (response.status === 206) {
    const match = CONTENT_RANGE.exec(response.headers.get("content-range") ?? "");
    if (!match || !asked) return null;
    const [start, end, size] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return start === asked.start && end === Math.min(asked.end, size - 1) ? { size, range: { start, end } } : null;
  }
  const size = sizeOf(response);
  if (Number.isNaN(size)) return null;
  if (!asked) return { size, range: null };
  return asked.start === 0 && asked.end >= size - 1 && size > 0 ? { size, range: { start: 0, end: size - 1 } } : null;
}

export function createS3Storage(options: S3Options): Storage {
  const endpoint = new URL(options.endpoint);
  if (endpoint.protocol !== "https:" && endpoint.protocol !== "http:") {
    throw new Error("S3 endpoint must be an http or https URL");
  }
  if (!BUCKET.test(options.bucket)) throw new Error(`Invalid S3 bucket name: ${options.bucket}`);
  const base = `${endpoint.origin}${endpoint.pathname.replace(/\/+$/, "")}/${options.bucket}/`;
  // A few retries ride out a restarting object store without holding an upload request for minutes.
  const client = new AwsClient({
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    region: options.region,
    service: "s3",
    retries: 2,
  });
  const url = (key: string) => {
    assertStorageKey(key);
    return base + key;
  };

  return {
    kind: "s3",
    async put(key, bytes, contentType) {
      const target = url(key);
      assertContentType(contentType);
      const response = await client.fetch(target, {
        method: "PUT",
        // A copy typed as backed by an ArrayBuffer, which is what fetch's body type accepts.
        body: new Uint8Array(bytes),
        headers: { "content-type": contentType },
      });
      if (!response.ok) throw await failure("put", key, response);
      await response.arrayBuffer();
    },
    async stat(key) {
      const response = await client.fetch(url(key), { method: "HEAD" });
      if (response.status === 404) return null;
      // A HEAD answer has no body, so no S3 error code either: the status is all there is.
      if (!response.ok) throw await failure("stat", key, response);
      const size = sizeOf(response);
      if (Number.isNaN(size)) throw new Error(`S3 stat ${key} failed: no Content-Length`);
      return { size, contentType: response.headers.get("content-type") ?? FALLBACK_TYPE };
    },
    async read(key, options = {}) {
      const target = url(key);
      assertByteRange(options.range);
      const { range, signal } = options;
      const response = await client.fetch(target, {
        method: "GET",
        headers: range ? { range: `bytes=${range.start}-${range.end}` } : {},
        signal,
      });
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok) throw await failure("read", key, response);
      const got = answered(response, range);
      if (!got) {
        await response.body?.cancel();
        const asked = range ? `another range than bytes=${range.start}-${range.end}` : "no Content-Length";
        throw new Error(`S3 read ${key} failed: ${response.status} with ${asked}`);
      }
      const body = response.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
      return { ...got, contentType: response.headers.get("content-type") ?? FALLBACK_TYPE, body: streamUntilAborted(body, signal) };
    },
    async remove(key) {
      const response = await client.fetch(url(key), { method: "DELETE" });
      if (!response.ok && response.status !== 404) throw await failure("remove", key, response);
      await response.arrayBuffer();
    },
  };
}
