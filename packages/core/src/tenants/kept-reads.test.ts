import { describe, expect, it } from "vitest";
import { keptReads } from "./kept-reads.ts";

// A read the test answers by hand, counting how many were started.
function manualReads() {
  const started: { key: string; resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const read = (key: string) => new Promise<string>((resolve, reject) => started.push({ key, resolve, reject }));
  return { started, read };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe("keptReads", () => {
  it("reads once for every caller that arrives while nothing is kept", async () => {
    let now = 0;
    const { started, read } = manualReads();
    const kept = keptReads({ read, freshMs: 100, maxStaleMs: 300, clock: () => now });
    const answers = Promise.all([kept.get("a"), kept.get("a"), kept.get("a")]);
    expect(started).toHaveLength(1);
    started[0]!.resolve("v1");
    expect(await answers).toEqual(["v1", "v1", "v1"]);
    now = 99;
    expect(await kept.get("a")).toBe("v1");
    expect(started).toHaveLength(1);
  });

  it("answers the kept value at once once it is no longer fresh, while one background read fetches the next", async () => {
    let now = 0;
    const { started, read } = manualReads();
    const kept = keptReads({ read, freshMs: 100, maxStaleMs: 300, clock: () => now });
    const first = kept.get("a");
    started[0]!.resolve("v1");
    await first;
    now = 150;
    // Many requests after the value aged: none waits, one read is started.
    expect(await Promise.all([kept.get("a"), kept.get("a"), kept.get("a")])).toEqual(["v1", "v1", "v1"]);
    expect(started).toHaveLength(2);
    started[1]!.resolve("v2");
    await settle();
    expect(await kept.get("a")).toBe("v2");
    expect(started).toHaveLength(2);
  });

  it("makes callers wait for the read once the kept value is older than maxStaleMs", async () => {
    let now = 0;
    const { started, read } = manualReads();
    const kept = keptReads({ read, freshMs: 100, maxStaleMs: 300, clock: () => now });
    const first = kept.get("a");
    started[0]!.resolve("v1");
    await first;
    now = 300;
    let answered: string | undefined;
    const waiting = kept.get("a").then((v) => (answered = v));
    await settle();
    expect(answered).toBeUndefined();
    started[1]!.resolve("v2");
    await waiting;
    expect(answered).toBe("v2");
  });

  it("counts a value's age from when its read started", async () => {
    let now = 0;
    const { started, read } = manualReads();
    const kept = keptReads({ read, freshMs: 100, maxStaleMs: 300, clock: () => now });
    const first = kept.get("a");
    now = 250; // a slow read
    started[0]!.resolve("v1");
    await first;
    now = 301;
    void kept.get("a");
    expect(started).toHaveLength(2);
  });

  it("keeps the old value when a background read fails and tries again on the next request", async () => {
    let now = 0;
    const { started, read } = manualReads();
    const kept = keptReads({ read, freshMs: 100, maxStaleMs: 300, clock: () => now });
    const first = kept.get("a");
    started[0]!.resolve("v1");
    await first;
    now = 150;
    expect(await kept.get("a")).toBe("v1");
    started[1]!.reject(new Error("database unreachable"));
    await settle();
    expect(await kept.get("a")).toBe("v1");
    expect(started).toHaveLength(3);
  });

  it("gives a waiting caller the read's error, and reads again on the next call", async () => {
    const { started, read } = manualReads();
    const kept = keptReads({ read, freshMs: 100, maxStaleMs: 300, clock: () => 0 });
    const first = kept.get("a");
    started[0]!.reject(new Error("database unreachable"));
    await expect(first).rejects.toThrow("database unreachable");
    void kept.get("a");
    expect(started).toHaveLength(2);
  });

  it("after forget, keeps nothing a read already on its way brings back and reads again", async () => {
    let now = 0;
    const { started, read } = manualReads();
    const kept = keptReads({ read, freshMs: 100, maxStaleMs: 300, clock: () => now });
    const first = kept.get("a");
    kept.forget("a");
    started[0]!.resolve("before the change");
    expect(await first).toBe("before the change");
    const second = kept.get("a");
    expect(started).toHaveLength(2);
    started[1]!.resolve("after the change");
    expect(await second).toBe("after the change");
    now = 50;
    expect(await kept.get("a")).toBe("after the change");
  });

  it("keeps keys apart and forgets them all at once", async () => {
    const { started, read } = manualReads();
    const kept = keptReads({ read, freshMs: 100, maxStaleMs: 300, clock: () => 0 });
    const a = kept.get("a");
    const b = kept.get("b");
    started[0]!.resolve("A");
    started[1]!.resolve("B");
    expect([await a, await b]).toEqual(["A", "B"]);
    kept.forget();
    void kept.get("a");
    void kept.get("b");
    expect(started.map((s) => s.key)).toEqual(["a", "b", "a", "b"]);
  });
});
