// Explains how one deadline was computed (start, rule, working days counted, days skipped and why, result)
// as data the UI renders in the reader's language, so an agency can check a deadline it disputes.
import type { DeadlineRule } from "@cong/config";
import { addWorkingDays, type SkippedDay } from "./add-working-days.ts";
import { dueInstances, monthlyDueDate, type DueInstance } from "./due-instances.ts";
import { addDays, toLocal, type LocalDate } from "./local-time.ts";
import type { WorkingCalendar } from "./working-calendar.ts";

/** An instant as the tenant reads it. End-of-day deadlines read "24:00" of the day that ends, not "00:00"
 *  of the next, because "by the end of 13 March" is what the regulation means. */
export interface LocalMoment {
  at: Date;
  date: LocalDate;
  time: string;
}

export interface DeadlineExplanation {
  key: string;
  rule: DeadlineRule;
  timeZone: string;
  /** What opens the window: the event, the rule's previous slot, the start of the day or of the month. */
  startsFrom: "event" | "previous-slot" | "day-start" | "month-start";
  start: LocalMoment;
  /** When the slot falls due. */
  result: LocalMoment;
  /** Until when a late update still counts; absent for event-driven slots, which never close. */
  closes?: LocalMoment;
  required: number;
  /** within-working-days only: the days counted and the days skipped with their reasons. */
  workingDays?: { counted: LocalDate[]; skipped: SkippedDay[] };
  /** monthly only: the month covered, the day it is due, and whether the rule's day was past month end. */
  month?: { covered: string; dueDate: LocalDate; clamped: boolean };
  /** False when today's rule and calendar give another due time than the instance holds, e.g. a day off was
   *  added after the deadline was stored; the UI should then say the deadline was computed differently. */
  matchesInstance: boolean;
}

function moment(at: Date, timeZone: string, endOfDay = false): LocalMoment {
  const local = toLocal(at, timeZone);
  if (endOfDay && local.time === "00:00") return { at, date: addDays(local.date, -1), time: "24:00" };
  return { at, ...local };
}

/** Rules whose due time (and late limit) is the end of a local day. */
function endsAtDayEnd(rule: DeadlineRule): boolean {
  if (rule.kind === "monthly") return rule.time === undefined;
  return rule.kind === "min-per-day" || rule.kind === "within-working-days" || rule.kind === "after-event";
}

function startsFrom(rule: DeadlineRule): DeadlineExplanation["startsFrom"] {
  switch (rule.kind) {
    case "daily-at":
      return "previous-slot";
    case "daily-before":
    case "min-per-day":
      return "day-start";
    case "monthly":
      return "month-start";
    default:
      return "event";
  }
}

/** Recomputes the slot from the rule, to tell whether the stored instance still agrees with it. */
function recompute(rule: DeadlineRule, instance: DueInstance, calendar: WorkingCalendar): DueInstance | undefined {
  if (rule.kind === "within-hours" || rule.kind === "within-working-days" || rule.kind === "after-event") {
    if (instance.eventId === undefined) return undefined;
    const event = { id: instance.eventId, at: instance.opensAt, kind: rule.after };
    const [found] = dueInstances(rule, { from: instance.opensAt, to: new Date(8.64e15), calendar, events: [event] });
    return found;
  }
  const range = { from: instance.dueAt, to: new Date(instance.dueAt.getTime() + 1), calendar };
  return dueInstances(rule, range).find((candidate) => candidate.key === instance.key);
}

export function explainDeadline(rule: DeadlineRule, instance: DueInstance, calendar: WorkingCalendar): DeadlineExplanation {
  if (rule.kind === "on-change" || rule.kind === "on-request") {
    throw new RangeError(`a ${rule.kind} rule has no clock, so it has no deadline to explain`);
  }
  const { timeZone } = calendar;
  const dayEnd = endsAtDayEnd(rule);
  const explanation: DeadlineExplanation = {
    key: instance.key,
    rule,
    timeZone,
    startsFrom: startsFrom(rule),
    start: moment(instance.opensAt, timeZone),
    result: moment(instance.dueAt, timeZone, dayEnd),
    required: instance.required,
    matchesInstance: recompute(rule, instance, calendar)?.dueAt.getTime() === instance.dueAt.getTime(),
  };
  if (instance.closesAt) explanation.closes = moment(instance.closesAt, timeZone, dayEnd);
  if (rule.kind === "within-working-days") {
    const { counted, skipped } = addWorkingDays(instance.opensAt, rule.days, calendar);
    explanation.workingDays = { counted, skipped };
  }
  if (rule.kind === "monthly") {
    const { date, clamped } = monthlyDueDate(rule, `${instance.key}-01`);
    explanation.month = { covered: instance.key, dueDate: date, clamped };
  }
  return explanation;
}
