import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, readlink, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStorage, type ReadOptions, type Storage } from "./storage.ts";

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

// A read with its body collected: what a downloader would end up with.
async function readAll(storage: Storage, key: string, options?: ReadOptions) {
  const stored = await storage.read(key, options);
  if (!stored) return null;
  const bytes = new Uint8Array(await new Response(stored.body).arrayBuffer());
  return { size: stored.size, contentType: stored.contentType, range: stored.range, bytes };
}

// How many of this process's file descriptors point at the file: Linux lists them under /proc/self/fd.
async function openDescriptors(file: string): Promise<number> {
  let count = 0;
  for (const fd of await readdir("/proc/self/fd")) {
    if ((await readlink(`/proc/self/fd/${fd}`).catch(() => "")) === file) count += 1;
  }
  return count;
}

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
    const stored = await readAll(storage, "quang-ninh/documents/2025/qd-123.pdf");
    expect(stored).not.toBeNull();
    expect(Array.from(stored!.bytes)).toEqual(Array.from(PDF));
    expect(stored!.contentType).toBe("application/pdf");
    expect(stored!.size).toBe(PDF.length);
    expect(stored!.range).toBeNull();
  });

  it("keeps every byte of binary content", async () => {
    const storage = make();
    const bytes = Uint8Array.from({ length: 70_000 }, (_, index) => (index * 31) % 256);
    await storage.put("t/binary.bin", bytes, "application/octet-stream");
    const stored = await readAll(storage, "t/binary.bin");
    expect(stored!.bytes.length).toBe(bytes.length);
    expect(Buffer.from(stored!.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it("replaces an object, content type included", async () => {
    const storage = make();
    await storage.put("t/logo", PDF, "application/pdf");
    await storage.put("t/logo", PNG, "image/png");
    const stored = await readAll(storage, "t/logo");
    expect(Array.from(stored!.bytes)).toEqual(Array.from(PNG));
    expect(stored!.contentType).toBe("image/png");
  });

  it("returns null for a key that holds nothing, read or stat", async () => {
    const storage = make();
    for (const key of ["t/never-put.pdf", "never/put/deep/below.pdf"]) {
      expect(await storage.read(key), key).toBeNull();
      expect(await storage.read(key, { range: { start: 0, end: 9 } }), key).toBeNull();
      expect(await storage.stat(key), key).toBeNull();
    }
  });

  it("treats a prefix of longer keys as holding nothing", async () => {
    const storage = make();
    await storage.put("prefix/inner.pdf", PDF, "application/pdf");
    expect(await storage.read("prefix")).toBeNull();
    expect(await storage.stat("prefix")).toBeNull();
    await storage.remove("prefix");
    expect(await readAll(storage, "prefix/inner.pdf")).not.toBeNull();
  });

  describe("byte ranges", () => {
    // More than one 64 KiB chunk, and no two neighbouring bytes alike, so a shifted range shows.
    const VIDEO = Uint8Array.from({ length: 150_000 }, (_, index) => (index * 7 + (index >> 8)) % 251);
    const key = "t/video/clip.mp4";
    const expectRange = async (start: number, end: number) => {
      const got = await readAll(make(), key, { range: { start, end } });
      const last = Math.min(end, VIDEO.length - 1);
      expect(got!.range).toEqual({ start, end: last });
      expect(got!.size).toBe(VIDEO.length);
      expect(got!.contentType).toBe("video/mp4");
      expect(got!.bytes.length).toBe(last + 1 - start);
      expect(Buffer.from(got!.bytes).equals(Buffer.from(VIDEO.subarray(start, last + 1))), `bytes ${start}-${end}`).toBe(true);
    };

    beforeAll(async () => {
      await make().put(key, VIDEO, "video/mp4");
    });

    it("reads the first bytes, as a player does to find the header", async () => {
      await expectRange(0, 1);
      await expectRange(0, 99);
    });

    it("reads a range in the middle, across chunk boundaries", async () => {
      await expectRange(65_530, 65_545);
      await expectRange(1_000, 140_000);
      await expectRange(77_777, 77_777);
    });

    it("reads the last bytes (a suffix range, resolved against the size)", async () => {
      await expectRange(VIDEO.length - 500, VIDEO.length - 1);
      await expectRange(VIDEO.length - 1, VIDEO.length - 1);
    });

    it("reads to the end when the range goes past it", async () => {
      await expectRange(100_000, Number.MAX_SAFE_INTEGER);
      await expectRange(149_000, 150_000);
    });

    it("reads the whole object as a range", async () => {
      await expectRange(0, VIDEO.length - 1);
    });

    it("tells size and type without the body", async () => {
      expect(await make().stat(key)).toEqual({ size: VIDEO.length, contentType: "video/mp4" });
    });

    it("refuses a range that starts past the end, or is not one", async () => {
      const storage = make();
      await expect(storage.read(key, { range: { start: VIDEO.length, end: VIDEO.length + 10 } })).rejects.toThrow();
      for (const range of [{ start: 5, end: 4 }, { start: -1, end: 4 }, { start: 0.5, end: 4 }, { start: 0, end: Number.NaN }]) {
        await expect(storage.read(key, { range }), JSON.stringify(range)).rejects.toThrow(/Invalid byte range/);
      }
    });

    it("ends the body early, without an error, when the reader aborts", async () => {
      const storage = make();
      const abort = new AbortController();
      const stored = await storage.read(key, { signal: abort.signal });
      const reader = stored!.body.getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);
      abort.abort();
      let received = first.value!.length;
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) received += chunk.value.length;
      expect(received).toBeLessThan(VIDEO.length);
      // The next reader is served as before.
      await expectRange(10, 20);
    });

    it("gives no bytes to a reader that aborted before the read", async () => {
      const abort = new AbortController();
      abort.abort();
      const stored = await make().read(key, { signal: abort.signal }).catch(() => null);
      if (stored) expect((await stored.body.getReader().read()).done).toBe(true);
    });
  });

  it("removes an object, and removing it again is not an error", async () => {
    const storage = make();
    await storage.put("t/remove-me.png", PNG, "image/png");
    await storage.remove("t/remove-me.png");
    expect(await storage.read("t/remove-me.png")).toBeNull();
    expect(await storage.stat("t/remove-me.png")).toBeNull();
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
      await expect(storage.read(key), key).rejects.toThrow(/Invalid storage key/);
      await expect(storage.stat(key), key).rejects.toThrow(/Invalid storage key/);
      await expect(storage.remove(key), key).rejects.toThrow(/Invalid storage key/);
    }
  });

  it("refuses a content type that is not a MIME type", async () => {
    const storage = make();
    for (const contentType of ["", "pdf", "text/html\r\nSet-Cookie: a=b", "image/png; x=\u0000"]) {
      await expect(storage.put("t/x", PDF, contentType), JSON.stringify(contentType)).rejects.toThrow(/Invalid content type/);
    }
    expect(await storage.stat("t/x")).toBeNull();
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
    expect((await storage.stat("disk/c.pdf"))!.contentType).toBe("application/pdf");
  });

  // A file descriptor left open per download ends with the server out of them.
  it.runIf(existsSync("/proc/self/fd"))("closes the file after the last byte, on cancel and on abort", async () => {
    const storage = createStorage({ kind: "local", dir: localDir });
    const file = path.join(localDir, "disk", "long.bin");
    await storage.put("disk/long.bin", new Uint8Array(300_000), "application/octet-stream");

    const whole = await storage.read("disk/long.bin");
    expect(await openDescriptors(file)).toBe(1);
    await new Response(whole!.body).arrayBuffer();
    expect(await openDescriptors(file)).toBe(0);

    const ranged = await storage.read("disk/long.bin", { range: { start: 10, end: 20 } });
    await new Response(ranged!.body).arrayBuffer();
    expect(await openDescriptors(file)).toBe(0);

    const cancelled = await storage.read("disk/long.bin");
    const reader = cancelled!.body.getReader();
    await reader.read();
    await reader.cancel();
    expect(await openDescriptors(file)).toBe(0);

    const abort = new AbortController();
    const aborted = await storage.read("disk/long.bin", { signal: abort.signal });
    await aborted!.body.getReader().read();
    abort.abort();
    await expect.poll(() => openDescriptors(file)).toBe(0);

    // Looking at the size opens nothing that stays open.
    await storage.stat("disk/long.bin");
    expect(await openDescriptors(file)).toBe(0);
  });
});

describe("s3 storage", () => {
  // s3rver checks the access key but does not verify SigV4 signatures, so this is as far as a wrong
  // credential can be tested here.
  it("fails with the S3 error code, never the secret, when the credentials are wrong", async () => {
    const storage = createStorage({ ...s3Options(), accessKeyId: "NOT-A-KEY", secretAccessKey: "wrong-secret-value" });
    const failure = storage.put("t/denied.pdf", PDF, "application/pdf");
    await expect(failure).rejects.toThrow(/^S3 put t\/denied\.pdf failed: 403 InvalidAccessKeyId$/);
    await expect(storage.read("t/denied.pdf")).rejects.toThrow(/^S3 read t\/denied\.pdf failed: 403 InvalidAccessKeyId$/);
    await expect(storage.stat("t/denied.pdf")).rejects.toThrow(/^S3 stat t\/denied\.pdf failed: 403$/);
    expect(await createStorage(s3Options()).stat("t/denied.pdf")).toBeNull();
  });

  it("accepts an endpoint written with a trailing slash", async () => {
    const storage = createStorage({ ...s3Options(), endpoint: `${endpoint}/` });
    await storage.put("t/slash.pdf", PDF, "application/pdf");
    expect(await createStorage(s3Options()).stat("t/slash.pdf")).not.toBeNull();
  });

  it("refuses an endpoint that is not http(s) and a bucket name that is not one", () => {
    expect(() => createStorage({ ...s3Options(), endpoint: "file:///tmp" })).toThrow(/http or https/);
    expect(() => createStorage({ ...s3Options(), bucket: "../other" })).toThrow(/bucket/);
  });
});
