import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerFileRequest, httpDate, parseByteRange, type FileValidators } from "./file-request.ts";

const file: FileValidators = { etag: '"9f86d081884c7d65"', lastModified: new Date("2025-03-14T08:30:15.250Z"), size: 1000 };
const get = (headers: Record<string, string>, method = "GET") => answerFileRequest(file, { method, headers: new Headers(headers) });

describe("parseByteRange", () => {
  it.each([
    ["bytes=0-0", { start: 0, end: 0 }],
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=500-", { start: 500, end: 999 }],
    ["bytes=0-", { start: 0, end: 999 }],
    ["bytes=-100", { start: 900, end: 999 }],
    ["bytes=-5000", { start: 0, end: 999 }],
    ["bytes=990-5000", { start: 990, end: 999 }],
    ["bytes=999-999", { start: 999, end: 999 }],
    ["Bytes=10-20", { start: 10, end: 20 }],
    ["bytes=0-99999999999999999999999", { start: 0, end: 999 }],
  ])("%s is one range", (header, range) => {
    expect(parseByteRange(header, 1000)).toEqual(range);
  });

  it.each(["bytes=1000-", "bytes=1000-2000", "bytes=-0", "bytes=99999999999999999999999-"])("%s lies past the end", (header) => {
    expect(parseByteRange(header, 1000)).toBe("unsatisfiable");
  });

  // RFC 9110 lets a server ignore what it does not honour and send the whole file.
  it.each(["bytes=0-1,5-6", "bytes=5-1", "bytes=-", "bytes=a-b", "items=0-1", "bytes 0-1", "bytes=0x10-20", "bytes=1.5-2", "", "bytes=-1-2"])(
    "%j is ignored",
    (header) => {
      expect(parseByteRange(header, 1000)).toBeNull();
    },
  );

  it("asks nothing of an empty file", () => {
    expect(parseByteRange("bytes=0-0", 0)).toBeNull();
    expect(parseByteRange(null, 10)).toBeNull();
  });

  it("only ever answers a range inside the file", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.string(), (size, tail) => {
        const answer = parseByteRange(`bytes=${tail}`, size);
        if (answer !== null && answer !== "unsatisfiable") {
          expect(Number.isSafeInteger(answer.start) && Number.isSafeInteger(answer.end)).toBe(true);
          expect(answer.start).toBeGreaterThanOrEqual(0);
          expect(answer.end).toBeGreaterThanOrEqual(answer.start);
          expect(answer.end).toBeLessThan(size);
        }
      }),
    );
  });

  it("gives the bytes a-b of a file as a-min(b, last)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(6000), fc.nat(6000), (size, a, b) => {
        const answer = parseByteRange(`bytes=${a}-${b}`, size);
        if (b < a) expect(answer).toBeNull();
        else if (a >= size) expect(answer).toBe("unsatisfiable");
        else expect(answer).toEqual({ start: a, end: Math.min(b, size - 1) });
      }),
    );
  });
});

describe("answerFileRequest", () => {
  it("answers the whole file when nothing is asked", () => {
    expect(get({})).toEqual({ status: 200, range: null });
    expect(get({}, "HEAD")).toEqual({ status: 200, range: null });
  });

  it("answers 304 to the file's own entity tag, in a list or weak, and to *", () => {
    expect(get({ "If-None-Match": file.etag })).toEqual({ status: 304 });
    expect(get({ "If-None-Match": `"other", ${file.etag}` })).toEqual({ status: 304 });
    expect(get({ "If-None-Match": `W/${file.etag}` })).toEqual({ status: 304 });
    expect(get({ "If-None-Match": "*" })).toEqual({ status: 304 });
    expect(get({ "If-None-Match": file.etag }, "HEAD")).toEqual({ status: 304 });
    expect(get({ "If-None-Match": '"9f86d081884c7d6"' })).toEqual({ status: 200, range: null });
    expect(get({ "If-None-Match": file.etag.slice(1, -1) })).toEqual({ status: 200, range: null });
  });

  it("answers 304 when the file is not newer than If-Modified-Since, to the second", () => {
    expect(get({ "If-Modified-Since": "Fri, 14 Mar 2025 08:30:15 GMT" })).toEqual({ status: 304 });
    expect(get({ "If-Modified-Since": "Sat, 15 Mar 2025 00:00:00 GMT" })).toEqual({ status: 304 });
    expect(get({ "If-Modified-Since": "Fri, 14 Mar 2025 08:30:14 GMT" })).toEqual({ status: 200, range: null });
    // Not an HTTP date: no condition.
    expect(get({ "If-Modified-Since": "2030" })).toEqual({ status: 200, range: null });
    expect(get({ "If-Modified-Since": "yesterday" })).toEqual({ status: 200, range: null });
  });

  it("lets If-None-Match decide when both conditions are sent", () => {
    expect(get({ "If-None-Match": '"other"', "If-Modified-Since": "Sat, 15 Mar 2025 00:00:00 GMT" })).toEqual({ status: 200, range: null });
  });

  it("answers one range with 206 and a range past the end with 416", () => {
    expect(get({ Range: "bytes=0-1" })).toEqual({ status: 206, range: { start: 0, end: 1 } });
    expect(get({ Range: "bytes=-10" })).toEqual({ status: 206, range: { start: 990, end: 999 } });
    expect(get({ Range: "bytes=1000-" })).toEqual({ status: 416 });
    expect(get({ Range: "bytes=0-1,3-4" })).toEqual({ status: 200, range: null });
  });

  it("describes the whole file to a HEAD, whatever Range it sends", () => {
    expect(get({ Range: "bytes=0-1" }, "HEAD")).toEqual({ status: 200, range: null });
    expect(get({ Range: "bytes=5000-" }, "HEAD")).toEqual({ status: 200, range: null });
  });

  it("answers the range only while If-Range still names this file", () => {
    expect(get({ Range: "bytes=0-1", "If-Range": file.etag })).toEqual({ status: 206, range: { start: 0, end: 1 } });
    expect(get({ Range: "bytes=0-1", "If-Range": httpDate(file.lastModified) })).toEqual({ status: 206, range: { start: 0, end: 1 } });
    expect(get({ Range: "bytes=0-1", "If-Range": '"another-version"' })).toEqual({ status: 200, range: null });
    // If-Range compares strongly: a weak tag never matches.
    expect(get({ Range: "bytes=0-1", "If-Range": `W/${file.etag}` })).toEqual({ status: 200, range: null });
    expect(get({ Range: "bytes=0-1", "If-Range": "Fri, 14 Mar 2025 08:30:16 GMT" })).toEqual({ status: 200, range: null });
    // A stale If-Range turns even an impossible range into the whole file.
    expect(get({ Range: "bytes=5000-", "If-Range": '"another-version"' })).toEqual({ status: 200, range: null });
  });

  it("answers 304 before looking at the range", () => {
    expect(get({ Range: "bytes=5000-", "If-None-Match": file.etag })).toEqual({ status: 304 });
  });
});

describe("httpDate", () => {
  it("writes an IMF-fixdate without the milliseconds", () => {
    expect(httpDate(file.lastModified)).toBe("Fri, 14 Mar 2025 08:30:15 GMT");
  });
});
