// Where sign-in sends the browser afterwards: a path on this host, whatever the link said.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNext } from "~/utils/session.server";

const BASE = "https://quang-ninh.cong.gov.vn";

describe("safeNext", () => {
  it.each([
    ["/admin/users?page=2", "/admin/users?page=2"],
    ["/admin/sections/tin-tức", "/admin/sections/tin-t%E1%BB%A9c"],
    [null, "/admin"],
    ["", "/admin"],
    ["/\t/evil.example/pwned", "/admin"],
    ["/\n/evil.example", "/admin"],
    ["/\r\nSet-Cookie: x=1", "/admin"],
    ["//evil.example", "/admin"],
    ["/\\evil.example", "/admin"],
    ["https://evil.example/", "/admin"],
    ["javascript:alert(1)", "/admin"],
  ])("%j -> %s", (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it("never leaves the host and never puts a control character in Location, for any input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (next) => {
        const target = safeNext(next);
        // eslint-disable-next-line no-control-regex -- the point of the check
        expect(target).not.toMatch(/[\u0000-\u001f\u007f]/);
        expect(new URL(target, BASE).origin).toBe(BASE);
        // What a browser does with the Location header: still this host.
        expect(() => new Headers({ Location: target })).not.toThrow();
      }),
      { numRuns: 2000, seed: 8 },
    );
  });
});
