// Uploaded files are judged by their bytes, not by their names: an executable renamed report.pdf is
// still an executable. Each purpose accepts a short list of formats, and the name must agree with what
// the bytes are, so the file a citizen downloads opens in the program its name promises.
import { fileTypeFromBuffer } from "file-type";

export type UploadPurpose = "document" | "image" | "video";

export type UploadCheck =
  | { ok: true; mime: string; ext: string; size: number }
  | { ok: false; reason: "errors.fileEmpty" | "errors.fileTooLarge" | "errors.fileType" | "errors.fileNameMismatch" };

const MB = 1024 * 1024;

export const UPLOAD_LIMITS: Record<UploadPurpose, number> = {
  document: 20 * MB,
  image: 5 * MB,
  video: 100 * MB,
};

// Detected extension (as file-type names it) -> the extensions a file name may carry for it.
export const UPLOAD_TYPES: Record<UploadPurpose, Record<string, readonly string[]>> = {
  document: { pdf: ["pdf"] },
  image: { png: ["png"], jpg: ["jpg", "jpeg"], webp: ["webp"], gif: ["gif"] },
  video: { mp4: ["mp4"], webm: ["webm"] },
};

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : "";
}

export async function checkUpload(options: {
  bytes: Uint8Array;
  filename: string;
  purpose: UploadPurpose;
}): Promise<UploadCheck> {
  const { bytes, filename, purpose } = options;
  if (bytes.length === 0) return { ok: false, reason: "errors.fileEmpty" };
  if (bytes.length > UPLOAD_LIMITS[purpose]) return { ok: false, reason: "errors.fileTooLarge" };
  const detected = await fileTypeFromBuffer(bytes);
  const names = detected ? UPLOAD_TYPES[purpose][detected.ext] : undefined;
  if (!detected || !names) return { ok: false, reason: "errors.fileType" };
  // Judged on the name the file will be offered under; a name without an extension counts as a
  // mismatch, since the download would open in nothing.
  if (!names.includes(extensionOf(safeFileName(filename)))) return { ok: false, reason: "errors.fileNameMismatch" };
  return { ok: true, mime: detected.mime, ext: detected.ext, size: bytes.length };
}

export const MAX_FILE_NAME = 150;

// Characters Windows refuses in file names; "/" and "\" are gone already with the path.
const RESERVED = /[<>:"|?*]/g;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Bidirectional controls turn "invoice\u202Efdp.exe" into what reads as "invoiceexe.pdf".
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// The name to offer a file for download under: the last path part of what the uploader's browser sent,
// in NFC, without control or direction characters, at most MAX_FILE_NAME characters with the extension
// kept when it must be shortened. "file" when nothing usable is left.
export function safeFileName(name: string): string {
  const base = (name.split(/[/\\]/).pop() ?? "")
    .normalize("NFC")
    .replace(CONTROL, "")
    .replace(BIDI, "")
    .replace(RESERVED, "_")
    .replace(/\s+/g, " ")
    // Leading dots hide the file on Unix; trailing dots and spaces are stripped by Windows anyway.
    .replace(/^[\s.]+|[\s.]+$/g, "");
  const chars = [...base];
  if (chars.length === 0) return "file";
  if (chars.length <= MAX_FILE_NAME) return base;
  const dot = base.lastIndexOf(".");
  const ext = dot > 0 && base.length - dot <= 10 ? [...base.slice(dot)] : [];
  return (chars.slice(0, MAX_FILE_NAME - ext.length).join("").trimEnd() + ext.join("")).normalize("NFC");
}
