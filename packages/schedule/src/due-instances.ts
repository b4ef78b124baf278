// Turns a duty's deadline rule into the concrete slots that fall due in a time range: "06:00 on 25 Nov",
// "the answer to question 42". Each slot carries the window in which an update counts for it, so
// evaluate.ts can match updates without knowing the rule.
import type { DeadlineRule } from "@cong/config";
import { addWorkingDays } from "./add-working-days.ts";
import {
  addDays,
  daysInMonth,
  endOfLocalDay,
  formatLocalDate,
  localDateOf,
  parseLocalDate,
  startOfLocalDay,
  toUtc,
  type LocalDate,
} from "./local-time.ts";
import type { WorkingCalendar } from "./working-calendar.ts";

export type EventKind = Extract<DeadlineRule, { after: unknown }>["after"];

/** Something that starts a clock, e.g. a question asked through the portal. */
export interface ScheduleEvent {
  id: string;
  at: Date;
  kind: EventKind;
}

export interface DueInstance {
  /** Unique among one rule's instances and stable across calls: "2026-11-25T06:00", "2026-11-25",
   *  "2026-11" (monthly, the month covered) or "event:<id>". */
  key: string;
  dueAt: Date;
  /** Start of the window in which an update counts for this slot (inclusive). */
  opensAt: Date;
  /** When the next slot of the same rule falls due: a late update counts until then (exclusive), after that
   *  the slot is missed. Absent for event-driven slots, which stay fulfillable: an answer to a question is
   *  late, never pointless. */
  closesAt?: Date;
  /** Updates needed: 1, or the count of a min-per-day rule. */
  required: number;
  eventId?: string;
}

export interface DueInstancesOptions {
  /** Inclusive start of the range: slots with dueAt >= from. */
  from: Date;
  /** Exclusive end of the range: slots with dueAt < to. */
  to: Date;
  calendar: WorkingCalendar;
  /** Defaults to the calendar's zone; a different zone is refused, since days would be counted in one zone
   *  and clock times read in another. */
  timeZone?: string;
  /** Events that start clocks; only those of the rule's `after` kind are used. */
  events?: readonly ScheduleEvent[];
}

type Rule<K extends DeadlineRule["kind"]> = Extract<DeadlineRule, { kind: K }>;

interface Range {
  from: Date;
  to: Date;
  timeZone: string;
}

/** Local days that can hold a slot due in the range; one spare day each side for slots near midnight. */
function localDays({ from, to, timeZone }: Range): LocalDate[] {
  const last = addDays(localDateOf(to, timeZone), 1);
  const days: LocalDate[] = [];
  for (let day = addDays(localDateOf(from, timeZone), -1); day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

function dailyAt(rule: Rule<"daily-at">, range: Range): DueInstance[] {
  const times = [...new Set(rule.times)].sort();
  const at = (day: LocalDate, index: number): Date => {
    // Index -1 is the previous day's last slot and times.length the next day's first.
    if (index < 0) return toUtc(addDays(day, -1), times[times.length - 1] as string, range.timeZone);
    if (index >= times.length) return toUtc(addDays(day, 1), times[0] as string, range.timeZone);
    return toUtc(day, times[index] as string, range.timeZone);
  };
  return localDays(range).flatMap((day) =>
    times.map((time, i) => ({ key: `${day}T${time}`, dueAt: at(day, i), opensAt: at(day, i - 1), closesAt: at(day, i + 1), required: 1 })),
  );
}

function dailyBefore(rule: Rule<"daily-before">, range: Range): DueInstance[] {
  return localDays(range).map((day) => ({
    key: `${day}T${rule.time}`,
    dueAt: toUtc(day, rule.time, range.timeZone),
    opensAt: startOfLocalDay(day, range.timeZone),
    closesAt: toUtc(addDays(day, 1), rule.time, range.timeZone),
    required: 1,
  }));
}

function minPerDay(rule: Rule<"min-per-day">, range: Range): DueInstance[] {
  return localDays(range).map((day) => ({
    key: day,
    dueAt: endOfLocalDay(day, range.timeZone),
    opensAt: startOfLocalDay(day, range.timeZone),
    closesAt: endOfLocalDay(addDays(day, 1), range.timeZone),
    required: rule.count,
  }));
}

/** The local date a monthly slot covering `month` ("YYYY-MM-01") falls due, and whether `day` was clamped. */
export function monthlyDueDate(rule: Rule<"monthly">, month: LocalDate): { date: LocalDate; clamped: boolean } {
  const { year, month: m } = parseLocalDate(month);
  if (rule.day === undefined) return { date: formatLocalDate({ year, month: m, day: daysInMonth(year, m) }), clamped: false };
  // Due in the following month: a report on November is due by day N of December.
  const next = m === 12 ? { year: year + 1, month: 1 } : { year, month: m + 1 };
  const last = daysInMonth(next.year, next.month);
  return { date: formatLocalDate({ ...next, day: Math.min(rule.day, last) }), clamped: rule.day > last };
}

function monthlyDueAt(rule: Rule<"monthly">, month: LocalDate, timeZone: string): Date {
  const { date } = monthlyDueDate(rule, month);
  return rule.time === undefined ? endOfLocalDay(date, timeZone) : toUtc(date, rule.time, timeZone);
}

function monthly(rule: Rule<"monthly">, range: Range): DueInstance[] {
  const first = parseLocalDate(localDateOf(range.from, range.timeZone));
  const last = parseLocalDate(localDateOf(range.to, range.timeZone));
  const instances: DueInstance[] = [];
  // A slot falls due at the latest in the month after the one it covers; two months back is a safe margin.
  let cursor = new Date(Date.UTC(first.year, first.month - 3, 1));
  while (cursor.getUTCFullYear() * 12 + cursor.getUTCMonth() <= last.year * 12 + last.month - 1) {
    const month = formatLocalDate({ year: cursor.getUTCFullYear(), month: cursor.getUTCMonth() + 1, day: 1 });
    const nextMonth = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1));
    const following = formatLocalDate({ year: nextMonth.getUTCFullYear(), month: nextMonth.getUTCMonth() + 1, day: 1 });
    instances.push({
      key: month.slice(0, 7),
      dueAt: monthlyDueAt(rule, month, range.timeZone),
      opensAt: startOfLocalDay(month, range.timeZone),
      closesAt: monthlyDueAt(rule, following, range.timeZone),
      required: 1,
    });
    cursor = nextMonth;
  }
  return instances;
}

type EventRule = Rule<"within-hours" | "within-working-days" | "after-event">;

/**
 * Due instant of an event-driven slot. "after-event" (post a directive as soon as it is issued) is due at the
 * end of the event's local day: the regulation's "ngay" cannot mean zero seconds, and a zero-length window
 * would mark every update late by minutes, which tells nobody anything. The window opens at the event, so an
 * update before it never counts.
 */
function eventDueAt(rule: EventRule, event: ScheduleEvent, calendar: WorkingCalendar, timeZone: string): Date {
  switch (rule.kind) {
    case "within-hours":
      return new Date(event.at.getTime() + rule.hours * 3_600_000);
    case "within-working-days":
      return addWorkingDays(event.at, rule.days, calendar).result;
    case "after-event":
      return endOfLocalDay(localDateOf(event.at, timeZone), timeZone);
  }
}

function eventDriven(rule: EventRule, events: readonly ScheduleEvent[], calendar: WorkingCalendar, timeZone: string): DueInstance[] {
  const seen = new Set<string>();
  const instances: DueInstance[] = [];
  for (const event of events) {
    if (event.kind !== rule.after) continue;
    if (seen.has(event.id)) throw new RangeError(`event ${event.id} is listed twice`);
    seen.add(event.id);
    const dueAt = eventDueAt(rule, event, calendar, timeZone);
    instances.push({ key: `event:${event.id}`, dueAt, opensAt: event.at, required: 1, eventId: event.id });
  }
  return instances;
}

function generate(rule: DeadlineRule, range: Range, options: DueInstancesOptions): DueInstance[] {
  switch (rule.kind) {
    case "daily-at":
      return dailyAt(rule, range);
    case "daily-before":
      return dailyBefore(rule, range);
    case "min-per-day":
      return minPerDay(rule, range);
    case "monthly":
      return monthly(rule, range);
    case "within-hours":
    case "within-working-days":
    case "after-event":
      return eventDriven(rule, options.events ?? [], options.calendar, range.timeZone);
    case "on-change":
    case "on-request":
      // Event-driven with no clock: nothing can fall due, so nothing can be late.
      return [];
  }
}

/** The slots of `rule` due in [from, to), ordered by dueAt then key. */
export function dueInstances(rule: DeadlineRule, options: DueInstancesOptions): DueInstance[] {
  const { from, to, calendar } = options;
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new RangeError("from and to must be valid dates");
  const timeZone = options.timeZone ?? calendar.timeZone;
  if (timeZone !== calendar.timeZone) {
    throw new RangeError(`timeZone ${timeZone} differs from the calendar's ${calendar.timeZone}`);
  }
  if (to.getTime() <= from.getTime()) return [];
  return generate(rule, { from, to, timeZone }, options)
    .filter((instance) => instance.dueAt.getTime() >= from.getTime() && instance.dueAt.getTime() < to.getTime())
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
