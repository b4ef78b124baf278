// The deadline rules of the seed tenants (tenants/*/pack.yaml), checked against the instants and statuses a
// provincial officer would see on the monitoring page. Asia/Ho_Chi_Minh is UTC+7 all year.
import type { DeadlineRule } from "@cong/config";
import { describe, expect, test } from "vitest";
import { dueInstances, type ScheduleEvent } from "./due-instances.ts";
import { evaluate } from "./evaluate.ts";
import { toUtc } from "./local-time.ts";
import { createWorkingCalendar } from "./working-calendar.ts";

const calendar = createWorkingCalendar({ timeZone: "Asia/Ho_Chi_Minh" });
const at = (iso: string) => new Date(iso);
const slotsOn = (rule: DeadlineRule, date: string) =>
  dueInstances(rule, { from: toUtc(date, "00:01"), to: toUtc(date, "23:59"), calendar }).map((s) => [s.key, s.dueAt.toISOString()]);

describe("clock times each day", () => {
  test("Quảng Ninh's map data is due by 09:00 each day (3591/QĐ-UBND): 02:00 UTC, window from local midnight", () => {
    const rule: DeadlineRule = { kind: "daily-before", time: "09:00" };
    expect(slotsOn(rule, "2026-11-25")).toEqual([["2026-11-25T09:00", "2026-11-25T02:00:00.000Z"]]);
    const [slot] = dueInstances(rule, { from: toUtc("2026-11-25", "00:00"), to: toUtc("2026-11-26", "00:00"), calendar });
    expect(slot?.opensAt.toISOString()).toBe("2026-11-24T17:00:00.000Z");
    // Posted at 08:59 local: on time. Posted at 09:01 the next day (the slot was never met): late by a minute.
    expect(evaluate([slot!], [{ at: at("2026-11-25T01:59:00Z") }], at("2026-11-25T05:00:00Z"))[0]?.status).toBe("fulfilled");
    expect(evaluate([slot!], [{ at: at("2026-11-25T02:01:00Z") }], at("2026-11-25T05:00:00Z"))[0]).toMatchObject({ status: "late", lateByMs: 60_000 });
  });

  test("Nghệ An's case figures at 06:00 and 18:00 (3691/QĐ-UBND Điều 17.1): 23:00 the day before and 11:00 UTC", () => {
    expect(slotsOn({ kind: "daily-at", times: ["06:00", "18:00"] }, "2026-11-25")).toEqual([
      ["2026-11-25T06:00", "2026-11-24T23:00:00.000Z"],
      ["2026-11-25T18:00", "2026-11-25T11:00:00.000Z"],
    ]);
  });

  test("Thanh Hóa's updates at 08:00 and 16:00: 01:00 and 09:00 UTC", () => {
    expect(slotsOn({ kind: "daily-at", times: ["08:00", "16:00"] }, "2026-11-25")).toEqual([
      ["2026-11-25T08:00", "2026-11-25T01:00:00.000Z"],
      ["2026-11-25T16:00", "2026-11-25T09:00:00.000Z"],
    ]);
  });

  test("news at least once a day (Quảng Ninh Điều 5, Nghệ An Điều 11.3): one item any time of the local day", () => {
    const rule: DeadlineRule = { kind: "min-per-day", count: 1 };
    const days = dueInstances(rule, { from: toUtc("2026-11-25", "00:01"), to: toUtc("2026-11-27", "00:01"), calendar });
    expect(days.map((d) => [d.key, d.dueAt.toISOString()])).toEqual([
      ["2026-11-25", "2026-11-25T17:00:00.000Z"],
      ["2026-11-26", "2026-11-26T17:00:00.000Z"],
    ]);
    // 23:30 local on the 25th is 16:30 UTC: still the 25th. Nothing on the 26th, and the 27th is over: missed.
    const results = evaluate(days, [{ at: at("2026-11-25T16:30:00Z") }], toUtc("2026-11-28", "00:00"));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "missed"]);
  });
});

describe("clocks started by an event", () => {
  test("Quảng Ninh answers a question within 24 hours, to the minute", () => {
    const events: ScheduleEvent[] = [{ id: "q-118", at: at("2026-11-25T14:20:00Z"), kind: "question-asked" }];
    const [slot] = dueInstances({ kind: "within-hours", hours: 24, after: "question-asked" }, { from: at("2026-11-25T00:00:00Z"), to: at("2026-12-01T00:00:00Z"), calendar, events });
    expect(slot).toMatchObject({ key: "event:q-118", eventId: "q-118", opensAt: events[0]?.at, dueAt: at("2026-11-26T14:20:00Z") });
    const answered = evaluate([slot!], [{ at: at("2026-11-26T15:20:00Z"), eventId: "q-118" }], at("2026-11-27T00:00:00Z"));
    expect(answered[0]).toMatchObject({ status: "late", lateByMs: 3_600_000 });
  });

  test("15 working days from Friday 13 Feb 2026, the Friday before Tết: due at the end of Friday 13 Mar", () => {
    const events: ScheduleEvent[] = [{ id: "cs-7", at: toUtc("2026-02-13", "10:00"), kind: "document-issued" }];
    const [slot] = dueInstances({ kind: "within-working-days", days: 15, after: "document-issued" }, { from: at("2026-02-01T00:00:00Z"), to: at("2026-04-01T00:00:00Z"), calendar, events });
    // 24:00 on 13 Mar local is 17:00 UTC. The weekend, the five Tết days (16–20 Feb) and the next weekend are
    // skipped before counting starts on Monday 23 Feb; then three ordinary weeks.
    expect(slot?.dueAt.toISOString()).toBe("2026-03-13T17:00:00.000Z");
  });
});
