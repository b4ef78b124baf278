// Tenant-local wall time <-> UTC instants, with Intl only, so deadlines written as "09:00 in the province"
// become the instants we store (CONVENTIONS.md 12: stored in UTC, shown in the tenant's zone). Generic for
// any IANA zone; Asia/Ho_Chi_Minh has had no DST since 1975, but tenants could live elsewhere.

/** A calendar day in the tenant's zone, "YYYY-MM-DD". */
export type LocalDate = string;
/** A wall-clock time in the tenant's zone, "HH:MM" (24-hour). */
export type LocalTime = string;

export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface LocalDateParts {
  year: number;
  month: number;
  day: number;
}

/** Splits a local date, rejecting impossible ones (2026-02-30) so a typo in a calendar never shifts a day. */
export function parseLocalDate(date: LocalDate): LocalDateParts {
  const match = DATE_RE.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
  }
  throw new RangeError(`"${date}" is not a date YYYY-MM-DD`);
}

function parseLocalTime(time: LocalTime): { hour: number; minute: number } {
  const match = TIME_RE.exec(time);
  if (!match) throw new RangeError(`"${time}" is not a local time HH:MM (00:00–23:59)`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function formatLocalDate({ year, month, day }: LocalDateParts): LocalDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Calendar arithmetic on local dates; zone-free because a local date has no instant. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  const shifted = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return formatLocalDate({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export function dayOfWeek(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const pa = parseLocalDate(a);
  const pb = parseLocalDate(b);
  return Math.round((Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / DAY_MS);
}

// Intl.DateTimeFormat is costly to build; one per zone is enough.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock at `instant`, as if that wall clock were UTC (milliseconds kept). */
function wallClockMs(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second) + (((instantMs % 1000) + 1000) % 1000);
}

function offsetMs(instantMs: number, timeZone: string): number {
  return wallClockMs(instantMs, timeZone) - instantMs;
}

/**
 * The instant a wall clock in `timeZone` shows `date` `time`. Around DST changes it behaves like Temporal's
 * "compatible" disambiguation: a time skipped by a spring-forward gap moves forward by the gap, and a time
 * that happens twice (fall-back) resolves to the earlier instant, so a deadline is never dropped or doubled.
 */
export function toUtc(date: LocalDate, time: LocalTime, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const { year, month, day } = parseLocalDate(date);
  const { hour, minute } = parseLocalTime(time);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Zones change offset at most once in any two days, so the offsets a day either side cover every answer.
  const before = offsetMs(wall - DAY_MS, timeZone);
  const after = offsetMs(wall + DAY_MS, timeZone);
  const candidates = [wall - before, wall - after].filter((t) => wallClockMs(t, timeZone) === wall);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(wall - before);
}

export interface LocalDateTime {
  date: LocalDate;
  time: LocalTime;
}

/** The local date and minute an instant falls on in `timeZone` (seconds are dropped). */
export function toLocal(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalDateTime {
  const wall = new Date(wallClockMs(instant.getTime(), timeZone));
  return {
    date: formatLocalDate({ year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() }),
    time: `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`,
  };
}

export function localDateOf(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalDate {
  return toLocal(instant, timeZone).date;
}

export function startOfLocalDay(date: LocalDate, timeZone: string = DEFAULT_TIME_ZONE): Date {
  return toUtc(date, "00:00", timeZone);
}

/**
 * Local 24:00 of `date`, i.e. the next local midnight. Every "by the end of the day" deadline in this package
 * uses it, so an update stamped 23:59:59.999 is on time and the next day's count starts cleanly.
 */
export function endOfLocalDay(date: LocalDate, timeZone: string = DEFAULT_TIME_ZONE): Date {
  return toUtc(addDays(date, 1), "00:00", timeZone);
}
