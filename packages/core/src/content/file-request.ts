// What a GET or HEAD for a stored file asks for, decided from the file's validators and size alone, so
// that nothing is read from storage to answer "not modified" or "no such range": the whole file (200),
// one byte range of it (206), nothing new (304), or a range it does not have (416). RFC 9110 §13
// (conditional requests) and §14 (range requests); If-Match and If-Unmodified-Since are for writes and
// are not looked at.
import type { ByteRange } from "./storage.ts";

/** What the server knows of the file: its strong entity tag (quoted), modification time and size. */
export type FileValidators = { etag: string; lastModified: Date; size: number };

export type FileAnswer = { status: 200; range: null } | { status: 206; range: ByteRange } | { status: 304 } | { status: 416 };

const RANGE = /^bytes=\s*(\d*)-(\d*)\s*$/i;
const ENTITY_TAG = /(W\/)?"[\x21\x23-\x7e\x80-\xff]*"/g;

/**
 * One range out of a Range header: null when there is none to honour (absent, malformed, another unit,
 * several ranges: the whole file is the answer then, as RFC 9110 allows), "unsatisfiable" when it lies
 * past the end of the file.
 */
export function parseByteRange(header: string | null, size: number): ByteRange | "unsatisfiable" | null {
  if (header === null || size === 0) return null;
  const match = RANGE.exec(header.trim());
  if (!match) return null;
  const [first, last] = [match[1]!, match[2]!];
  if (first === "") {
    // bytes=-n: the last n bytes, or the whole file when it is shorter.
    if (last === "") return null;
    const suffix = Number(last);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? Number.POSITIVE_INFINITY : Number(last);
  if (end < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end: Math.min(end, size - 1) };
}

// Seconds are all an HTTP date holds.
const toSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

// Browsers and HTTP libraries send IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"). Anything else is
// treated as no date at all, which costs at most a full response, never a wrong 304.
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

function httpDateSeconds(value: string): number | null {
  const trimmed = value.trim();
  const parsed = IMF_FIXDATE.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(parsed) ? null : Math.floor(parsed / 1000);
}

// If-None-Match compares weakly: W/"x" matches "x".
function noneMatch(header: string, etag: string): boolean {
  if (header.trim() === "*") return true;
  return (header.match(ENTITY_TAG) ?? []).some((tag) => tag.replace(/^W\//, "") === etag);
}

// If-Range compares strongly (a weak tag never matches) or holds the exact Last-Modified date.
function rangeStillValid(header: string, file: FileValidators): boolean {
  const value = header.trim();
  if (value.startsWith('"') || value.startsWith("W/")) return value === file.etag;
  return httpDateSeconds(value) === toSeconds(file.lastModified);
}

export function answerFileRequest(file: FileValidators, request: { method: string; headers: Headers }): FileAnswer {
  const { headers } = request;
  const ifNoneMatch = headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    if (noneMatch(ifNoneMatch, file.etag)) return { status: 304 };
  } else {
    // Only without If-None-Match, which is the more precise of the two.
    const since = headers.get("if-modified-since");
    const sinceSeconds = since === null ? null : httpDateSeconds(since);
    if (sinceSeconds !== null && toSeconds(file.lastModified) <= sinceSeconds) return { status: 304 };
  }
  // Ranges are defined for GET only; a HEAD describes the whole file.
  if (request.method !== "GET") return { status: 200, range: null };
  const ifRange = headers.get("if-range");
  if (ifRange !== null && !rangeStillValid(ifRange, file)) return { status: 200, range: null };
  const range = parseByteRange(headers.get("range"), file.size);
  if (range === null) return { status: 200, range: null };
  if (range === "unsatisfiable") return { status: 416 };
  return { status: 206, range };
}

/** The Last-Modified value for a date: an IMF-fixdate, whole seconds. */
export function httpDate(date: Date): string {
  return new Date(toSeconds(date) * 1000).toUTCString();
}
