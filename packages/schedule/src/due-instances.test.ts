import type { DeadlineRule } from "@cong/config";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { dueInstances, type ScheduleEvent } from "./due-instances.ts";
import { addDays, localDateOf, toLocal, toUtc } from "./local-time.ts";
import { createWorkingCalendar } from "./working-calendar.ts";

const national = createWorkingCalendar();
const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
const kind = fc.constantFrom("question-asked" as const, "document-issued" as const);
const rule: fc.Arbitrary<DeadlineRule> = fc.oneof(
  fc.record({ kind: fc.constant("daily-at" as const), times: fc.uniqueArray(time, { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant("daily-before" as const), time }),
  fc.record({ kind: fc.constant("min-per-day" as const), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant("within-hours" as const), hours: fc.integer({ min: 1, max: 800 }).map((q) => q / 4), after: kind }),
  fc.record({ kind: fc.constant("within-working-days" as const), days: fc.integer({ min: 1, max: 30 }), after: kind }),
  fc.record({ kind: fc.constant("after-event" as const), after: kind }),
  fc.record({ kind: fc.constant("monthly" as const), day: fc.integer({ min: 1, max: 31 }), time }, { requiredKeys: ["kind"] }),
  fc.constant({ kind: "on-change" as const }),
);
const instant = fc.integer({ min: Date.UTC(2024, 0, 1) / 60_000, max: Date.UTC(2030, 11, 31) / 60_000 }).map((m) => new Date(m * 60_000));
const range = fc.tuple(instant, fc.integer({ min: 0, max: 60 * 24 * 70 })).map(([from, minutes]) => ({ from, to: new Date(from.getTime() + minutes * 60_000) }));
const events: fc.Arbitrary<ScheduleEvent[]> = fc
  .array(fc.record({ at: instant, kind }), { maxLength: 15 })
  .map((list) => list.map((event, i) => ({ id: `e${i}`, ...event })));

describe("dueInstances", () => {
  test("a slot due exactly at `from` is included and one due exactly at `to` is not", () => {
    const rule: DeadlineRule = { kind: "daily-before", time: "09:00" };
    const slots = dueInstances(rule, { from: at("2026-11-25T02:00:00Z"), to: at("2026-11-26T02:00:00Z"), calendar: national });
    expect(slots.map((s) => s.key)).toEqual(["2026-11-25T09:00"]);
  });

  test("daily-at: each slot's window opens when the previous slot falls due, across midnight", () => {
    const slots = dueInstances({ kind: "daily-at", times: ["18:00", "06:00"] }, { from: toUtc("2026-11-25", "00:00"), to: toUtc("2026-11-26", "00:00"), calendar: national });
    expect(slots.map((s) => [s.key, iso(s.opensAt), iso(s.dueAt), s.closesAt && iso(s.closesAt)])).toEqual([
      ["2026-11-25T06:00", "2026-11-24T11:00:00.000Z", "2026-11-24T23:00:00.000Z", "2026-11-25T11:00:00.000Z"],
      ["2026-11-25T18:00", "2026-11-24T23:00:00.000Z", "2026-11-25T11:00:00.000Z", "2026-11-25T23:00:00.000Z"],
    ]);
  });

  test("min-per-day: due at the end of the local day, requiring the rule's count", () => {
    // The day's slot falls due at its 24:00, so a range ending at 23:59 does not reach it.
    expect(dueInstances({ kind: "min-per-day", count: 3 }, { from: toUtc("2026-11-25", "00:01"), to: toUtc("2026-11-25", "23:59"), calendar: national })).toEqual([]);
    const slots = dueInstances({ kind: "min-per-day", count: 3 }, { from: toUtc("2026-11-25", "00:01"), to: toUtc("2026-11-26", "00:01"), calendar: national });
    expect(slots.map((s) => [s.key, iso(s.opensAt), iso(s.dueAt), s.required])).toEqual([["2026-11-25", "2026-11-24T17:00:00.000Z", "2026-11-25T17:00:00.000Z", 3]]);
  });

  test("after-event: due by the end of the event's local day, opening at the event", () => {
    const events: ScheduleEvent[] = [
      { id: "cd-1", at: toUtc("2026-11-25", "23:30"), kind: "directive-issued" },
      { id: "doc-9", at: toUtc("2026-11-25", "08:00"), kind: "document-issued" },
    ];
    const slots = dueInstances({ kind: "after-event", after: "directive-issued" }, { from: toUtc("2026-11-25", "00:00"), to: toUtc("2026-12-01", "00:00"), calendar: national, events });
    expect(slots).toEqual([{ key: "event:cd-1", opensAt: events[0]?.at, dueAt: toUtc("2026-11-26", "00:00"), required: 1, eventId: "cd-1" }]);
  });

  test("within-hours: due the given hours after the event, which may be fractional", () => {
    const events: ScheduleEvent[] = [{ id: "q", at: at("2026-11-25T03:12:00Z"), kind: "question-asked" }];
    const [slot] = dueInstances({ kind: "within-hours", hours: 1.5, after: "question-asked" }, { from: at("2026-11-25T00:00:00Z"), to: at("2026-11-26T00:00:00Z"), calendar: national, events });
    expect(slot && iso(slot.dueAt)).toBe("2026-11-25T04:42:00.000Z");
  });

  test("an event listed twice is refused rather than given two slots with one key", () => {
    const event: ScheduleEvent = { id: "q", at: at("2026-11-25T03:12:00Z"), kind: "question-asked" };
    expect(() => dueInstances({ kind: "within-hours", hours: 24, after: "question-asked" }, { from: at("2026-11-25T00:00:00Z"), to: at("2026-11-27T00:00:00Z"), calendar: national, events: [event, event] })).toThrow(/q/);
  });

  describe("monthly", () => {
    // From 00:01 on 1 Jan: the slot covering December 2025 falls due at 00:00 and is not part of 2026's.
    const year = { from: toUtc("2026-01-01", "00:01"), to: toUtc("2027-01-01", "00:01"), calendar: national };
    const dueDates = (rule: DeadlineRule) => Object.fromEntries(dueInstances(rule, year).map((s) => [s.key, `${toLocal(s.dueAt).date} ${toLocal(s.dueAt).time}`]));

    test("without a day: by the end of the covered month, whatever its length", () => {
      const due = dueDates({ kind: "monthly" });
      expect(due["2026-02"]).toBe("2026-03-01 00:00"); // 24:00 on 28 Feb
      expect(due["2026-04"]).toBe("2026-05-01 00:00");
      expect(due["2026-12"]).toBe("2027-01-01 00:00");
      expect(Object.keys(due)).toHaveLength(12);
    });

    test("day 31 is clamped to the last day of a short following month, leap years included", () => {
      const due = dueDates({ kind: "monthly", day: 31, time: "17:00" });
      expect(due["2026-01"]).toBe("2026-02-28 17:00");
      expect(due["2026-03"]).toBe("2026-04-30 17:00");
      expect(due["2026-04"]).toBe("2026-05-31 17:00");
      const leap = dueInstances({ kind: "monthly", day: 30 }, { from: toUtc("2028-02-01", "00:00"), to: toUtc("2028-03-02", "00:00"), calendar: national });
      expect(leap.map((s) => [s.key, toLocal(s.dueAt).date])).toEqual([["2028-01", "2028-03-01"]]); // end of 29 Feb
    });

    test("the slot covers its month: it opens at the month's first local midnight and closes at the next slot's due time", () => {
      const [slot] = dueInstances({ kind: "monthly", day: 5 }, { from: toUtc("2026-12-01", "00:00"), to: toUtc("2026-12-31", "00:00"), calendar: national });
      expect(slot?.key).toBe("2026-11");
      expect(slot && iso(slot.opensAt)).toBe("2026-10-31T17:00:00.000Z");
      expect(slot && iso(slot.dueAt)).toBe("2026-12-05T17:00:00.000Z");
      expect(slot?.closesAt && iso(slot.closesAt)).toBe("2027-01-05T17:00:00.000Z");
    });
  });

  test("on-change and on-request have no clock, so no slots", () => {
    const options = { from: at("2026-01-01T00:00:00Z"), to: at("2027-01-01T00:00:00Z"), calendar: national };
    expect(dueInstances({ kind: "on-change" }, options)).toEqual([]);
    expect(dueInstances({ kind: "on-request" }, options)).toEqual([]);
  });

  test("a time zone other than the calendar's is refused", () => {
    expect(() => dueInstances({ kind: "min-per-day", count: 1 }, { from: at("2026-01-01T00:00:00Z"), to: at("2026-01-02T00:00:00Z"), calendar: national, timeZone: "Asia/Bangkok" })).toThrow(/Asia\/Bangkok/);
  });

  test("a DST zone still gets one slot per local day, the skipped 02:30 moved to 03:30", () => {
    const calendar = createWorkingCalendar({ timeZone: "America/New_York" });
    const slots = dueInstances({ kind: "daily-before", time: "02:30" }, { from: toUtc("2026-03-07", "00:00", "America/New_York"), to: toUtc("2026-03-10", "00:00", "America/New_York"), calendar });
    expect(slots.map((s) => s.key)).toEqual(["2026-03-07T02:30", "2026-03-08T02:30", "2026-03-09T02:30"]);
    expect(slots.map((s) => toLocal(s.dueAt, "America/New_York").time)).toEqual(["02:30", "03:30", "02:30"]);
  });

  test("property: slots are ordered, inside the range, uniquely keyed, and their windows make sense", () => {
    fc.assert(fc.property(rule, range, events, (rule, { from, to }, events) => {
      const slots = dueInstances(rule, { from, to, calendar: national, events });
      expect(new Set(slots.map((s) => s.key)).size).toBe(slots.length);
      slots.forEach((slot, i) => {
        expect(slot.dueAt.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(slot.dueAt.getTime()).toBeLessThan(to.getTime());
        expect(slot.opensAt.getTime()).toBeLessThanOrEqual(slot.dueAt.getTime());
        if (slot.closesAt) expect(slot.closesAt.getTime()).toBeGreaterThan(slot.dueAt.getTime());
        const next = slots[i + 1];
        if (next) expect(slot.dueAt.getTime() < next.dueAt.getTime() || (slot.dueAt.getTime() === next.dueAt.getTime() && slot.key < next.key)).toBe(true);
      });
    }), { numRuns: 300 });
  });

  test("property: splitting the range splits the slots, so paging through time neither drops nor repeats one", () => {
    fc.assert(fc.property(rule, range, fc.double({ min: 0, max: 1, noNaN: true }), events, (rule, { from, to }, cut, events) => {
      const middle = new Date(from.getTime() + Math.floor((to.getTime() - from.getTime()) * cut));
      const whole = dueInstances(rule, { from, to, calendar: national, events });
      const parts = [...dueInstances(rule, { from, to: middle, calendar: national, events }), ...dueInstances(rule, { from: middle, to, calendar: national, events })];
      expect(parts).toEqual(whole);
    }), { numRuns: 200 });
  });

  test("property: a daily-at rule over whole local days has one slot per day per time", () => {
    fc.assert(fc.property(fc.uniqueArray(time, { minLength: 1, maxLength: 4 }), instant, fc.integer({ min: 1, max: 40 }), (times, start, days) => {
      const first = localDateOf(start);
      const slots = dueInstances({ kind: "daily-at", times }, { from: toUtc(first, "00:00"), to: toUtc(addDays(first, days), "00:00"), calendar: national });
      expect(slots).toHaveLength(days * times.length);
    }), { numRuns: 100 });
  });

  test("property: a working-day deadline is always the end of a working day", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }), range, events, (days, { from, to }, events) => {
      for (const slot of dueInstances({ kind: "within-working-days", days, after: "question-asked" }, { from, to, calendar: national, events })) {
        expect(toLocal(slot.dueAt).time).toBe("00:00");
        expect(national.isWorkingDay(localDateOf(new Date(slot.dueAt.getTime() - 1)))).toBe(true);
      }
    }), { numRuns: 200 });
  });
});
