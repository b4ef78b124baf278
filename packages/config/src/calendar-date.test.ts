import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarDateSchema, calendarDateTimeSchema, calendarMonthSchema, isCalendarDate, isCalendarDateTime, isCalendarMonth } from "./calendar-date.ts";
import { readPack } from "./load.server.ts";
import { packSchema } from "./pack-schema.ts";

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

// The oracle: a day exists when the calendar (Date, with setUTCFullYear so years below 100 stay
// themselves) gives back the same year, month and day, and the year is one of the Common Era.
function exists(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

describe("isCalendarDate", () => {
  it("refuses the days the calendar does not have, which Date would move to the next month", () => {
    for (const day of ["2021-02-30", "2021-04-31", "2021-02-29", "1900-02-29", "2021-13-01", "2021-00-10", "2021-01-00", "2021-01-32", "0000-01-01"]) {
      expect([day, isCalendarDate(day)]).toEqual([day, false]);
    }
    for (const day of ["2021-02-28", "2020-02-29", "2000-02-29", "2021-04-30", "2021-12-31", "0001-01-01", "9999-12-31"]) {
      expect([day, isCalendarDate(day)]).toEqual([day, true]);
    }
  });

  it("refuses anything not written YYYY-MM-DD", () => {
    for (const value of ["15/10/2021", "2021-1-5", "2021-10-15T00:00", " 2021-10-15", "20211-10-15", "", null, 20211015]) expect(isCalendarDate(value)).toBe(false);
  });

  it("accepts a random y-m-d exactly when that day exists (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        expect(isCalendarDate(ymd(y, m, d))).toBe(exists(y, m, d));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("isCalendarMonth and isCalendarDateTime", () => {
  it("takes months 01–12 of years 0001–9999", () => {
    expect(["2021-01", "2021-12", "0001-06"].map(isCalendarMonth)).toEqual([true, true, true]);
    expect(["2021-00", "2021-13", "0000-05", "2021-1", "2021-10-01"].map(isCalendarMonth)).toEqual([false, false, false, false, false]);
  });

  it("takes what a datetime-local field or the API sends, on a real day at a real time", () => {
    for (const ok of ["2025-03-01T08:30", "2025-03-01T08:30:15", "2025-03-01T08:30:15.250", "2025-03-01T01:30:00Z", "2025-03-01T08:30+07:00", "2024-02-29T23:59"]) expect([ok, isCalendarDateTime(ok)]).toEqual([ok, true]);
    for (const bad of ["2025-02-30T08:30", "2021-02-29T10:00", "0000-01-01T00:00", "2025-03-01T24:00", "2025-03-01T08:60", "2025-03-01 08:30", "2025-03-01", "2025-03-01T08:30+0700"])
      expect([bad, isCalendarDateTime(bad)]).toEqual([bad, false]);
  });

  it("gives one message per bad value through the schemas", () => {
    const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];
    expect(messages(calendarDateSchema("bad").safeParse("2021-02-30"))).toEqual(["bad"]);
    expect(messages(calendarDateSchema("bad").safeParse("30/02/2021"))).toEqual(["bad"]);
    expect(messages(calendarMonthSchema("bad").safeParse("2021-13"))).toEqual(["bad"]);
    expect(messages(calendarDateTimeSchema("bad").safeParse("2021-02-30T10:00"))).toEqual(["bad"]);
    expect(calendarDateSchema("bad").safeParse("2024-02-29").success).toBe(true);
  });
});

describe("dates in a pack", () => {
  it("refuses a regulation issued on 30 February and an admin level that ended on 31 April", async () => {
    const read = await readPack(fileURLToPath(new URL("../../../tenants/quang-ninh", import.meta.url)));
    if (!read.ok) throw new Error("the Quảng Ninh pack does not load");
    const pack = read.loaded.pack;
    const withDates = (validUntil: string, issuedOn: string) =>
      packSchema.safeParse({
        ...pack,
        adminLevels: pack.adminLevels.map((l, i) => (i === 0 ? { ...l, validUntil } : l)),
        regulations: pack.regulations.map((r, i) => (i === 0 ? { ...r, issuedOn } : r)),
      });
    const refused = withDates("2025-04-31", "2021-02-30");
    expect(refused.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`).sort()).toEqual([
      "adminLevels.0.validUntil: must be a real date YYYY-MM-DD",
      "regulations.0.issuedOn: must be a real date YYYY-MM-DD, or YYYY-MM when the text gives only the month",
    ]);
    expect(withDates("2025-04-30", "2021-10").success).toBe(true);
  });
});
