import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStorage, type Storage } from "./storage.ts";

// s3rver ships without types; this is the part of its API the tests use.
type S3rverServer = { run(): Promise<AddressInfo>; close(): Promise<void> };
type S3rverClass = new (options: {
  port: number;
  address: string;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}) => S3rverServer;
const load = createRequire(import.meta.url);

const BUCKET = "cong-test";
const PDF = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

let localDir = "";
let s3Dir = "";
let server: S3rverServer | null = null;
let endpoint = "";

beforeAll(async () => {
  localDir = await mkdtemp(path.join(tmpdir(), "cong-storage-local-"));
  s3Dir = await mkdtemp(path.join(tmpdir(), "cong-storage-s3-"));
  const S3rver = load("s3rver") as S3rverClass;
  server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET }] });
  const address = await server.run();
  endpoint = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await server?.close();
  await rm(localDir, { recursive: true, force: true });
  await rm(s3Dir, { recursive: true, force: true });
});

const s3Options = () => ({
  kind: "s3" as const,
  endpoint,
  bucket: BUCKET,
  region: "us-east-1",
  accessKeyId: "S3RVER",
  secretAccessKey: "S3RVER",
});

const backends: [string, () => Storage][] = [
  ["local", () => createStorage({ kind: "local", dir: localDir })],
  ["s3", () => createStorage(s3Options())],
];

describe.each(backends)("%s storage", (kind, make) => {
  it("reports its kind", () => {
    expect(make().kind).toBe(kind);
  });

  it("returns the bytes and content type that were put", async () => {
    const storage = make();
    await storage.put("quang-ninh/documents/2025/qd-123.pdf", PDF, "application/pdf");
    const stored = await storage.get("quang-ninh/documents/2025/qd-123.pdf");
    expect(stored).not.toBeNull();
    expect(Array.from(stored!.bytes)).toEqual(Array.from(PDF));
    expect(stored!.contentType).toBe("application/pdf");
  });

  it("keeps every byte of binary content", async () => {
    const storage = make();
    const bytes = Uint8Array.from({ length: 70_000 }, (_, index) => (index * 31) % 256);
    await storage.put("t/binary.bin", bytes, "application/octet-stream");
    const stored = await storage.get("t/binary.bin");
    expect(stored!.bytes.length).toBe(bytes.length);
    expect(Buffer.from(stored!.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it("replaces an object, content type included", async () => {
    const storage = make();
    await storage.put("t/logo", PDF, "application/pdf");
    await storage.put("t/logo", PNG, "image/png");
    const stored = await storage.get("t/logo");
    expect(Array.from(stored!.bytes)).toEqual(Array.from(PNG));
    expect(stored!.contentType).toBe("image/png");
  });

  it("returns null for a key that holds nothing", async () => {
    const storage = make();
    expect(await storage.get("t/never-put.pdf")).toBeNull();
    expect(await storage.get("never/put/deep/below.pdf")).toBeNull();
  });

  it("treats a prefix of longer keys as holding nothing", async () => {
    const storage = make();
    await storage.put("prefix/inner.pdf", PDF, "application/pdf");
    expect(await storage.get("prefix")).toBeNull();
    await storage.remove("prefix");
    expect(await storage.get("prefix/inner.pdf")).not.toBeNull();
  });

  it("removes an object, and removing it again is not an error", async () => {
    const storage = make();
    await storage.put("t/remove-me.png", PNG, "image/png");
    await storage.remove("t/remove-me.png");
    expect(await storage.get("t/remove-me.png")).toBeNull();
    await expect(storage.remove("t/remove-me.png")).resolves.toBeUndefined();
  });

  it("refuses keys that could leave the storage root or mean two things", async () => {
    const storage = make();
    for (const key of [
      "../escape.pdf",
      "a/../../escape.pdf",
      "/etc/passwd",
      "a//b",
      "a/./b",
      "a/",
      ".meta/x.json",
      "A/upper.pdf",
      "a\\b",
      "a/b?c",
      "a/%2e%2e/b",
      "",
      `a${"b".repeat(201)}`,
    ]) {
      await expect(storage.put(key, PDF, "application/pdf"), key).rejects.toThrow(/Invalid storage key/);
      await expect(storage.get(key), key).rejects.toThrow(/Invalid storage key/);
      await expect(storage.remove(key), key).rejects.toThrow(/Invalid storage key/);
    }
  });

  it("refuses a content type that is not a MIME type", async () => {
    const storage = make();
    for (const contentType of ["", "pdf", "text/html\r\nSet-Cookie: a=b", "image/png; x=\u0000"]) {
      await expect(storage.put("t/x", PDF, contentType), JSON.stringify(contentType)).rejects.toThrow(/Invalid content type/);
    }
    expect(await storage.get("t/x")).toBeNull();
  });
});

describe("local storage on disk", () => {
  it("writes the object under its key and leaves no temporary files", async () => {
    const storage = createStorage({ kind: "local", dir: localDir });
    await storage.put("disk/a/b.pdf", PDF, "application/pdf");
    expect(Array.from(await readFile(path.join(localDir, "disk", "a", "b.pdf")))).toEqual(Array.from(PDF));
    expect(await readdir(path.join(localDir, ".tmp"))).toEqual([]);
  });

  it("keeps the content type where no key can reach it", async () => {
    const storage = createStorage({ kind: "local", dir: localDir });
    await storage.put("disk/c.pdf", PDF, "application/pdf");
    const sidecar = JSON.parse(await readFile(path.join(localDir, ".meta", "disk", "c.pdf.json"), "utf8"));
    expect(sidecar).toEqual({ contentType: "application/pdf" });
    // The sidecar's name as a key is just another object, not the sidecar.
    await storage.put("disk/c.pdf.json", PNG, "image/png");
    expect((await storage.get("disk/c.pdf"))!.contentType).toBe("application/pdf");
  });
});

describe("s3 storage", () => {
  // s3rver checks the access key but does not verify SigV4 signatures, so this is as far as a wrong
  // credential can be tested here.
  it("fails with the S3 error code, never the secret, when the credentials are wrong", async () => {
    const storage = createStorage({ ...s3Options(), accessKeyId: "NOT-A-KEY", secretAccessKey: "wrong-secret-value" });
    const failure = storage.put("t/denied.pdf", PDF, "application/pdf");
    await expect(failure).rejects.toThrow(/^S3 put t\/denied\.pdf failed: 403 InvalidAccessKeyId$/);
    await expect(storage.get("t/denied.pdf")).rejects.toThrow(/403 InvalidAccessKeyId/);
    expect(await createStorage(s3Options()).get("t/denied.pdf")).toBeNull();
  });

  it("accepts an endpoint written with a trailing slash", async () => {
    const storage = createStorage({ ...s3Options(), endpoint: `${endpoint}/` });
    await storage.put("t/slash.pdf", PDF, "application/pdf");
    expect(await createStorage(s3Options()).get("t/slash.pdf")).not.toBeNull();
  });

  it("refuses an endpoint that is not http(s) and a bucket name that is not one", () => {
    expect(() => createStorage({ ...s3Options(), endpoint: "file:///tmp" })).toThrow(/http or https/);
    expect(() => createStorage({ ...s3Options(), bucket: "../other" })).toThrow(/bucket/);
  });
});
