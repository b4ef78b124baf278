// The object-store backend of createStorage: plain S3 REST calls signed with SigV4, path-style
// (endpoint/bucket/key) because MinIO, Ceph and test servers rarely have per-bucket DNS names. Keys are
// checked against a URL-safe pattern first, so they go into the path without encoding.
import { AwsClient } from "aws4fetch";
import { assertContentType, assertStorageKey } from "./storage-key.ts";
import type { Storage } from "./storage.ts";

export type S3Options = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
};

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

// An S3 error names its reason in <Code>; the message never includes credentials or the signature.
async function failure(action: string, key: string, response: Response): Promise<Error> {
  const body = await response.text().catch(() => "");
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(body)?.[1] ?? "";
  return new Error(`S3 ${action} ${key} failed: ${response.status} ${code}`.trim());
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
    async get(key) {
      const response = await client.fetch(url(key), { method: "GET" });
      if (response.status === 404) {
        await response.arrayBuffer();
        return null;
      }
      if (!response.ok) throw await failure("get", key, response);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { bytes, contentType: response.headers.get("content-type") ?? "application/octet-stream" };
    },
    async remove(key) {
      const response = await client.fetch(url(key), { method: "DELETE" });
      if (!response.ok && response.status !== 404) throw await failure("remove", key, response);
      await response.arrayBuffer();
    },
  };
}
