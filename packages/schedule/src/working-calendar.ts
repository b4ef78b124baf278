// A tenant's working-day calendar: Vietnam's weekends, holidays and substitute days, overridden by the
// tenant's own extra days off and swapped working days (the government's make-up Saturdays), each day
// explained by structured reasons so the app can say why in the reader's language.
import { DEFAULT_TIME_ZONE, parseLocalDate, type LocalDate } from "./local-time.ts";
import { isWeekend, vietnamDaysOff, type DayReason } from "./vn-holidays.ts";

/** A day the tenant adds to the national calendar, e.g. { date: "2026-02-13", name: "Nghỉ bù Tết" }. */
export interface CalendarDay {
  date: LocalDate;
  name?: string;
}

export interface WorkingCalendarOptions {
  /** The zone whose local days are counted; default Asia/Ho_Chi_Minh. */
  timeZone?: string;
  /** Extra days off (a provincial decision, the government's extra Tết day). */
  daysOff?: CalendarDay[];
  /** Days that are worked although national rules say otherwise (a swapped Saturday). */
  workingDays?: CalendarDay[];
}

export interface DayInfo {
  date: LocalDate;
  working: boolean;
  /** Everything that applies to the day, national reasons first, the tenant's override last. */
  reasons: readonly DayReason[];
}

export interface WorkingCalendar {
  readonly timeZone: string;
  dayInfo(date: LocalDate): DayInfo;
  isWorkingDay(date: LocalDate): boolean;
}

function indexDays(days: CalendarDay[] | undefined, field: string): Map<LocalDate, CalendarDay> {
  const index = new Map<LocalDate, CalendarDay>();
  for (const [i, day] of (days ?? []).entries()) {
    try {
      parseLocalDate(day.date);
    } catch {
      throw new RangeError(`${field}[${i}].date: "${day.date}" is not a date YYYY-MM-DD`);
    }
    index.set(day.date, day);
  }
  return index;
}

function nameOf(day: CalendarDay): { name?: string } {
  return day.name === undefined ? {} : { name: day.name };
}

export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const daysOff = indexDays(options.daysOff, "daysOff");
  const workingDays = indexDays(options.workingDays, "workingDays");
  for (const date of daysOff.keys()) {
    // A day both off and worked has no right answer; say so instead of picking one silently.
    if (workingDays.has(date)) throw new RangeError(`${date} is listed both in daysOff and in workingDays`);
  }
  // Reasons are built once per day asked; the national part is cached per year in vn-holidays.ts.
  const days = new Map<LocalDate, DayInfo>();

  function dayInfo(date: LocalDate): DayInfo {
    const cached = days.get(date);
    if (cached) return cached;
    const { year } = parseLocalDate(date);
    const reasons: DayReason[] = [];
    if (isWeekend(date)) reasons.push({ kind: "weekend" });
    const national = vietnamDaysOff(year).get(date);
    if (national) reasons.push(national);
    let working = reasons.length === 0;
    const off = daysOff.get(date);
    const worked = workingDays.get(date);
    if (off) {
      reasons.push({ kind: "tenant-day-off", ...nameOf(off) });
      working = false;
    } else if (worked) {
      reasons.push({ kind: "tenant-working-day", ...nameOf(worked) });
      working = true;
    }
    // Frozen because the same object is handed to every caller that asks for this day.
    const info: DayInfo = Object.freeze({ date, working, reasons: Object.freeze(reasons) });
    days.set(date, info);
    return info;
  }

  return { timeZone, dayInfo, isWorkingDay: (date) => dayInfo(date).working };
}
