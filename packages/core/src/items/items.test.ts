// Publishing at the use-case level on both backends, with the real packs and the matrix as permissions:
// drafts, review, scheduling, withdrawal, sanitizing, update events, search without diacritics.
import { fileURLToPath } from "node:url";
import { beforeAll, expect, it } from "vitest";
import { seedTenants, type Db, type Tx } from "@cong/db";
import { describeBackends, inUnit } from "@cong/db/testing";
import { loadAbility } from "../accounts/load-ability.ts";
import type { Viewer } from "../accounts/viewer.ts";
import { asLocalized } from "../json.ts";
import { listTenants } from "../tenants/list-tenants.ts";
import { getItemForEditing } from "./get-item-for-editing.ts";
import { documentFacets, getPublicSection, getPublishedItem, listFilterSchema, listPublishedItems, searchPublished } from "./public-items.ts";
import { publishDueItems } from "./publish-due-items.ts";
import { saveItem, type SaveItemOptions } from "./save-item.ts";
import { seedRegulations } from "./seed-regulations.ts";
import { transitionItem, type TransitionOptions } from "./transition-item.ts";

const tenantsDir = fileURLToPath(new URL("../../../../tenants", import.meta.url));

async function viewerOf(db: Db, tenantId: string, roles: Viewer["roles"], agencyKeys: string[]): Promise<Viewer> {
  const agencies = await db.owner.agency.findMany({ where: { tenantId, key: { in: agencyKeys } } });
  const user = await db.owner.user.create({ data: { tenantId, email: `${roles.join("-")}.${agencyKeys.join("-") || "none"}@test.vn`, name: "T", roles } });
  return { id: user.id, sessionId: "", tenantId, email: user.email, name: user.name, roles, agencies: agencies.map((a) => ({ id: a.id, key: a.key, names: asLocalized(a.names) })) };
}

describeBackends("publishing", ({ db }) => {
  let qn = "";
  let na = "";
  // Every use case runs in a unit of work in the province's scope, as a request's.
  const read = <T>(fn: (tx: Tx) => Promise<T>) => inUnit(db(), qn, fn);
  const as = async (viewer: Viewer) => {
    const { ability } = await read((tx) => loadAbility({ tx, viewer, tenantId: qn }));
    return { tenantId: qn, ability, actor: { id: viewer.id, email: viewer.email, ip: null }, agencyIds: viewer.agencies.map((a) => a.id) };
  };
  type Who = keyof Awaited<ReturnType<typeof as>> | "tx" | "unit";
  const save = async (viewer: Viewer, o: Omit<SaveItemOptions, Who>) => {
    const who = await as(viewer);
    return inUnit(db(), qn, (tx, unit) => saveItem({ tx, unit, ...who, ...o }));
  };
  const transition = async (viewer: Viewer, o: Omit<TransitionOptions, Who>) => {
    const who = await as(viewer);
    return read((tx) => transitionItem({ tx, ...who, ...o }));
  };
  let health: Viewer;
  let media: Viewer;
  let board: Viewer;
  const article = (title: string, body = "<p>Nội dung</p>") => ({ kind: "article", translations: { vi: { title, summary: "Tóm tắt", body } } });

  beforeAll(async () => {
    expect((await seedTenants(db(), tenantsDir)).failed).toEqual([]);
    const tenants = await inUnit(db(), { kind: "platform" }, (tx) => listTenants({ tx }));
    qn = tenants.find((t) => t.slug === "quang-ninh")!.id;
    na = tenants.find((t) => t.slug === "nghe-an")!.id;
    // Quảng Ninh asks for the editorial board's review of news (a tenant setting, as an admin would set it).
    await db().owner.section.updateMany({ where: { tenantId: qn, slug: "tin-tuc" }, data: { review: true } });
    health = await viewerOf(db(), qn, ["editor"], ["so-y-te"]);
    media = await viewerOf(db(), qn, ["editor"], ["trung-tam-truyen-thong"]);
    board = await viewerOf(db(), qn, ["board"], []);
  });

  it("lets the Department of Health publish its handbook directly, sanitized, and records the update event", async () => {
    const saved = await save(health, {
      sectionSlug: "cam-nang",
      input: article("Hướng dẫn cách ly tại nhà ở Quảng Ninh", '<p onclick="x()">Đọc kỹ</p><script>alert(1)</script><img src="x" onerror="alert(2)">'),
    });
    expect(saved.ok).toBe(true);
    const id = saved.ok ? saved.value.id : "";
    const row = await db().owner.itemTranslation.findFirstOrThrow({ where: { itemId: id } });
    expect(row.body).toContain("Đọc kỹ");
    expect(row.body).not.toMatch(/script|onerror|onclick|alert/);
    expect(await read((tx) => listPublishedItems({ tx, tenantId: qn, locale: "vi", filter: listFilterSchema.parse({}) })).then((p) => p.items.some((i) => i.id === id))).toBe(false);

    const published = await transition(health, { itemId: id, input: { action: "publish" } });
    expect(published).toEqual({ ok: true, value: { id, status: "published" } });
    const event = await db().owner.updateEvent.findFirstOrThrow({ where: { itemId: id }, include: { agency: true, section: true } });
    expect([event.kind, event.agency?.key, event.section.slug]).toEqual(["publish", "so-y-te", "cam-nang"]);
    const item = await read((tx) => getPublishedItem({ tx, tenantId: qn, sectionSlug: "cam-nang", itemSlug: saved.ok ? saved.value.slug : "", locale: "vi" }));
    expect(item?.title).toBe("Hướng dẫn cách ly tại nhà ở Quảng Ninh");
    expect(saved.ok && saved.value.slug).toBe("huong-dan-cach-ly-tai-nha-o-quang-ninh");
  });

  it("refuses another agency's section, and names every refused field without saving anything", async () => {
    expect(await save(health, { sectionSlug: "chinh-sach-ho-tro", input: article("Chính sách") })).toEqual({ ok: false, forbidden: true });
    const before = await db().owner.item.count({ where: { tenantId: qn } });
    const bad = await save(health, {
      sectionSlug: "cam-nang",
      input: { kind: "document", category: "khong-co", translations: { vi: { title: "", summary: "x" }, zh: { title: "Z" } }, mediaUrl: "javascript:alert(1)" },
    });
    expect(bad.ok).toBe(false);
    const errors = !bad.ok && "errors" in bad ? bad.errors : {};
    expect(Object.keys(errors).sort()).toEqual(
      ["category", "doc.form", "doc.issuedOn", "doc.issuer", "doc.number", "kind", "mediaUrl", "translations.vi.title"].sort(),
    );
    expect(await db().owner.item.count({ where: { tenantId: qn } })).toBe(before);
  });

  it("sends news through the editorial board: the agency submits, the board publishes", async () => {
    const saved = await save(media, { sectionSlug: "tin-tuc", input: { ...article("Bản tin chiều"), category: "quang-ninh" } });
    expect(saved.ok).toBe(true);
    const id = saved.ok ? saved.value.id : "";
    expect(await transition(media, { itemId: id, input: { action: "publish" } })).toEqual({ ok: false, forbidden: true });
    expect(await transition(media, { itemId: id, input: { action: "submit" } })).toEqual({ ok: true, value: { id, status: "submitted" } });
    expect(await transition(board, { itemId: id, input: { action: "publish" } })).toEqual({ ok: true, value: { id, status: "published" } });
    // the event counts for the agency that wrote it, not the board
    const event = await db().owner.updateEvent.findFirstOrThrow({ where: { itemId: id }, include: { agency: true } });
    expect(event.agency?.key).toBe("trung-tam-truyen-thong");
    const { ability } = await as(media);
    const editing = await read((tx) => getItemForEditing({ tx, tenantId: qn, ability, itemId: id }));
    expect(editing?.revisions.map((r) => r.action)).toEqual(["publish", "submit", "create"]);
  });

  it("finds published content whatever the diacritics and case, title matches first", async () => {
    const results = await Promise.all(["quang ninh", "QUẢNG NINH", "quảng ninh", "QUANG NINH"].map((q) => read((tx) => searchPublished({ tx, tenantId: qn, q, locale: "vi" }))));
    const ids = results.map((r) => r.items.map((i) => i.id));
    expect(ids[0]!.length).toBeGreaterThan(0);
    for (const other of ids) expect(other).toEqual(ids[0]);
    expect(results[0]!.items[0]!.title).toContain("Quảng Ninh");
    expect((await read((tx) => searchPublished({ tx, tenantId: qn, q: "cach ly", locale: "vi" }))).items.map((i) => i.title)).toContain("Hướng dẫn cách ly tại nhà ở Quảng Ninh");
    expect((await read((tx) => searchPublished({ tx, tenantId: qn, q: "'); drop table item; --", locale: "vi" }))).items).toEqual([]);
  });

  it("publishes a scheduled item when its time comes, even after downtime, and only once", async () => {
    const saved = await save(health, { sectionSlug: "cam-nang", input: article("Lịch tiêm chủng tuần tới") });
    const id = saved.ok ? saved.value.id : "";
    const now = new Date();
    const at = new Date(now.getTime() + 3_600_000);
    expect(await transition(health, { itemId: id, input: { action: "schedule", publishAt: at.toISOString() }, now })).toMatchObject({ ok: true, value: { status: "scheduled" } });
    expect(await transition(health, { itemId: id, input: { action: "schedule", publishAt: "2020-01-01T00:00" }, now })).toEqual({ ok: false, errors: { publishAt: ["errors.publishAtPast"] } });
    expect(await transition(health, { itemId: id, input: { action: "submit" }, now })).toEqual({ ok: false, errors: { form: ["errors.transitionNotAllowed"] } });
    expect((await publishDueItems(db(), now)).published).toBe(0);
    const later = new Date(at.getTime() + 5 * 3_600_000); // the server was down meanwhile
    const [first, second] = await Promise.all([publishDueItems(db(), later), publishDueItems(db(), later)]);
    expect(first.published + second.published).toBe(1);
    expect(await db().owner.item.findUniqueOrThrow({ where: { id } }).then((i) => i.status)).toBe("published");
    expect(await db().owner.updateEvent.count({ where: { itemId: id } })).toBe(1);
  });

  it("search ranks a title match first and reads only the stored, indexed vectors", async () => {
    const inBody = await save(health, { sectionSlug: "cam-nang", input: article("Lịch làm việc của trạm", "<p>Khu phong tỏa Hạ Long mở lại</p>") });
    const inTitle = await save(health, { sectionSlug: "cam-nang", input: article("Khu phong tỏa Hạ Long mở lại", "<p>Thông báo</p>") });
    for (const saved of [inBody, inTitle]) await transition(health, { itemId: saved.ok ? saved.value.id : "", input: { action: "publish" } });
    const found = (await read((tx) => searchPublished({ tx, tenantId: qn, q: "phong toa ha long", locale: "vi" }))).items.map((i) => i.title);
    expect(found.slice(0, 2)).toEqual(["Khu phong tỏa Hạ Long mở lại", "Lịch làm việc của trạm"]);
    // The province is part of the one index lookup: Nghệ An's search never finds Quảng Ninh's items.
    expect((await inUnit(db(), na, (tx) => searchPublished({ tx, tenantId: na, q: "phong toa ha long", locale: "vi" }))).items).toEqual([]);
    // A word still being typed is tried as a prefix once whole words find nothing.
    expect((await read((tx) => searchPublished({ tx, tenantId: qn, q: "phong toa ha lo", locale: "vi" }))).items.map((i) => i.title).slice(0, 2)).toEqual(found.slice(0, 2));
    // One search entry per published item, kept by the database in the same transaction as the change.
    const counts = await db().owner.$queryRawUnsafe<{ entries: number; published: number }[]>(
      `select (select count(*)::int from search_entry) as entries, (select count(*)::int from item where status = 'published') as published`,
    );
    expect(counts[0]!.entries).toBe(counts[0]!.published);
    // A changed text is searched as changed (the entry follows its translation).
    const edited = inTitle.ok ? inTitle.value.id : "";
    await db().owner.$executeRawUnsafe(`update item_translation set search_text = 'ban tin da sua lai' where item_id = '${edited}'`);
    expect((await read((tx) => searchPublished({ tx, tenantId: qn, q: "ban tin da sua lai", locale: "vi" }))).items.map((i) => i.id)).toEqual([edited]);
    // The plan a search runs: the GIN indexes of the entries, asked for the words and the province
    // together; no to_tsvector per row; and the province's part of the entries only.
    const explain = (sql: string) =>
      db().owner.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("set local enable_seqscan = off");
        return (await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`explain ${sql}`)).map((r) => r["QUERY PLAN"]).join("\n");
      });
    const text = await explain(`select item_id from search_entry e where e.vector @@ (to_tsquery('simple', 'phong & toa & ha & long') && (quote_literal('~' || '${qn}'))::tsquery)`);
    expect(text).toMatch(/Bitmap Index Scan on search_entry_\d+_vector_idx/);
    expect(text).toContain(`~${qn}`);
    expect(await explain(`select item_id from search_entry e where e.tenant_id = '${qn}'`)).not.toContain("Append");
    expect(text).not.toContain("to_tsvector");
  });

  it("pages through a section newest first on an index, without sorting the section", async () => {
    const section = await read((tx) => getPublicSection({ tx, tenantId: qn, slug: "cam-nang" }));
    const plan = await db().owner.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("set local enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `explain select id from item where section_id = '${section!.id}' and status = 'published' order by published_at desc, id limit 20 offset 40`,
      );
    });
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toContain("item_section_id_status_published_at_idx");
    expect(text).not.toMatch(/^\s*(->\s*)?Sort\b/m);
  });

  it("takes a withdrawn item off the section pages and search", async () => {
    const saved = await save(health, { sectionSlug: "cam-nang", input: article("Thông báo tạm thời về Quảng Ninh") });
    const id = saved.ok ? saved.value.id : "";
    await transition(health, { itemId: id, input: { action: "publish" } });
    expect((await read((tx) => searchPublished({ tx, tenantId: qn, q: "thong bao tam thoi", locale: "vi" }))).items.map((i) => i.id)).toEqual([id]);
    expect(await transition(health, { itemId: id, input: { action: "withdraw" } })).toMatchObject({ ok: true, value: { status: "withdrawn" } });
    expect((await read((tx) => searchPublished({ tx, tenantId: qn, q: "thong bao tam thoi", locale: "vi" }))).items).toEqual([]);
    const section = await read((tx) => getPublicSection({ tx, tenantId: qn, slug: "cam-nang" }));
    const page = await read((tx) => listPublishedItems({ tx, tenantId: qn, sectionId: section!.id, locale: "vi", filter: listFilterSchema.parse({}) }));
    expect(page.items.map((i) => i.id)).not.toContain(id);
  });

  it("seeds the province's regulations as documents once, filterable by form and date", async () => {
    const first = await seedRegulations(db(), tenantsDir);
    expect(first.find((r) => r.slug === "quang-ninh")?.created).toBe(2);
    expect((await seedRegulations(db(), tenantsDir)).every((r) => r.created === 0)).toBe(true);
    const docs = await read((tx) => getPublicSection({ tx, tenantId: qn, slug: "van-ban-chi-dao" }));
    const all = await read((tx) => listPublishedItems({ tx, tenantId: qn, sectionId: docs!.id, locale: "vi", filter: listFilterSchema.parse({}) }));
    const d3591 = all.items.find((i) => i.doc?.number === "3591/QĐ-UBND");
    expect(d3591?.doc).toMatchObject({ form: "Quyết định", issuer: "Ủy ban nhân dân tỉnh Quảng Ninh", signer: "Phạm Văn Thành", issuedOn: "2021-10-15" });
    expect(d3591?.categorySlug).toBe("tinh");
    const in2021 = await read((tx) => listPublishedItems({ tx, tenantId: qn, sectionId: docs!.id, locale: "vi", filter: listFilterSchema.parse({ from: "2021-01-01", to: "2021-12-31" }) }));
    expect(in2021.items.map((i) => i.doc?.number)).toEqual(["3591/QĐ-UBND"]);
    expect((await read((tx) => documentFacets({ tx, tenantId: qn, sectionId: docs!.id }))).forms).toEqual(["Quyết định"]);
    // English: the title is translated, the full text stays Vietnamese
    const en = await read((tx) => getPublishedItem({ tx, tenantId: qn, sectionSlug: "van-ban-chi-dao", itemSlug: d3591!.slug, locale: "en" }));
    expect(en?.title).toContain("Rules on operating");
  });
});
