import fc from "fast-check";
import Holidays from "date-holidays";
import { describe, expect, test } from "vitest";
import { addDays, dayOfWeek } from "./local-time.ts";
import { HOLIDAY_KEYS, nationalDaySecondDay, vietnamDaysOff } from "./vn-holidays.ts";

const reasonOn = (date: string) => vietnamDaysOff(Number(date.slice(0, 4))).get(date);
const keyOn = (date: string) => {
  const reason = reasonOn(date);
  return reason?.kind === "holiday" ? reason.key : reason?.kind === "substitute" ? `substitute:${reason.for}:${reason.forDate}` : undefined;
};

describe("the holidays of Labour Code 2019 Điều 112", () => {
  test("2026: each holiday on its day, Tết on the eve plus lunar 1/1–1/4 (17 Feb 2026 is lunar 1/1)", () => {
    expect(keyOn("2026-01-01")).toBe("new-year");
    for (const date of ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]) expect(keyOn(date)).toBe("tet");
    expect(keyOn("2026-02-15")).toBeUndefined(); // a Sunday, and not a Tết day: no substitute owed
    expect(keyOn("2026-02-21")).toBeUndefined();
    expect(keyOn("2026-04-30")).toBe("reunification");
    expect(keyOn("2026-05-01")).toBe("labour-day");
    expect(keyOn("2026-09-02")).toBe("national-day");
    expect(keyOn("2026-09-03")).toBe("national-day");
  });

  test("Hùng Kings (lunar 3/10) on Sunday 26 Apr 2026 gives Monday 27 Apr as its substitute", () => {
    expect(keyOn("2026-04-26")).toBe("hung-kings");
    expect(keyOn("2026-04-27")).toBe("substitute:hung-kings:2026-04-26");
  });

  test("Tết 2027 (lunar 1/1 on Saturday 6 Feb): the weekend Tết days are made up after the whole block", () => {
    for (const date of ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09"]) expect(keyOn(date)).toBe("tet");
    expect(keyOn("2027-02-10")).toBe("substitute:tet:2027-02-06");
    expect(keyOn("2027-02-11")).toBe("substitute:tet:2027-02-07");
    expect(keyOn("2027-02-12")).toBeUndefined();
  });

  test("a holiday on a Saturday gives the next Monday off", () => {
    // 1 Jan 2022 was a Saturday; Monday 3 Jan was off.
    expect(keyOn("2022-01-03")).toBe("substitute:new-year:2022-01-01");
    // 2027: 1 May is a Saturday; Monday 3 May is its substitute.
    expect(keyOn("2027-05-03")).toBe("substitute:labour-day:2027-05-01");
  });

  test("National Day's second day matches the government's choices 2021–2025", () => {
    expect([2021, 2022, 2023, 2024, 2025].map(nationalDaySecondDay)).toEqual(["2021-09-03", "2022-09-01", "2023-09-01", "2024-09-03", "2025-09-01"]);
    // 2023: 2 Sep a Saturday, so Monday 4 Sep was off as its substitute (1–4 Sep off).
    expect(keyOn("2023-09-04")).toBe("substitute:national-day:2023-09-02");
  });

  test("property: every year has the 11 holiday days, every holiday key, and one substitute per weekend holiday", () => {
    fc.assert(fc.property(fc.integer({ min: 2021, max: 2080 }), (year) => {
      const reasons = [...vietnamDaysOff(year).entries()];
      const holidays = reasons.filter(([, r]) => r.kind === "holiday");
      const weekendHolidays = holidays.filter(([date]) => [0, 6].includes(dayOfWeek(date)));
      const substitutes = reasons.filter(([date, r]) => r.kind === "substitute" && ![0, 6].includes(dayOfWeek(date)));
      expect(holidays).toHaveLength(11);
      expect(new Set(holidays.map(([, r]) => (r.kind === "holiday" ? r.key : "")))).toEqual(new Set(HOLIDAY_KEYS));
      expect(substitutes).toHaveLength(weekendHolidays.length);
    }), { numRuns: 30 });
  });

  test("property: the Tết block is the day before lunar 1/1 and the four days from it, as date-holidays computes", () => {
    const vn = new Holidays("VN");
    fc.assert(fc.property(fc.integer({ min: 2021, max: 2080 }), (year) => {
      const day1 = vn.getHolidays(year).find((h) => h.rule === "vietnamese 1-0-1")?.date.slice(0, 10) ?? "";
      const tet = [...vietnamDaysOff(year).entries()].filter(([, r]) => r.kind === "holiday" && r.key === "tet").map(([date]) => date);
      expect(tet).toEqual([-1, 0, 1, 2, 3].map((n) => addDays(day1, n)));
    }), { numRuns: 30 });
  });
});
