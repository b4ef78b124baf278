import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { addWorkingDays } from "./add-working-days.ts";
import { addDays, daysBetween, endOfLocalDay, localDateOf, toUtc } from "./local-time.ts";
import { createWorkingCalendar } from "./working-calendar.ts";

const national = createWorkingCalendar();
// Minute-aligned instants across 2021–2035, so Tết, substitutes and year ends all come up.
const instant = fc.integer({ min: Date.UTC(2021, 0, 1) / 60_000, max: Date.UTC(2035, 11, 31) / 60_000 }).map((m) => new Date(m * 60_000));
const dayCount = fc.integer({ min: 1, max: 40 });

describe("addWorkingDays", () => {
  test("an event on a Monday morning or late at night gets the same deadline: the end of Wednesday", () => {
    const morning = addWorkingDays(toUtc("2026-11-23", "07:00"), 2, national);
    const night = addWorkingDays(toUtc("2026-11-23", "23:59"), 2, national);
    expect(morning.counted).toEqual(["2026-11-24", "2026-11-25"]);
    expect(morning.result.toISOString()).toBe("2026-11-25T17:00:00.000Z");
    expect(night.result).toEqual(morning.result);
  });

  test("an event on a Saturday starts counting on Monday, and the Sunday is shown as skipped", () => {
    const result = addWorkingDays(toUtc("2026-11-28", "10:00"), 1, national);
    expect(result.startDate).toBe("2026-11-28");
    expect(result.skipped).toEqual([{ date: "2026-11-29", reasons: [{ kind: "weekend" }] }]);
    expect(result.resultDate).toBe("2026-11-30");
  });

  test("a swapped working Saturday counts as a working day", () => {
    const from = toUtc("2026-01-09", "15:00"); // Friday
    const swapped = createWorkingCalendar({ workingDays: [{ date: "2026-01-10", name: "Làm bù" }] });
    expect(addWorkingDays(from, 2, national).counted).toEqual(["2026-01-12", "2026-01-13"]);
    expect(addWorkingDays(from, 2, swapped).counted).toEqual(["2026-01-10", "2026-01-12"]);
    expect(addWorkingDays(from, 2, swapped).result.toISOString()).toBe("2026-01-12T17:00:00.000Z");
  });

  test("a tenant's extra day off is skipped, with the tenant's reason", () => {
    const calendar = createWorkingCalendar({ daysOff: [{ date: "2026-03-03", name: "Nghỉ theo quyết định của tỉnh" }] });
    const result = addWorkingDays(toUtc("2026-03-02", "09:00"), 2, calendar);
    expect(result.counted).toEqual(["2026-03-04", "2026-03-05"]);
    expect(result.skipped).toEqual([{ date: "2026-03-03", reasons: [{ kind: "tenant-day-off", name: "Nghỉ theo quyết định của tỉnh" }] }]);
  });

  test("days must be a whole number of at least one", () => {
    const from = toUtc("2026-03-02", "09:00");
    expect(() => addWorkingDays(from, 0, national)).toThrow(RangeError);
    expect(() => addWorkingDays(from, 1.5, national)).toThrow(/1\.5/);
  });

  test("property: counts exactly n working days, never lands on a non-working day, and accounts for every day", () => {
    fc.assert(fc.property(instant, dayCount, (from, n) => {
      const result = addWorkingDays(from, n, national);
      expect(result.counted).toHaveLength(n);
      expect(result.counted.every(national.isWorkingDay)).toBe(true);
      expect(result.skipped.some((day) => national.isWorkingDay(day.date))).toBe(false);
      expect(national.isWorkingDay(result.resultDate)).toBe(true);
      expect(result.counted.at(-1)).toBe(result.resultDate);
      // Counted and skipped days together are exactly the days after the event's day up to the result.
      const all = [...result.counted, ...result.skipped.map((day) => day.date)].sort();
      expect(all).toEqual(Array.from({ length: daysBetween(result.startDate, result.resultDate) }, (_, i) => addDays(result.startDate, i + 1)));
      expect(result.startDate).toBe(localDateOf(from));
      expect(result.result).toEqual(endOfLocalDay(result.resultDate));
    }), { numRuns: 300 });
  });

  test("property: one more working day never gives an earlier deadline, and n+m = m more after n", () => {
    fc.assert(fc.property(instant, dayCount, dayCount, (from, n, m) => {
      const first = addWorkingDays(from, n, national);
      const more = addWorkingDays(from, n + m, national);
      expect(more.result.getTime()).toBeGreaterThan(first.result.getTime());
      // Continuing from the last minute of the nth day gives the same result as counting n+m at once.
      const chained = addWorkingDays(new Date(first.result.getTime() - 60_000), m, national);
      expect(chained.result).toEqual(more.result);
    }), { numRuns: 200 });
  });
});
