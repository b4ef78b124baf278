import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { dueInstances, type DueInstance, type ScheduleEvent } from "./due-instances.ts";
import { evaluate } from "./evaluate.ts";
import { toUtc } from "./local-time.ts";
import { createWorkingCalendar } from "./working-calendar.ts";

const national = createWorkingCalendar();
const local = (date: string, time: string) => toUtc(date, time);
const HOUR = 3_600_000;

// Nghệ An CDC's case figures at 06:00 and 18:00, over 25–26 Nov 2026.
const twiceDaily = dueInstances({ kind: "daily-at", times: ["06:00", "18:00"] }, { from: local("2026-11-25", "00:00"), to: local("2026-11-27", "00:00"), calendar: national });
const statuses = (results: ReturnType<typeof evaluate>) => Object.fromEntries(results.map((r) => [r.instance.key, r.status]));

describe("evaluate", () => {
  test("an update inside the window meets the slot on time", () => {
    const results = evaluate(twiceDaily, [{ at: local("2026-11-25", "05:30") }], local("2026-11-25", "07:00"));
    expect(results[0]).toMatchObject({ status: "fulfilled", fulfilledAt: local("2026-11-25", "05:30") });
    expect(results[0]?.lateByMs).toBeUndefined();
  });

  test("an update exactly at the due time is on time, and counts for that slot rather than the next", () => {
    const results = evaluate(twiceDaily, [{ at: local("2026-11-25", "06:00") }], local("2026-11-25", "07:00"));
    expect(statuses(results)).toMatchObject({ "2026-11-25T06:00": "fulfilled", "2026-11-25T18:00": "open" });
  });

  test("a late update is recorded with its lateness", () => {
    const results = evaluate(twiceDaily, [{ at: local("2026-11-25", "05:30") }, { at: local("2026-11-25", "18:45") }], local("2026-11-25", "20:00"));
    expect(results[1]).toMatchObject({ status: "late", lateByMs: 45 * 60_000, fulfilledAt: local("2026-11-25", "18:45") });
  });

  test("a slot is open before it falls due, overdue after, and missed once the next slot falls due", () => {
    const at = (date: string, time: string) => statuses(evaluate(twiceDaily, [], local(date, time)))["2026-11-25T06:00"];
    expect(at("2026-11-25", "05:59")).toBe("open");
    expect(at("2026-11-25", "06:01")).toBe("overdue");
    expect(at("2026-11-25", "17:59")).toBe("overdue");
    expect(at("2026-11-25", "18:00")).toBe("missed");
  });

  test("a missed slot stays missed: a later update goes to the slot it is on time for", () => {
    const updates = [{ at: local("2026-11-25", "19:00") }];
    const results = statuses(evaluate(twiceDaily, updates, local("2026-11-26", "12:00")));
    expect(results["2026-11-25T06:00"]).toBe("missed");
    expect(results["2026-11-25T18:00"]).toBe("late");
    expect(results["2026-11-26T06:00"]).toBe("overdue");
  });

  test("an update at the instant the next slot falls due is on time for it, not late for the unmet one", () => {
    const results = statuses(evaluate(twiceDaily, [{ at: local("2026-11-25", "18:00") }], local("2026-11-25", "19:00")));
    expect(results["2026-11-25T06:00"]).toBe("missed");
    expect(results["2026-11-25T18:00"]).toBe("fulfilled");
  });

  test("each update fulfils one slot only: the one whose due time is nearest", () => {
    // Nothing was posted for 18:00 on the 25th; the 05:00 update on the 26th is the 06:00 report, on time,
    // and the evening slot stays unmet (missed once 06:00 falls due).
    const early = statuses(evaluate(twiceDaily, [{ at: local("2026-11-26", "05:00") }], local("2026-11-26", "07:00")));
    expect(early["2026-11-25T18:00"]).toBe("missed");
    expect(early["2026-11-26T06:00"]).toBe("fulfilled");
    // an update shortly after 18:00 makes up the evening slot late, and the next morning still needs its own
    const late = statuses(evaluate(twiceDaily, [{ at: local("2026-11-25", "19:10") }], local("2026-11-26", "07:00")));
    expect(late["2026-11-25T18:00"]).toBe("late");
    expect(late["2026-11-26T06:00"]).toBe("overdue");
    // two updates, two slots
    const both = statuses(evaluate(twiceDaily, [{ at: local("2026-11-25", "19:10") }, { at: local("2026-11-26", "05:00") }], local("2026-11-26", "07:00")));
    expect([both["2026-11-25T18:00"], both["2026-11-26T06:00"]]).toEqual(["late", "fulfilled"]);
  });

  test("updates after `now` have not happened yet", () => {
    const results = evaluate(twiceDaily, [{ at: local("2026-11-25", "05:30") }], local("2026-11-25", "05:00"));
    expect(results[0]).toMatchObject({ status: "open", updates: [] });
  });

  test("min-per-day counts updates and needs them all before the end of the day", () => {
    const [day] = dueInstances({ kind: "min-per-day", count: 2 }, { from: local("2026-11-25", "01:00"), to: local("2026-11-26", "01:00"), calendar: national });
    const one = [{ at: local("2026-11-25", "08:00") }];
    expect(evaluate([day as DueInstance], one, local("2026-11-25", "20:00"))[0]).toMatchObject({ status: "open", updates: one });
    expect(evaluate([day as DueInstance], one, local("2026-11-26", "08:00"))[0]?.status).toBe("overdue");
    const late = [...one, { at: local("2026-11-26", "01:00") }];
    expect(evaluate([day as DueInstance], late, local("2026-11-26", "08:00"))[0]).toMatchObject({ status: "late", lateByMs: HOUR });
  });

  describe("event-driven slots", () => {
    const events: ScheduleEvent[] = [
      { id: "q1", at: local("2026-11-25", "08:00"), kind: "question-asked" },
      { id: "q2", at: local("2026-11-25", "09:00"), kind: "question-asked" },
    ];
    const answers = dueInstances({ kind: "within-hours", hours: 24, after: "question-asked" }, { from: local("2026-11-25", "00:00"), to: local("2026-12-01", "00:00"), calendar: national, events });

    test("an answer to a question fulfils that question only, even when another is due earlier", () => {
      const results = statuses(evaluate(answers, [{ at: local("2026-11-25", "10:00"), eventId: "q2" }], local("2026-11-25", "12:00")));
      expect(results).toEqual({ "event:q1": "open", "event:q2": "fulfilled" });
    });

    test("an update naming no event fulfils the earliest open one", () => {
      const results = statuses(evaluate(answers, [{ at: local("2026-11-25", "10:00") }], local("2026-11-25", "12:00")));
      expect(results).toEqual({ "event:q1": "fulfilled", "event:q2": "open" });
    });

    test("an unanswered question stays overdue, never missed, and a late answer still counts", () => {
      expect(statuses(evaluate(answers, [], local("2026-12-31", "00:00")))["event:q1"]).toBe("overdue");
      const late = evaluate(answers, [{ at: local("2026-11-26", "14:00"), eventId: "q1" }], local("2026-12-31", "00:00"));
      expect(late[0]).toMatchObject({ status: "late", lateByMs: 6 * HOUR });
    });

    test("an update before the event does not count for it", () => {
      const results = statuses(evaluate(answers, [{ at: local("2026-11-25", "08:30"), eventId: "q2" }], local("2026-11-25", "12:00")));
      expect(results["event:q2"]).toBe("open");
    });
  });

  test("property: no update is used twice, statuses agree with the times, and results follow the input order", () => {
    const minute = fc.integer({ min: 0, max: 3 * 24 * 60 }).map((m) => new Date(local("2026-11-24", "12:00").getTime() + m * 60_000));
    fc.assert(fc.property(fc.array(minute, { maxLength: 12 }), minute, (times, now) => {
      const updates = times.map((at) => ({ at }));
      const results = evaluate(twiceDaily, updates, now);
      expect(results.map((r) => r.instance)).toEqual(twiceDaily);
      const used = results.flatMap((r) => r.updates);
      expect(new Set(used).size).toBe(used.length);
      for (const r of results) {
        const { dueAt, opensAt, closesAt } = r.instance;
        for (const u of r.updates) expect(u.at >= opensAt && (!closesAt || u.at < closesAt) && u.at <= now).toBe(true);
        if (r.status === "fulfilled") expect(r.fulfilledAt && r.fulfilledAt <= dueAt).toBe(true);
        if (r.status === "late") expect(r.lateByMs).toBe((r.fulfilledAt?.getTime() ?? 0) - dueAt.getTime());
        if (r.status === "open") expect(now <= dueAt).toBe(true);
        if (r.status === "missed") expect(closesAt && now >= closesAt).toBe(true);
      }
    }), { numRuns: 300 });
  });
});
