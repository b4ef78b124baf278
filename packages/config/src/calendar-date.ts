// Days, months and date-times as forms, packs and the API write them ("2021-10-15", "2021-10",
// "2021-10-15T08:30"): accepted only when they name a real day of the Gregorian calendar. JavaScript's
// Date quietly moves 30 February to 2 March and the regular expressions that guarded these fields let
// it through; year 0000 is not a year anyone's documents carry (and not one Postgres stores as typed).
// The one check every door uses, so each refuses the same values. Pure, browser-safe.
import { z } from "zod";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
// A date-time-local (minutes, optional seconds and fraction) with an optional Z or ±hh:mm.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/;

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Days in a month (1–12) of a year of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** "YYYY-MM" naming a month of years 0001–9999. */
export function isCalendarMonth(value: unknown): value is string {
  const m = typeof value === "string" ? MONTH.exec(value) : null;
  if (!m) return false;
  const [year, month] = [Number(m[1]), Number(m[2])];
  return year >= 1 && month >= 1 && month <= 12;
}

/** "YYYY-MM-DD" naming a day that exists: no 30 February, 31 April, 29 February of 2021, month 13 or year 0000. */
export function isCalendarDate(value: unknown): value is string {
  const m = typeof value === "string" ? DATE.exec(value) : null;
  if (!m || !isCalendarMonth(`${m[1]}-${m[2]}`)) return false;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(Number(m[1]), Number(m[2]));
}

/** "YYYY-MM-DDThh:mm[:ss[.fff]][Z|±hh:mm]" on a real day at a real time of day. */
export function isCalendarDateTime(value: unknown): value is string {
  const m = typeof value === "string" ? DATE_TIME.exec(value) : null;
  return m !== null && isCalendarDate(m[1]);
}

// The same checks as zod schemas, with the message each caller's readers get (an i18n key in the core,
// plain English in a pack's problems). The pattern stays on the schema so the packs' JSON Schema shows
// it; the day check skips values the pattern refused already, so each bad value gets one message.
export const calendarDateSchema = (message: string) =>
  z.string().regex(DATE, message).refine((s) => !DATE.test(s) || isCalendarDate(s), { message });
export const calendarMonthSchema = (message: string) =>
  z.string().regex(MONTH, message).refine((s) => !MONTH.test(s) || isCalendarMonth(s), { message });
export const calendarDateTimeSchema = (message: string) =>
  z.string().regex(DATE_TIME, message).refine((s) => !DATE_TIME.test(s) || isCalendarDateTime(s), { message });
