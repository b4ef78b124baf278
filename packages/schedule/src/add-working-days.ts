// "Within N working days" (2187/2017 Điều 20): the instant such a deadline ends, with the days counted and
// the days skipped (and why), so the UI can show "start, days skipped and why, result".
import { addDays, endOfLocalDay, localDateOf, type LocalDate } from "./local-time.ts";
import type { DayReason } from "./vn-holidays.ts";
import type { WorkingCalendar } from "./working-calendar.ts";

export interface SkippedDay {
  date: LocalDate;
  reasons: readonly DayReason[];
}

export interface WorkingDaysResult {
  /** The event that starts the clock. */
  start: Date;
  /** The event's local day; never counted, even when it is a working day. */
  startDate: LocalDate;
  days: number;
  /** End of the Nth working day: local 24:00, i.e. the next local midnight, as a UTC instant. */
  result: Date;
  /** The Nth working day. */
  resultDate: LocalDate;
  /** The working days counted, in order; always `days` of them. */
  counted: LocalDate[];
  /** Non-working days between the event's day and the result, in order. */
  skipped: SkippedDay[];
}

// Ten years of consecutive days off cannot happen; hitting this means a broken calendar, not a long Tết.
const MAX_DAYS_SCANNED = 3_660;

/**
 * Counting starts the working day after the event's local day, whatever the hour of the event: an item
 * issued at 07:00 or at 23:00 on a Monday gets the same deadline. The deadline is the end of the Nth working
 * day (local 24:00) because the regulations count whole days and say nothing of office hours.
 */
export function addWorkingDays(from: Date, days: number, calendar: WorkingCalendar): WorkingDaysResult {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a whole number of at least 1, got ${days}`);
  const startDate = localDateOf(from, calendar.timeZone);
  const counted: LocalDate[] = [];
  const skipped: SkippedDay[] = [];
  let date = startDate;
  for (let scanned = 0; counted.length < days; scanned++) {
    if (scanned > MAX_DAYS_SCANNED) throw new Error(`no ${days} working days within ${MAX_DAYS_SCANNED} days after ${startDate}`);
    date = addDays(date, 1);
    const info = calendar.dayInfo(date);
    if (info.working) counted.push(date);
    else skipped.push({ date, reasons: info.reasons });
  }
  return {
    start: from,
    startDate,
    days,
    result: endOfLocalDay(date, calendar.timeZone),
    resultDate: date,
    counted,
    skipped,
  };
}
