// An id or slug from a URL either can name something or is a 404 on the spot: no query ever sees it.
import { describe, expect, it } from "vitest";
import { isSlug, slugParam, uuidParam } from "./not-found.server.ts";

function status(fn: () => unknown): number | "returned" {
  try {
    fn();
    return "returned";
  } catch (thrown) {
    return (thrown as { init?: { status?: number } }).init?.status ?? -1;
  }
}

describe("URL ids and slugs", () => {
  it("takes slugs as packs make them and nothing else", () => {
    expect(["van-ban", "so-y-te", "a1", "x".repeat(100)].map(isSlug)).toEqual([true, true, true, true]);
    for (const bad of ["\u0000", "Van-ban", "a--b", "", "..", "../x", "a/b", "x".repeat(101), "tin tức", undefined]) expect([bad, isSlug(bad)]).toEqual([bad, false]);
  });

  it("answers the admin's 404 for an id that is not a uuid or a slug no pack could hold", () => {
    expect(uuidParam("0b4e4b4e-7f6e-4d0a-9c55-2f5b9a0e1c3d")).toBe("0b4e4b4e-7f6e-4d0a-9c55-2f5b9a0e1c3d");
    expect(slugParam("cam-nang")).toBe("cam-nang");
    for (const bad of ["abc", "", "------------------------------------", "0b4e4b4e-7f6e-4d0a-9c55-2f5b9a0e1c3d\u0000", undefined]) expect(status(() => uuidParam(bad))).toBe(404);
    for (const bad of ["%00", "\u0000", "..", "x".repeat(3000), undefined]) expect(status(() => slugParam(bad))).toBe(404);
  });
});
