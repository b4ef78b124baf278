// The per-address attempt limit: a burst over the limit is refused until the window has passed.
import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit.server";

describe("RateLimiter", () => {
  it("allows the limit in a window, refuses the next, and allows again after the window", () => {
    const limiter = new RateLimiter(3, 1_000);
    const t = 1_000_000;
    expect([limiter.take("a", t), limiter.take("a", t + 1), limiter.take("a", t + 2)]).toEqual([true, true, true]);
    expect(limiter.take("a", t + 3)).toBe(false);
    expect(limiter.take("b", t + 3)).toBe(true);
    expect(limiter.take("a", t + 1_001)).toBe(true);
  });
});
