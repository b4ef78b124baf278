import { describe, expect, it } from "vitest";
import { diffRevisions, type DiffPart } from "./revision-diff.ts";

// The old and new text a reader would see from a list of parts. diffWords keeps whitespace only "as far
// as possible" around changed words, so spacing is compared collapsed.
const joined = (parts: DiffPart[]) => parts.map((part) => part.value).join("").replace(/\s+/g, " ").trim();
const sides = (parts: DiffPart[] | undefined) => ({
  before: joined((parts ?? []).filter((part) => !part.added)),
  after: joined((parts ?? []).filter((part) => !part.removed)),
});
const changedWords = (parts: DiffPart[] | undefined, kind: "added" | "removed") =>
  (parts ?? []).filter((part) => part[kind]).map((part) => part.value.trim());

describe("diffRevisions", () => {
  it("lists every field of a first revision as added, text with its words", () => {
    expect(diffRevisions(null, { title: "Thông báo", order: 3, tags: ["a"] })).toEqual([
      { field: "title", change: "added", parts: [{ value: "Thông báo", added: true }] },
      { field: "order", change: "added" },
      { field: "tags", change: "added" },
    ]);
  });

  it("reports nothing when nothing changed, whatever the key order", () => {
    const revision = { title: "A", meta: { b: 1, a: [{ x: 1, y: 2 }] } };
    expect(diffRevisions(revision, { meta: { a: [{ y: 2, x: 1 }], b: 1 }, title: "A" })).toEqual([]);
  });

  it("shows which words of a text changed", () => {
    const [change] = diffRevisions(
      { title: "Thông báo nghỉ lễ Quốc khánh" },
      { title: "Thông báo lịch nghỉ lễ 2/9" },
    );
    expect(change!.field).toBe("title");
    expect(change!.change).toBe("changed");
    expect(changedWords(change!.parts, "added")).toEqual(["lịch", "2/9"]);
    expect(changedWords(change!.parts, "removed")).toEqual(["Quốc khánh"]);
    expect(sides(change!.parts)).toEqual({ before: "Thông báo nghỉ lễ Quốc khánh", after: "Thông báo lịch nghỉ lễ 2/9" });
    // Unchanged words are plain parts, without added or removed flags.
    expect(change!.parts![0]).toEqual({ value: "Thông báo " });
  });

  it("compares rich text as the words a reader sees, not markup", () => {
    const [change] = diffRevisions(
      { body: "<p>Hạn nộp hồ sơ: <strong>thứ Hai</strong>.</p>" },
      { body: "<p>Hạn nộp hồ sơ: <strong>thứ Sáu</strong>.</p><p>Liên hệ &amp; hỏi đáp</p>" },
    );
    expect(change!.change).toBe("changed");
    const { before, after } = sides(change!.parts);
    expect(before).toBe("Hạn nộp hồ sơ: thứ Hai.");
    expect(after).toBe("Hạn nộp hồ sơ: thứ Sáu. Liên hệ & hỏi đáp");
    expect(change!.parts!.some((part) => /<|&amp;/.test(part.value))).toBe(false);
    expect(changedWords(change!.parts, "removed")).toEqual(["Hai"]);
    expect(changedWords(change!.parts, "added")).toContain("Sáu");
  });

  it("still reports a change of formatting alone, with no word marked", () => {
    const [change] = diffRevisions({ body: "<p>Chú ý</p>" }, { body: "<p><strong>Chú ý</strong></p>" });
    expect(change!.change).toBe("changed");
    expect(change!.parts).toEqual([{ value: "Chú ý" }]);
  });

  it("flattens translations into field paths", () => {
    const before = { slug: "thong-bao", translations: { vi: { title: "Thông báo", summary: "Tóm tắt" }, en: { title: "Notice" } } };
    const after = { slug: "thong-bao", translations: { vi: { title: "Thông báo mới", summary: "Tóm tắt" }, zh: { title: "通知" } } };
    const changes = diffRevisions(before, after);
    expect(changes.map(({ field, change }) => ({ field, change }))).toEqual([
      { field: "translations.vi.title", change: "changed" },
      { field: "translations.zh.title", change: "added" },
      { field: "translations.en.title", change: "removed" },
    ]);
    expect(changes[2]!.parts).toEqual([{ value: "Notice", removed: true }]);
  });

  it("compares other values by JSON and gives them no word parts", () => {
    const changes = diffRevisions(
      { order: 1, published: true, effectiveOn: new Date("2025-01-01T00:00:00Z"), tags: ["a", "b"], note: null },
      { order: 2, published: true, effectiveOn: new Date("2025-01-01T00:00:00Z"), tags: ["b", "a"], note: "Mới" },
    );
    expect(changes).toEqual([
      { field: "order", change: "changed" },
      { field: "tags", change: "changed" },
      { field: "note", change: "changed" },
    ]);
  });

  it("treats undefined as absent and null as a value", () => {
    expect(diffRevisions({ a: undefined, b: null }, { a: undefined, b: null })).toEqual([]);
    expect(diffRevisions({ a: "x" }, { a: undefined })).toEqual([{ field: "a", change: "removed", parts: [{ value: "x", removed: true }] }]);
    expect(diffRevisions({ b: null }, {})).toEqual([{ field: "b", change: "removed" }]);
  });

  it("lists fields in the new revision's order, then the ones it dropped", () => {
    const changes = diffRevisions({ z: 1, a: 1, gone: 1 }, { b: 2, z: 2, a: 2 });
    expect(changes.map((change) => change.field)).toEqual(["b", "z", "a", "gone"]);
  });
});
