import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { addDays, daysBetween, endOfLocalDay, localDateOf, parseLocalDate, startOfLocalDay, toLocal, toUtc } from "./local-time.ts";

const NEW_YORK = "America/New_York";

// Minute-aligned instants 1990–2099, where every supported zone's rules are known to ICU.
const instant = fc.integer({ min: Date.UTC(1990, 0, 1) / 60_000, max: Date.UTC(2099, 11, 31) / 60_000 }).map((m) => new Date(m * 60_000));
const localDate = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays("1990-01-01", n));
const localTime = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);

describe("Asia/Ho_Chi_Minh (UTC+7, the default zone)", () => {
  test("a wall time is seven hours ahead of UTC", () => {
    expect(toUtc("2026-11-25", "06:00").toISOString()).toBe("2026-11-24T23:00:00.000Z");
    expect(toUtc("2026-11-25", "18:00", "Asia/Ho_Chi_Minh").toISOString()).toBe("2026-11-25T11:00:00.000Z");
  });

  test("the local day starts at 17:00 UTC the day before and ends at the next local midnight", () => {
    expect(startOfLocalDay("2026-11-25").toISOString()).toBe("2026-11-24T17:00:00.000Z");
    expect(endOfLocalDay("2026-11-25").toISOString()).toBe("2026-11-25T17:00:00.000Z");
  });

  test("an instant late in the UTC day is already the next local day", () => {
    expect(toLocal(new Date("2026-12-31T17:30:00Z"))).toEqual({ date: "2027-01-01", time: "00:30" });
    expect(localDateOf(new Date("2026-12-31T16:59:59.999Z"))).toBe("2026-12-31");
  });

  test("property: local -> UTC -> local is the identity", () => {
    fc.assert(fc.property(localDate, localTime, (date, time) => {
      expect(toLocal(toUtc(date, time))).toEqual({ date, time });
    }));
  });

  test("property: UTC -> local -> UTC is the identity", () => {
    fc.assert(fc.property(instant, (at) => {
      const { date, time } = toLocal(at);
      expect(toUtc(date, time).getTime()).toBe(at.getTime());
    }));
  });
});

describe("a zone with daylight saving time", () => {
  test("a time skipped by spring-forward moves forward by the gap", () => {
    // 8 Mar 2026, New York jumps from 02:00 EST to 03:00 EDT: 02:30 does not exist.
    expect(toUtc("2026-03-08", "02:30", NEW_YORK).toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(toLocal(toUtc("2026-03-08", "02:30", NEW_YORK), NEW_YORK)).toEqual({ date: "2026-03-08", time: "03:30" });
  });

  test("a time that happens twice at fall-back resolves to the earlier instant", () => {
    // 1 Nov 2026, 01:30 happens at EDT (05:30Z) and again at EST (06:30Z).
    expect(toUtc("2026-11-01", "01:30", NEW_YORK).toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });

  test("a day with a DST change is 23 or 25 hours long", () => {
    const hours = (date: string) => (endOfLocalDay(date, NEW_YORK).getTime() - startOfLocalDay(date, NEW_YORK).getTime()) / 3_600_000;
    expect(hours("2026-03-08")).toBe(23);
    expect(hours("2026-11-01")).toBe(25);
    expect(hours("2026-11-02")).toBe(24);
  });

  test("property: every instant reads back to itself unless it is the second pass of a repeated hour", () => {
    fc.assert(fc.property(instant, (at) => {
      const { date, time } = toLocal(at, NEW_YORK);
      const back = toUtc(date, time, NEW_YORK).getTime();
      if (back !== at.getTime()) expect(back).toBe(at.getTime() - 3_600_000);
    }));
  });
});

describe("local dates", () => {
  test("adding days crosses month, year and leap-day boundaries", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-02-13", "2026-03-13")).toBe(28);
  });

  test("impossible dates and malformed times are refused rather than rolled over", () => {
    expect(() => parseLocalDate("2026-02-30")).toThrow(/2026-02-30/);
    expect(() => parseLocalDate("2026-2-3")).toThrow(RangeError);
    expect(() => toUtc("2026-02-03", "24:00")).toThrow(/24:00/);
  });
});
