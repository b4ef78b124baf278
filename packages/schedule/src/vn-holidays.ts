// Vietnam's national days off for one year (Labour Code 2019 Điều 112), with the substitute days of
// Điều 112.3, as structured reasons the app translates. Tenants correct any year through their calendar
// (working-calendar.ts), because the government fixes the exact Tết and National Day split each year.
import Holidays from "date-holidays";
import { addDays, dayOfWeek, type LocalDate } from "./local-time.ts";

export const HOLIDAY_KEYS = ["new-year", "tet", "hung-kings", "reunification", "labour-day", "national-day"] as const;
export type HolidayKey = (typeof HOLIDAY_KEYS)[number];

export interface HolidayName {
  vi: string;
  en: string;
}

export const HOLIDAY_NAMES: Record<HolidayKey, HolidayName> = {
  "new-year": { vi: "Tết Dương lịch", en: "New Year's Day" },
  tet: { vi: "Tết Nguyên Đán", en: "Lunar New Year (Tết)" },
  "hung-kings": { vi: "Giỗ Tổ Hùng Vương", en: "Hùng Kings' Commemoration" },
  reunification: { vi: "Ngày Chiến thắng", en: "Reunification Day" },
  "labour-day": { vi: "Ngày Quốc tế Lao động", en: "International Labour Day" },
  "national-day": { vi: "Quốc khánh", en: "National Day" },
};

/** Why a day is or is not a working day; `kind` and `key` are translation keys, names a fallback. */
export type DayReason =
  | { kind: "weekend" }
  | { kind: "holiday"; key: HolidayKey; name: HolidayName }
  | { kind: "substitute"; for: HolidayKey; forDate: LocalDate; name: HolidayName }
  | { kind: "tenant-day-off"; name?: string }
  | { kind: "tenant-working-day"; name?: string };

export type NationalReason = Extract<DayReason, { kind: "holiday" | "substitute" }>;

export function isWeekend(date: LocalDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

let holidaysVN: Holidays | undefined;

/** Lunar dates from date-holidays, which computes the Vietnamese lunar calendar; built once, on first use. */
function lunarDates(year: number): { tet: LocalDate; hungKings: LocalDate } {
  holidaysVN ??= new Holidays("VN");
  const listed = holidaysVN.getHolidays(year);
  // Matched by rule rather than by name: the rule is the lunar date itself and does not change with wording.
  const find = (rule: string) => listed.find((h) => h.rule === rule)?.date.slice(0, 10);
  const tet = find("vietnamese 1-0-1");
  const hungKings = find("vietnamese 3-0-10");
  if (!tet || !hungKings) throw new Error(`date-holidays no longer lists Tết or Giỗ Tổ Hùng Vương for ${year}`);
  return { tet, hungKings };
}

/**
 * National Day is 2 Sep "and one adjacent day before or after" (Điều 112.1đ); the government picks it each
 * year. The default follows what it has picked since 2021: the adjacent weekday that joins the holiday to a
 * weekend (2021 Thu→3 Sep, 2022 Fri→1 Sep, 2023 Sat→1 Sep, 2024 Mon→3 Sep, 2025 Tue→1 Sep), and 3 Sep when
 * neither does (2 Sep on a Wednesday) or when 1 Sep is a Sunday.
 */
export function nationalDaySecondDay(year: number): LocalDate {
  const weekday = dayOfWeek(`${year}-09-02`);
  return weekday === 2 || weekday === 5 || weekday === 6 ? `${year}-09-01` : `${year}-09-03`;
}

/** The holidays of Điều 112.1 in `year`, in date order. */
function holidaysOf(year: number): { date: LocalDate; key: HolidayKey }[] {
  const { tet, hungKings } = lunarDates(year);
  // Five Tết days. The law says only "5 days"; each year the government fixes the split around lunar 1/1.
  // Default: the last day of the lunar year (giao thừa, the day before 1/1) plus lunar 1/1–1/4. Tenants
  // correct it with calendar days off / working days once the year's decision is out.
  const tetDays = [-1, 0, 1, 2, 3].map((offset) => addDays(tet, offset));
  const days: { date: LocalDate; key: HolidayKey }[] = [
    { date: `${year}-01-01`, key: "new-year" },
    ...tetDays.map((date) => ({ date, key: "tet" as const })),
    { date: hungKings, key: "hung-kings" },
    { date: `${year}-04-30`, key: "reunification" },
    { date: `${year}-05-01`, key: "labour-day" },
    { date: `${year}-09-02`, key: "national-day" },
    { date: nationalDaySecondDay(year), key: "national-day" },
  ];
  // Hùng Kings (lunar 3/10) can in principle land on 30 Apr; one date is one day off, not two.
  const unique = days.filter((day, i) => days.findIndex((other) => other.date === day.date) === i);
  return unique.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Substitute days (Điều 112.3): a holiday on a Saturday or Sunday gives the next weekday that is not itself a
 * holiday or already a substitute. Walking holidays in order pushes a weekend inside Tết past the whole block.
 */
function substitutesFor(holidays: { date: LocalDate; key: HolidayKey }[]): { date: LocalDate; reason: NationalReason }[] {
  const taken = new Set(holidays.map((h) => h.date));
  const substitutes: { date: LocalDate; reason: NationalReason }[] = [];
  for (const holiday of holidays) {
    if (!isWeekend(holiday.date)) continue;
    let date = addDays(holiday.date, 1);
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    substitutes.push({ date, reason: { kind: "substitute", for: holiday.key, forDate: holiday.date, name: HOLIDAY_NAMES[holiday.key] } });
  }
  return substitutes;
}

const cache = new Map<number, ReadonlyMap<LocalDate, NationalReason>>();

/** Every national day off of `year` (holidays and substitutes), by local date. Cached per year. */
export function vietnamDaysOff(year: number): ReadonlyMap<LocalDate, NationalReason> {
  const cached = cache.get(year);
  if (cached) return cached;
  const holidays = holidaysOf(year);
  const days = new Map<LocalDate, NationalReason>();
  for (const { date, key } of holidays) days.set(date, { kind: "holiday", key, name: HOLIDAY_NAMES[key] });
  for (const { date, reason } of substitutesFor(holidays)) days.set(date, reason);
  cache.set(year, days);
  return days;
}
