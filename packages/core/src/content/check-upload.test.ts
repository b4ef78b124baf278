import { describe, expect, it } from "vitest";
import { checkUpload, MAX_FILE_NAME, safeFileName, UPLOAD_LIMITS } from "./check-upload.ts";

const ascii = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: (Uint8Array | number[])[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

const PDF = ascii(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" +
    "trailer<</Root 1 0 R>>\n%%EOF\n",
);
// PNG signature followed by an IHDR chunk (1x1, 8-bit RGBA); CRC left zero, detection does not need it.
const PNG = concat(
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [0, 0, 0, 13], ascii("IHDR"), [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0], [0, 0, 0, 0],
);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...ascii("JFIF"), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
const GIF = concat(ascii("GIF89a"), [1, 0, 1, 0, 0, 0, 0, 0x3b]);
const WEBP = concat(ascii("RIFF"), [26, 0, 0, 0], ascii("WEBPVP8 "), new Uint8Array(14));
// An ISO media file: an "ftyp" box with the isom brand.
const MP4 = concat([0, 0, 0, 0x18], ascii("ftypisom"), [0, 0, 2, 0], ascii("isomiso2"), new Uint8Array(8));
// EBML header with a DocType element: "webm" is WebM, "matroska" is MKV (same container, not accepted).
const ebml = (docType: string) =>
  concat([0x1a, 0x45, 0xdf, 0xa3, 0x83 + docType.length, 0x42, 0x82, 0x80 + docType.length], ascii(docType), [0x18, 0x53, 0x80, 0x67, 0x80]);
const WEBM = ebml("webm");
const MKV = ebml("matroska");
// ELF: magic, 64-bit, little-endian, version 1, then zeros.
const ELF = concat([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], new Uint8Array(56));
// DOS/Windows executable: "MZ" and a header's worth of zeros.
const MZ = concat(ascii("MZ"), [0x90, 0, 3, 0, 0, 0, 4, 0], new Uint8Array(54));
const SVG = ascii('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
const TEXT = ascii("Day chi la van ban thuong, khong phai anh.\n");

describe("checkUpload", () => {
  it("accepts a real PDF as a document and reports its type and size", async () => {
    expect(await checkUpload({ bytes: PDF, filename: "Quyết định 123.pdf", purpose: "document" })).toEqual({
      ok: true,
      mime: "application/pdf",
      ext: "pdf",
      size: PDF.length,
    });
    expect(await checkUpload({ bytes: PDF, filename: "SCAN.PDF", purpose: "document" })).toMatchObject({ ok: true });
  });

  it("accepts each image format under a matching name", async () => {
    expect(await checkUpload({ bytes: PNG, filename: "anh.png", purpose: "image" })).toMatchObject({ ok: true, mime: "image/png" });
    expect(await checkUpload({ bytes: JPEG, filename: "anh.jpeg", purpose: "image" })).toMatchObject({ ok: true, ext: "jpg" });
    expect(await checkUpload({ bytes: JPEG, filename: "anh.JPG", purpose: "image" })).toMatchObject({ ok: true, mime: "image/jpeg" });
    expect(await checkUpload({ bytes: GIF, filename: "a.gif", purpose: "image" })).toMatchObject({ ok: true, mime: "image/gif" });
    expect(await checkUpload({ bytes: WEBP, filename: "a.webp", purpose: "image" })).toMatchObject({ ok: true, mime: "image/webp" });
  });

  it("accepts MP4 and WebM videos, not other containers", async () => {
    expect(await checkUpload({ bytes: MP4, filename: "hop-bao.mp4", purpose: "video" })).toMatchObject({
      ok: true,
      mime: "video/mp4",
      ext: "mp4",
    });
    expect(await checkUpload({ bytes: WEBM, filename: "hop-bao.webm", purpose: "video" })).toMatchObject({
      ok: true,
      mime: "video/webm",
    });
    expect(await checkUpload({ bytes: MKV, filename: "hop-bao.webm", purpose: "video" })).toMatchObject({
      reason: "errors.fileType",
    });
  });

  it("refuses an empty file", async () => {
    expect(await checkUpload({ bytes: new Uint8Array(0), filename: "a.pdf", purpose: "document" })).toEqual({
      ok: false,
      reason: "errors.fileEmpty",
    });
  });

  it("refuses a file over its purpose's limit, and accepts one exactly at it", async () => {
    const atLimit = concat(PNG, new Uint8Array(UPLOAD_LIMITS.image - PNG.length));
    expect(await checkUpload({ bytes: atLimit, filename: "a.png", purpose: "image" })).toMatchObject({ ok: true });
    const over = concat(atLimit, [0]);
    expect(await checkUpload({ bytes: over, filename: "a.png", purpose: "image" })).toEqual({
      ok: false,
      reason: "errors.fileTooLarge",
    });
    expect(UPLOAD_LIMITS).toEqual({ document: 20 * 1024 * 1024, image: 5 * 1024 * 1024, video: 100 * 1024 * 1024 });
  });

  it("judges by content: executables and text renamed to an allowed name are refused", async () => {
    for (const [bytes, filename, purpose] of [
      [ELF, "report.pdf", "document"],
      [MZ, "report.pdf", "document"],
      [MZ, "anh.png", "image"],
      [TEXT, "x.png", "image"],
      [TEXT, "x.pdf", "document"],
      [SVG, "logo.png", "image"],
    ] as const) {
      expect(await checkUpload({ bytes, filename, purpose }), filename).toEqual({ ok: false, reason: "errors.fileType" });
    }
  });

  it("refuses a real file of another purpose's type", async () => {
    expect(await checkUpload({ bytes: PNG, filename: "x.png", purpose: "document" })).toMatchObject({ reason: "errors.fileType" });
    expect(await checkUpload({ bytes: PDF, filename: "x.pdf", purpose: "image" })).toMatchObject({ reason: "errors.fileType" });
    expect(await checkUpload({ bytes: PNG, filename: "x.png", purpose: "video" })).toMatchObject({ reason: "errors.fileType" });
  });

  it("refuses a name that does not agree with the content", async () => {
    for (const filename of ["x.pdf", "x.jpg", "x", "x.png.exe", ".png"]) {
      expect(await checkUpload({ bytes: PNG, filename, purpose: "image" }), filename).toEqual({
        ok: false,
        reason: "errors.fileNameMismatch",
      });
    }
    expect(await checkUpload({ bytes: PDF, filename: "bao-cao.docx", purpose: "document" })).toMatchObject({
      reason: "errors.fileNameMismatch",
    });
  });
});

describe("safeFileName", () => {
  it("keeps only the last part of a path, from either kind of separator", () => {
    expect(safeFileName("C:\\Users\\an\\Desktop\\Báo cáo.pdf")).toBe("Báo cáo.pdf");
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("/tmp/x/")).toBe("file");
  });

  it("returns NFC", () => {
    const nfd = "Quyết định.pdf".normalize("NFD");
    expect(safeFileName(nfd)).toBe("Quyết định.pdf".normalize("NFC"));
  });

  it("strips control and direction characters that disguise a name", () => {
    expect(safeFileName("bao\u0000cao\r\n.pdf")).toBe("baocao.pdf");
    expect(safeFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
  });

  it("replaces characters Windows refuses and trims dots and spaces at the ends", () => {
    expect(safeFileName('a<b>c:d"e|f?g*.pdf')).toBe("a_b_c_d_e_f_g_.pdf");
    expect(safeFileName("  .hidden.pdf. ")).toBe("hidden.pdf");
  });

  it("shortens long names to the limit, keeping the extension", () => {
    const long = `${"Quyết định ".repeat(30)}.pdf`;
    const safe = safeFileName(long);
    expect([...safe].length).toBeLessThanOrEqual(MAX_FILE_NAME);
    expect(safe.endsWith(".pdf")).toBe(true);
    expect(safe.startsWith("Quyết định Quyết")).toBe(true);
    // Counted in characters: an emoji is one, and is never cut in half.
    const emoji = safeFileName("😀".repeat(200));
    expect([...emoji]).toHaveLength(MAX_FILE_NAME);
    expect(emoji).toBe("😀".repeat(MAX_FILE_NAME));
  });

  it("falls back to 'file' when nothing usable is left", () => {
    expect(safeFileName("")).toBe("file");
    expect(safeFileName("\u0000\u0001")).toBe("file");
    expect(safeFileName("...")).toBe("file");
  });
});
