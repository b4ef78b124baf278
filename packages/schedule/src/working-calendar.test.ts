import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { addDays, dayOfWeek } from "./local-time.ts";
import { vietnamDaysOff } from "./vn-holidays.ts";
import { createWorkingCalendar } from "./working-calendar.ts";

const national = createWorkingCalendar();
const anyDate = fc.integer({ min: 0, max: 365 * 15 }).map((n) => addDays("2021-01-01", n));

describe("createWorkingCalendar", () => {
  test("Monday to Friday are worked, Saturday and Sunday are not", () => {
    expect(national.dayInfo("2026-11-25")).toEqual({ date: "2026-11-25", working: true, reasons: [] });
    expect(national.dayInfo("2026-11-28")).toEqual({ date: "2026-11-28", working: false, reasons: [{ kind: "weekend" }] });
    expect(national.isWorkingDay("2026-11-29")).toBe(false);
  });

  test("a holiday says which holiday, in Vietnamese and English", () => {
    expect(national.dayInfo("2026-09-02").reasons).toEqual([
      { kind: "holiday", key: "national-day", name: { vi: "Quốc khánh", en: "National Day" } },
    ]);
  });

  test("a holiday on a weekend carries both reasons", () => {
    expect(national.dayInfo("2026-04-26").reasons.map((r) => r.kind)).toEqual(["weekend", "holiday"]);
  });

  test("the Tết weeks of 2026 (from 14 Feb) and 2027 (from 5 Feb) are not worked", () => {
    const run = (first: string, days: number) => Array.from({ length: days }, (_, i) => addDays(first, i));
    expect(run("2026-02-14", 9).filter(national.isWorkingDay)).toEqual([]);
    expect(national.isWorkingDay("2026-02-13")).toBe(true);
    expect(national.isWorkingDay("2026-02-23")).toBe(true);
    expect(run("2027-02-05", 7).filter(national.isWorkingDay)).toEqual([]);
    expect(national.isWorkingDay("2027-02-04")).toBe(true);
    expect(national.isWorkingDay("2027-02-12")).toBe(true);
  });

  test("a swapped working Saturday is worked, and says it is a weekend day worked by decision", () => {
    const calendar = createWorkingCalendar({ workingDays: [{ date: "2026-01-10", name: "Làm bù cho ngày 2/1" }] });
    expect(calendar.dayInfo("2026-01-10")).toEqual({
      date: "2026-01-10",
      working: true,
      reasons: [{ kind: "weekend" }, { kind: "tenant-working-day", name: "Làm bù cho ngày 2/1" }],
    });
    expect(national.isWorkingDay("2026-01-10")).toBe(false);
  });

  test("a tenant's extra day off is not worked, even on an ordinary Friday", () => {
    const calendar = createWorkingCalendar({ daysOff: [{ date: "2026-01-02" }] });
    expect(calendar.dayInfo("2026-01-02")).toEqual({ date: "2026-01-02", working: false, reasons: [{ kind: "tenant-day-off" }] });
  });

  test("the tenant overrides a national holiday both ways", () => {
    const calendar = createWorkingCalendar({ workingDays: [{ date: "2026-02-20" }] });
    expect(calendar.dayInfo("2026-02-20").working).toBe(true);
    expect(calendar.dayInfo("2026-02-20").reasons.map((r) => r.kind)).toEqual(["holiday", "tenant-working-day"]);
  });

  test("a day listed both off and worked, or an impossible date, is refused with the field named", () => {
    expect(() => createWorkingCalendar({ daysOff: [{ date: "2026-01-10" }], workingDays: [{ date: "2026-01-10" }] })).toThrow(/2026-01-10.*daysOff.*workingDays/);
    expect(() => createWorkingCalendar({ daysOff: [{ date: "2026-02-30" }] })).toThrow(/daysOff\[0\]\.date/);
  });

  test("property: with no tenant extras a day is worked exactly when it is a weekday and not a national day off", () => {
    fc.assert(fc.property(anyDate, (date) => {
      const info = national.dayInfo(date);
      const weekend = [0, 6].includes(dayOfWeek(date));
      const dayOff = vietnamDaysOff(Number(date.slice(0, 4))).has(date);
      expect(info.working).toBe(!weekend && !dayOff);
      expect(info.reasons.length > 0).toBe(!info.working);
    }), { numRuns: 500 });
  });

  test("property: tenant extras decide the days they list and leave every other day alone", () => {
    fc.assert(fc.property(fc.uniqueArray(anyDate, { minLength: 1, maxLength: 20 }), anyDate, (listed, probe) => {
      const half = Math.ceil(listed.length / 2);
      const off = listed.slice(0, half);
      const worked = listed.slice(half);
      const calendar = createWorkingCalendar({ daysOff: off.map((date) => ({ date })), workingDays: worked.map((date) => ({ date })) });
      for (const date of off) expect(calendar.isWorkingDay(date)).toBe(false);
      for (const date of worked) expect(calendar.isWorkingDay(date)).toBe(true);
      if (!listed.includes(probe)) expect(calendar.dayInfo(probe)).toEqual(national.dayInfo(probe));
    }));
  });
});
