// Dates and sizes as citizens read them, in the province's time zone. Written out by hand rather than
// with Intl's date styles so every server renders the same string whatever its ICU version.
import { toLocal } from "@cong/schedule";
const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const pad = (n: number) => String(n).padStart(2, "0");

function formatParts(year: number, month: number, day: number, locale: string): string {
  if (locale === "en") return `${day} ${EN_MONTHS[month - 1]} ${year}`;
  if (locale === "zh") return `${year}年${month}月${day}日`;
  return `${pad(day)}/${pad(month)}/${year}`;
}

/** A calendar date ("2021-10-15", as documents carry them): no time zone applies. */
export function formatDay(day: string | null | undefined, locale: string): string | null {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  return m ? formatParts(Number(m[1]), Number(m[2]), Number(m[3]), locale) : null;
}

/** An instant, as the date in the province's time zone. */
export function formatDate(at: Date | string, locale: string, timeZone: string): string {
  return formatDay(toLocal(new Date(at), timeZone).date, locale)!;
}

/** An instant, as the date and time in the province's time zone ("15/10/2021 08:00"). */
export function formatDateTime(at: Date | string, locale: string, timeZone: string): string {
  const local = toLocal(new Date(at), timeZone);
  return `${formatDay(local.date, locale)} ${local.time}`;
}

/** A file size in the units people know, with the locale's decimal mark ("1,5 MB" in Vietnamese). */
export function formatSize(bytes: number, locale: string): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), "MB"] : bytes >= 1024 ? [bytes / 1024, "KB"] : [bytes, "B"];
  const text = unit === "B" ? String(Math.round(value)) : value.toFixed(value < 10 ? 1 : 0);
  return `${locale === "vi" ? text.replace(".", ",") : text} ${unit}`;
}
