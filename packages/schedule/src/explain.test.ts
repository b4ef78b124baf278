import { describe, expect, test } from "vitest";
import { dueInstances, type ScheduleEvent } from "./due-instances.ts";
import { explainDeadline } from "./explain.ts";
import { toUtc } from "./local-time.ts";
import { createWorkingCalendar } from "./working-calendar.ts";

const national = createWorkingCalendar();
const tet = (date: string) => ({ date, reasons: [{ kind: "holiday", key: "tet", name: { vi: "Tết Nguyên Đán", en: "Lunar New Year (Tết)" } }] });
const weekend = (date: string) => ({ date, reasons: [{ kind: "weekend" }] });

describe("explainDeadline", () => {
  const rule = { kind: "within-working-days", days: 15, after: "document-issued" } as const;
  const events: ScheduleEvent[] = [{ id: "cs-7", at: toUtc("2026-02-13", "10:00"), kind: "document-issued" }];
  const [slot] = dueInstances(rule, { from: toUtc("2026-02-01", "00:00"), to: toUtc("2026-04-01", "00:00"), calendar: national, events });

  test("15 working days from the Friday before Tết 2026: start, every day skipped and why, the days counted, the result", () => {
    const explanation = explainDeadline(rule, slot!, national);
    expect(explanation).toMatchObject({
      key: "event:cs-7",
      startsFrom: "event",
      start: { date: "2026-02-13", time: "10:00" },
      result: { date: "2026-03-13", time: "24:00", at: new Date("2026-03-13T17:00:00Z") },
      matchesInstance: true,
    });
    expect(explanation.closes).toBeUndefined();
    expect(explanation.workingDays?.skipped).toEqual([
      weekend("2026-02-14"),
      weekend("2026-02-15"),
      ...["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"].map(tet),
      weekend("2026-02-21"),
      weekend("2026-02-22"),
      weekend("2026-02-28"),
      weekend("2026-03-01"),
      weekend("2026-03-07"),
      weekend("2026-03-08"),
    ]);
    expect(explanation.workingDays?.counted).toHaveLength(15);
    expect(explanation.workingDays?.counted[0]).toBe("2026-02-23");
  });

  test("a day off added after the deadline was computed shows up as a mismatch, with the new count", () => {
    const edited = createWorkingCalendar({ daysOff: [{ date: "2026-02-23", name: "Nghỉ thêm sau Tết" }] });
    const explanation = explainDeadline(rule, slot!, edited);
    expect(explanation.matchesInstance).toBe(false);
    expect(explanation.result.date).toBe("2026-03-13"); // what the stored slot says
    expect(explanation.workingDays?.counted.at(-1)).toBe("2026-03-16"); // what the calendar now gives
  });

  test("a daily slot explains its window as opening at the previous slot, yesterday evening", () => {
    const [morning] = dueInstances({ kind: "daily-at", times: ["06:00", "18:00"] }, { from: toUtc("2026-11-25", "00:00"), to: toUtc("2026-11-25", "12:00"), calendar: national });
    expect(explainDeadline({ kind: "daily-at", times: ["06:00", "18:00"] }, morning!, national)).toMatchObject({
      startsFrom: "previous-slot",
      start: { date: "2026-11-24", time: "18:00" },
      result: { date: "2026-11-25", time: "06:00" },
      closes: { date: "2026-11-25", time: "18:00" },
      matchesInstance: true,
    });
  });

  test("a monthly report due on the 31st says the due day was clamped to February's end", () => {
    const monthly = { kind: "monthly", day: 31 } as const;
    // From 00:01: the slot covering December falls due at 24:00 on 31 Jan, i.e. 00:00 on 1 Feb.
    const [january] = dueInstances(monthly, { from: toUtc("2026-02-01", "00:01"), to: toUtc("2026-03-02", "00:00"), calendar: national });
    expect(explainDeadline(monthly, january!, national)).toMatchObject({
      startsFrom: "month-start",
      start: { date: "2026-01-01", time: "00:00" },
      result: { date: "2026-02-28", time: "24:00" },
      month: { covered: "2026-01", dueDate: "2026-02-28", clamped: true },
    });
  });

  test("a slot explained against the wrong rule does not match", () => {
    const [morning] = dueInstances({ kind: "daily-at", times: ["06:00"] }, { from: toUtc("2026-11-25", "00:00"), to: toUtc("2026-11-25", "12:00"), calendar: national });
    expect(explainDeadline({ kind: "daily-before", time: "09:00" }, morning!, national).matchesInstance).toBe(false);
  });

  test("rules with no clock have nothing to explain", () => {
    const [morning] = dueInstances({ kind: "daily-at", times: ["06:00"] }, { from: toUtc("2026-11-25", "00:00"), to: toUtc("2026-11-25", "12:00"), calendar: national });
    expect(() => explainDeadline({ kind: "on-change" }, morning!, national)).toThrow(/on-change/);
  });
});
