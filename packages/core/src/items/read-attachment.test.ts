// Serving an attachment at the use-case level, on both databases: who may have it, and that storage is
// opened only for the bytes an answer carries (a 304 or a 416 comes from the row alone).
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedTenants } from "@cong/db";
import { describeBackends, inUnit } from "@cong/db/testing";
import { createStorage, httpDate, type Storage } from "../content/index.ts";
import { listTenants } from "../tenants/list-tenants.ts";
import { readAttachment, type ReadAttachmentOptions } from "./read-attachment.ts";

const tenantsDir = fileURLToPath(new URL("../../../../tenants", import.meta.url));
const CLIP = Uint8Array.from({ length: 90_000 }, (_, index) => (index * 13) % 256);
const SHA = createHash("sha256").update(CLIP).digest("hex");

let dir = "";
let disk: Storage;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cong-read-attachment-"));
  disk = createStorage({ kind: "local", dir });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// The disk storage, with a record of what was asked of it.
function watched() {
  const calls: string[] = [];
  const storage: Storage = {
    kind: "local",
    put: (...args) => disk.put(...args),
    stat: (key) => {
      calls.push("stat");
      return disk.stat(key);
    },
    read: (key, options) => {
      calls.push(options?.range ? `read ${options.range.start}-${options.range.end}` : "read");
      return disk.read(key, options);
    },
    remove: (key) => disk.remove(key),
  };
  return { storage, calls };
}

const request = (headers: Record<string, string> = {}, method = "GET") => ({ method, headers: new Headers(headers), signal: new AbortController().signal });
const bytesOf = async (body: ReadableStream<Uint8Array> | null) => new Uint8Array(await new Response(body).arrayBuffer());

describeBackends("reading an attachment", ({ db }) => {
  let qn = "";
  let id = "";
  let itemId = "";
  let uploadedAt = new Date();

  beforeAll(async () => {
    expect((await seedTenants(db(), tenantsDir)).failed).toEqual([]);
    qn = (await inUnit(db(), { kind: "platform" }, (tx) => listTenants({ tx }))).find((t) => t.slug === "quang-ninh")!.id;
    const key = `${qn}/${SHA}.mp4`;
    await disk.put(key, CLIP, "video/mp4");
    const row = await db().owner.attachment.create({ data: { tenantId: qn, storageKey: key, fileName: "phóng sự.mp4", mime: "video/mp4", size: CLIP.length, sha256: SHA } });
    id = row.id;
    uploadedAt = row.createdAt;
    const section = await db().owner.section.findFirstOrThrow({ where: { tenantId: qn } });
    const item = await db().owner.item.create({ data: { tenantId: qn, sectionId: section.id, kind: "video", slug: `phong-su-${id.slice(0, 8)}`, fileId: id } });
    itemId = item.id;
  });

  // In a unit of work in the province's scope, as the file route reads it.
  const readIn = (o: Omit<ReadAttachmentOptions, "tx" | "tenantId">) => inUnit(db(), qn, (tx) => readAttachment({ tx, tenantId: qn, ...o }));
  const read = (storage: Storage, staff: boolean, headers?: Record<string, string>, method?: string) => readIn({ id, staff, storage, request: request(headers, method) });

  it("keeps a draft's file from anyone but the province's staff", async () => {
    const { storage } = watched();
    expect(await read(storage, false)).toBeNull();
    const staff = await read(storage, true);
    expect(staff).toMatchObject({ status: 200, file: { public: false, size: CLIP.length, mime: "video/mp4", etag: `"${SHA}"` } });
    expect(Buffer.from(await bytesOf(staff!.status === 200 ? staff!.body : null)).equals(Buffer.from(CLIP))).toBe(true);
  });

  it("finds no file for an id that is not a uuid, without a query error", async () => {
    const { storage, calls } = watched();
    for (const bad of ["------------------------------------", "not-a-uuid", `${id}x`, "", "00000000-0000-0000-0000-00000000000g"]) {
      expect(await readIn({ id: bad, staff: true, storage, request: request() }), bad).toBeNull();
    }
    expect(calls).toEqual([]);
  });

  it("serves the file to anyone once a published item uses it", async () => {
    await db().owner.item.update({ where: { id: itemId }, data: { status: "published", publishedAt: new Date() } });
    const { storage } = watched();
    expect(await read(storage, false)).toMatchObject({ status: 200, file: { public: true } });
  });

  it("answers 304 and 416 from the record, without touching storage", async () => {
    const { storage, calls } = watched();
    expect((await read(storage, false, { "If-None-Match": `"${SHA}"` }))?.status).toBe(304);
    expect((await read(storage, false, { "If-None-Match": `"${SHA}"` }, "HEAD"))?.status).toBe(304);
    expect((await read(storage, false, { "If-Modified-Since": httpDate(uploadedAt) }))?.status).toBe(304);
    expect((await read(storage, false, { Range: `bytes=${CLIP.length}-` }))?.status).toBe(416);
    expect(calls).toEqual([]);
  });

  it("reads only the range asked for", async () => {
    const { storage, calls } = watched();
    const got = await read(storage, false, { Range: "bytes=-1000" });
    expect(got).toMatchObject({ status: 206, range: { start: CLIP.length - 1000, end: CLIP.length - 1 } });
    expect(Buffer.from(await bytesOf(got!.status === 206 ? got!.body : null)).equals(Buffer.from(CLIP.subarray(-1000)))).toBe(true);
    expect(calls).toEqual([`read ${CLIP.length - 1000}-${CLIP.length - 1}`]);
  });

  // Remix aborts the request's signal when the visitor goes away; the read must stop there.
  it("stops reading when the request is aborted", async () => {
    const { storage } = watched();
    const abort = new AbortController();
    const got = await readIn({ id, staff: false, storage, request: { method: "GET", headers: new Headers(), signal: abort.signal } });
    const reader = (got!.status === 200 ? got!.body : null)!.getReader();
    let received = (await reader.read()).value!.length;
    abort.abort();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) received += chunk.value.length;
    expect(received).toBeLessThan(CLIP.length);
  });

  it("answers a HEAD from the size in storage, never opening the body", async () => {
    const { storage, calls } = watched();
    expect(await read(storage, false, { Range: "bytes=0-1" }, "HEAD")).toMatchObject({ status: 200, range: null, body: null });
    expect(calls).toEqual(["stat"]);
  });

  it("finds no file when storage has lost it, and refuses to serve bytes its record does not describe", async () => {
    const { storage } = watched();
    const key = `${qn}/${SHA}.mp4`;
    await disk.put(key, CLIP.subarray(1), "video/mp4");
    await expect(read(storage, false)).rejects.toThrow(/storage holds 89999 bytes, its record says 90000/);
    await expect(read(storage, false, {}, "HEAD")).rejects.toThrow(/storage holds 89999 bytes/);
    await disk.remove(key);
    expect(await read(storage, false)).toBeNull();
    expect(await read(storage, false, {}, "HEAD")).toBeNull();
    await disk.put(key, CLIP, "video/mp4");
  });
});
