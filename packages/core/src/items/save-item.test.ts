// An item saved with its files is all or nothing, on both databases and both storages (local disk, S3
// through s3rver): a refused file or field, a failure while storing, or a request's unit of work that
// does not commit after the save leaves no item, revision, attachment row or stored object behind, and
// never removes an object that a saved item still uses.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedTenants, type Db } from "@cong/db";
import { describeBackends, inUnit } from "@cong/db/testing";
import { loadAbility } from "../accounts/load-ability.ts";
import type { Viewer } from "../accounts/viewer.ts";
import { createStorage, type Storage } from "../content/index.ts";
import { asLocalized } from "../json.ts";
import { listTenants } from "../tenants/list-tenants.ts";
import { saveItem, type SaveItemOptions } from "./save-item.ts";

const tenantsDir = fileURLToPath(new URL("../../../../tenants", import.meta.url));
const load = createRequire(import.meta.url);
type S3rverServer = { run(): Promise<AddressInfo>; close(): Promise<void> };
type S3rverClass = new (options: { port: number; address: string; silent: boolean; directory: string; configureBuckets: { name: string }[] }) => S3rverServer;

const ascii = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
// A PNG signature and IHDR chunk, a minimal PDF and MP4: what the content check recognises.
const png = (seed: number) => concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], ascii("IHDR"), [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0], [0, 0, 0, seed]);
const PDF = ascii("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const MP4 = concat([0, 0, 0, 0x18], ascii("ftypisom"), [0, 0, 2, 0], ascii("isomiso2"), new Uint8Array(8));

/** Every object a storage holds, from its folder on disk (the Storage contract has no listing). */
async function objectsIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (at: string) => {
    for (const e of await readdir(at, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(at, e.name);
      if (e.isDirectory()) {
        // The local backend's type sidecars and temporary files are not objects.
        if (e.name !== ".meta" && e.name !== ".tmp") await walk(full);
      } else if (!/\._S3rver_(metadata\.json|object\.md5)$/.test(e.name)) out.push(path.relative(dir, full).replace(/\._S3rver_object$/, ""));
    }
  };
  await walk(dir);
  return out.sort();
}

type StorageCase = { kind: string; storage: () => Storage; dir: () => string };
let localDir = "";
let s3Dir = "";
let s3: S3rverServer | null = null;
let s3Endpoint = "";

beforeAll(async () => {
  localDir = await mkdtemp(path.join(tmpdir(), "cong-save-local-"));
  s3Dir = await mkdtemp(path.join(tmpdir(), "cong-save-s3-"));
  const S3rver = load("s3rver") as S3rverClass;
  s3 = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: s3Dir, configureBuckets: [{ name: "cong-test" }] });
  s3Endpoint = `http://127.0.0.1:${(await s3.run()).port}`;
});
afterAll(async () => {
  await s3?.close();
  await rm(localDir, { recursive: true, force: true });
  await rm(s3Dir, { recursive: true, force: true });
});

const storages: StorageCase[] = [
  { kind: "local", storage: () => createStorage({ kind: "local", dir: localDir }), dir: () => localDir },
  {
    kind: "s3",
    storage: () => createStorage({ kind: "s3", endpoint: s3Endpoint, bucket: "cong-test", region: "us-east-1", accessKeyId: "S3RVER", secretAccessKey: "S3RVER" }),
    dir: () => path.join(s3Dir, "cong-test"),
  },
];

async function viewerOf(db: Db, tenantId: string, agencyKey: string): Promise<Viewer> {
  const agencies = await db.owner.agency.findMany({ where: { tenantId, key: agencyKey } });
  const user = await db.owner.user.create({ data: { tenantId, email: `editor.${agencyKey}.${Math.random().toString(36).slice(2)}@test.vn`, name: "T", roles: ["editor"] } });
  return { id: user.id, sessionId: "", tenantId, email: user.email, name: user.name, roles: ["editor"], agencies: agencies.map((a) => ({ id: a.id, key: a.key, names: asLocalized(a.names) })) };
}

describeBackends("saving an item with its files", ({ db }) => {
  let qn = "";
  let health: Viewer;
  let media: Viewer;
  const as = async (viewer: Viewer) => {
    const { ability } = await inUnit(db(), qn, (tx) => loadAbility({ tx, viewer, tenantId: qn }));
    return { tenantId: qn, ability, actor: { id: viewer.id, email: viewer.email, ip: null }, agencyIds: viewer.agencies.map((a) => a.id) };
  };
  /** A save in its own unit of work, as a request makes it: committed unless it throws or commit is false. */
  const save = async (viewer: Viewer, o: Omit<SaveItemOptions, keyof Awaited<ReturnType<typeof as>> | "tx" | "unit">, unitOptions?: { commit?: boolean }) => {
    const who = await as(viewer);
    return inUnit(db(), qn, (tx, unit) => saveItem({ tx, unit, ...who, ...o }), unitOptions);
  };
  const counts = async () => ({
    items: await db().owner.item.count({ where: { tenantId: qn } }),
    revisions: await db().owner.itemRevision.count({ where: { tenantId: qn } }),
    attachments: await db().owner.attachment.count({ where: { tenantId: qn } }),
  });
  const article = (title: string) => ({ kind: "article", translations: { vi: { title, summary: "Tóm tắt", body: "<p>Nội dung</p>" } } });

  beforeAll(async () => {
    expect((await seedTenants(db(), tenantsDir)).failed).toEqual([]);
    qn = (await inUnit(db(), { kind: "platform" }, (tx) => listTenants({ tx }))).find((t) => t.slug === "quang-ninh")!.id;
    health = await viewerOf(db(), qn, "so-y-te");
    media = await viewerOf(db(), qn, "trung-tam-truyen-thong");
  });

  describe.each(storages)("in $kind storage", ({ storage, dir }) => {
    beforeEach(async () => {
      // Each test starts from no attachments and an empty store.
      await db().owner.item.updateMany({ where: { tenantId: qn }, data: { coverId: null, fileId: null } });
      await db().owner.attachment.deleteMany({ where: { tenantId: qn } });
      for (const key of await objectsIn(dir())) await storage().remove(key);
    });

    it("saves nothing when the cover image is refused: no item, no revision, no attachment, no stored object", async () => {
      const before = await counts();
      const result = await save(health, { sectionSlug: "cam-nang", input: article("Ảnh bìa bị từ chối"), uploads: { cover: { bytes: PDF, name: "bia.png" } }, storage: storage() });
      expect(result).toEqual({ ok: false, errors: { coverUpload: ["errors.fileType"] } });
      expect(await counts()).toEqual(before);
      expect(await objectsIn(dir())).toEqual([]);
    });

    it("stores no accepted file when another field is refused, and names that field", async () => {
      const before = await counts();
      const result = await save(health, { sectionSlug: "cam-nang", input: { kind: "article", translations: { vi: { title: "" } } }, uploads: { cover: { bytes: png(1), name: "bia.png" } }, storage: storage() });
      expect(result).toEqual({ ok: false, errors: { "translations.vi.title": ["errors.titleRequired"] } });
      expect(await counts()).toEqual(before);
      expect(await objectsIn(dir())).toEqual([]);
    });

    it("saves the item with its cover and PDF, one object per file, in one go", async () => {
      const before = await counts();
      const result = await save(health, { sectionSlug: "cam-nang", input: article("Cẩm nang có ảnh bìa"), uploads: { cover: { bytes: png(2), name: "bìa.png" }, file: { bytes: PDF, name: "cam-nang.pdf" } }, storage: storage() });
      expect(result.ok).toBe(true);
      const item = await db().owner.item.findUniqueOrThrow({ where: { id: result.ok ? result.value.id : "" }, include: { cover: true, file: true } });
      expect([item.cover?.fileName, item.cover?.mime, item.file?.mime]).toEqual(["bìa.png", "image/png", "application/pdf"]);
      expect(await counts()).toEqual({ items: before.items + 1, revisions: before.revisions + 1, attachments: 2 });
      expect(await objectsIn(dir())).toEqual([item.cover!.storageKey, item.file!.storageKey].sort());
    });

    it("takes back what it stored when storing a later file fails, and keeps what a saved item uses", async () => {
      // A saved article already uses this cover.
      const kept = await save(media, { sectionSlug: "videos", input: { kind: "video", mediaUrl: "https://youtu.be/x", translations: { vi: { title: "Video đã lưu" } } }, uploads: { cover: { bytes: png(3), name: "a.png" } }, storage: storage() });
      expect(kept.ok).toBe(true);
      const held = await objectsIn(dir());
      expect(held).toHaveLength(1);
      const failing: Storage = { ...storage(), put: async (key, bytes, type) => (type.startsWith("video/") ? Promise.reject(new Error("object store down")) : storage().put(key, bytes, type)) };
      const before = await counts();
      // Same cover (shared, already stored) plus a new one would be two slots; the file fails.
      const failed = save(media, { sectionSlug: "videos", input: { kind: "video", translations: { vi: { title: "Video lỗi lưu" } } }, uploads: { cover: { bytes: png(3), name: "b.png" }, file: { bytes: MP4, name: "clip.mp4" } }, storage: failing });
      await expect(failed).rejects.toThrow("object store down");
      expect(await counts()).toEqual(before);
      expect(await objectsIn(dir())).toEqual(held);
      const other = save(media, { sectionSlug: "videos", input: { kind: "video", translations: { vi: { title: "Video lỗi lưu" } } }, uploads: { cover: { bytes: png(4), name: "c.png" }, file: { bytes: MP4, name: "clip.mp4" } }, storage: failing });
      await expect(other).rejects.toThrow("object store down");
      // The new cover was stored before the video failed: it is gone again.
      expect(await objectsIn(dir())).toEqual(held);
      expect(await counts()).toEqual(before);
    });

    it("takes back the files of a save whose request then fails or does not commit, and keeps a committed save's", async () => {
      const kept = await save(health, { sectionSlug: "cam-nang", input: article("Cẩm nang đã lưu cùng ảnh"), uploads: { cover: { bytes: png(7), name: "giu.png" } }, storage: storage() });
      expect(kept.ok).toBe(true);
      const held = await objectsIn(dir());
      expect(held).toHaveLength(1);
      const before = await counts();

      // The save succeeds and stores its files; a later step of the same request fails: the unit rolls back.
      const who = await as(health);
      const failed = inUnit(db(), qn, async (tx, unit) => {
        const saved = await saveItem({ tx, unit, ...who, sectionSlug: "cam-nang", input: article("Lưu xong rồi hỏng"), uploads: { cover: { bytes: png(8), name: "moi.png" }, file: { bytes: PDF, name: "tai-lieu.pdf" } }, storage: storage() });
        expect(saved.ok).toBe(true);
        expect(await objectsIn(dir())).toHaveLength(3);
        throw new Error("a later step failed");
      });
      await expect(failed).rejects.toThrow("a later step failed");
      expect(await counts()).toEqual(before);
      expect(await objectsIn(dir())).toEqual(held);

      // A unit that ends without committing: its own PDF goes, the cover a committed item holds stays.
      const uncommitted = await save(health, { sectionSlug: "cam-nang", input: article("Không được lưu"), uploads: { cover: { bytes: png(7), name: "cung-anh.png" }, file: { bytes: PDF, name: "tai-lieu.pdf" } }, storage: storage() }, { commit: false });
      expect(uncommitted.ok).toBe(true);
      expect(await counts()).toEqual(before);
      expect(await objectsIn(dir())).toEqual(held);
      const cover = await db().owner.item.findUniqueOrThrow({ where: { id: kept.ok ? kept.value.id : "" }, include: { cover: true } }).then((i) => i.cover);
      expect(held).toEqual([cover!.storageKey]);
    });

    it("leaves an existing item exactly as it was when an edit is refused, its new cover included", async () => {
      const created = await save(health, { sectionSlug: "cam-nang", input: article("Bài trước khi sửa"), uploads: { cover: { bytes: png(5), name: "cu.png" } }, storage: storage() });
      const id = created.ok ? created.value.id : "";
      const item = await db().owner.item.findUniqueOrThrow({ where: { id }, include: { translations: true } });
      const before = await counts();
      const objects = await objectsIn(dir());
      const refused = await save(health, {
        sectionSlug: "cam-nang",
        itemId: id,
        input: { kind: "article", coverId: item.coverId, translations: { vi: { title: "Tiêu đề mới", summary: "Tóm tắt mới" } }, mediaUrl: "javascript:alert(1)" },
        uploads: { cover: { bytes: png(6), name: "moi.png" } },
        storage: storage(),
      });
      expect(refused).toEqual({ ok: false, errors: { mediaUrl: ["errors.urlInvalid"] } });
      const after = await db().owner.item.findUniqueOrThrow({ where: { id }, include: { translations: true } });
      expect([after.version, after.coverId, after.translations.map((t) => t.title)]).toEqual([item.version, item.coverId, ["Bài trước khi sửa"]]);
      expect(await counts()).toEqual(before);
      expect(await objectsIn(dir())).toEqual(objects);

      const saved = await save(health, { sectionSlug: "cam-nang", itemId: id, input: { ...article("Tiêu đề mới"), coverId: item.coverId }, uploads: { cover: { bytes: png(6), name: "moi.png" } }, storage: storage() });
      expect(saved).toMatchObject({ ok: true, value: { id, version: item.version + 1 } });
      const cover = await db().owner.item.findUniqueOrThrow({ where: { id }, include: { cover: true } }).then((i) => i.cover);
      expect(cover?.fileName).toBe("moi.png");
      expect(await objectsIn(dir())).toContain(cover!.storageKey);
    });
  });
});
