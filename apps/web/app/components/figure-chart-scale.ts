// The arithmetic behind FigureChart: round axis ticks, scales, SVG path strings, colours that stay legible
// on white, date labels and per-series summaries. Pure and free of React, so the same figures always give
// the same bytes (citizen pages are cached with ETags) and each piece can be tested on its own.

export type Point = { x: number; y: number };
export type MarkerShape = "circle" | "square" | "triangle" | "diamond" | "triangle-down";

/** Coordinates to two decimals: finer than any screen shows, and shorter markup. */
export function round(value: number): number {
  const r = Math.round(value * 100) / 100;
  return r === 0 ? 0 : r; // never "-0"
}

const NICE_FACTORS = [1, 2, 5] as const;

function tickValue(k: number, factor: number, exponent: number): number {
  // Dividing by an exact power of ten keeps 0.1-steps free of 0.30000000000000004.
  return exponent >= 0 ? k * factor * 10 ** exponent : (k * factor) / 10 ** -exponent;
}

/**
 * Round, evenly spaced axis ticks (1, 2 or 5 × 10^k apart) running from at or below min to at or above max,
 * at least 2 and at most max(2, count) + 1 of them. A single value (min = max) gets a range around it.
 * Meant for figures people read: magnitudes up to about 1e15.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new RangeError(`niceTicks: bounds must be finite (${min}, ${max})`);
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  // A spread below a billionth of the values' size is no spread on a chart (and would make tick
  // indices too large to count exactly): treat it as one value, and anything within 1e-12 of 0 as 0.
  const size = Math.max(Math.abs(lo), Math.abs(hi));
  if (hi - lo <= size * 1e-9 || hi - lo < 1e-12) {
    if (size < 1e-12) {
      lo = lo < 0 ? -1 : 0;
      hi = 1;
    } else {
      const pad = 10 ** Math.floor(Math.log10(size));
      lo -= pad;
      hi += pad;
    }
  }
  const intervals = Math.max(2, Math.floor(count));
  const raw = (hi - lo) / intervals;
  let exponent = Math.floor(Math.log10(raw));
  let f = NICE_FACTORS.findIndex((factor) => factor * 10 ** exponent >= raw);
  if (f === -1) {
    f = 0;
    exponent += 1;
  }
  // Terminates: once the step exceeds both |lo| and |hi| the ticks are at most -step, 0, step.
  for (let guard = 0; guard < 64; guard++) {
    const factor = NICE_FACTORS[f] ?? 1;
    const step = tickValue(1, factor, exponent);
    let first = Math.floor(lo / step);
    let last = Math.ceil(hi / step);
    // Correct floating-point misses so the ticks really enclose [lo, hi], and no further than needed.
    if (tickValue(first, factor, exponent) > lo) first -= 1;
    if (tickValue(first + 1, factor, exponent) <= lo) first += 1;
    if (tickValue(last, factor, exponent) < hi) last += 1;
    if (tickValue(last - 1, factor, exponent) >= hi) last -= 1;
    if (last - first <= intervals) {
      const ticks: number[] = [];
      for (let k = first; k <= last; k++) ticks.push(tickValue(k, factor, exponent) || 0);
      return ticks;
    }
    f += 1;
    if (f === NICE_FACTORS.length) {
      f = 0;
      exponent += 1;
    }
  }
  throw new Error(`niceTicks: no step found for (${min}, ${max}, ${count})`);
}

/** A linear map from a domain of values onto a range of coordinates (y grows downwards in SVG). */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** count equal bands across [start, end]: one per date; lines pass through band centres, bars sit inside. */
export function bandScale(count: number, start: number, end: number) {
  const band = count > 0 ? (end - start) / count : end - start;
  return { band, start: (i: number) => start + i * band, center: (i: number) => start + (i + 0.5) * band };
}

/** An SVG path through the points; a null starts a new segment, so missing days show as gaps. */
export function linePath(points: readonly (Point | null)[]): string {
  const parts: string[] = [];
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    parts.push(`${pen ? "L" : "M"}${round(p.x)} ${round(p.y)}`);
    pen = true;
  }
  return parts.join("");
}

/** A filled marker of the given shape centred on (x, y), as path data (so every marker is one element). */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  const n = (v: number) => String(round(v));
  switch (shape) {
    case "circle":
      return `M${n(x - r)} ${n(y)}a${n(r)} ${n(r)} 0 1 0 ${n(2 * r)} 0a${n(r)} ${n(r)} 0 1 0 ${n(-2 * r)} 0Z`;
    case "square": {
      const s = r * 0.9;
      return `M${n(x - s)} ${n(y - s)}H${n(x + s)}V${n(y + s)}H${n(x - s)}Z`;
    }
    case "triangle":
      return `M${n(x)} ${n(y - r * 1.15)}L${n(x + r * 1.1)} ${n(y + r * 0.75)}H${n(x - r * 1.1)}Z`;
    case "triangle-down":
      return `M${n(x)} ${n(y + r * 1.15)}L${n(x + r * 1.1)} ${n(y - r * 0.75)}H${n(x - r * 1.1)}Z`;
    case "diamond":
      return `M${n(x)} ${n(y - r * 1.25)}L${n(x + r * 1.25)} ${n(y)}L${n(x)} ${n(y + r * 1.25)}L${n(x - r * 1.25)} ${n(y)}Z`;
  }
}

/** Indices of the dates that get an axis label: evenly spaced from the first, at most maxLabels of them. */
export function labelIndices(count: number, maxLabels: number): number[] {
  if (count <= 0) return [];
  const room = Math.max(1, Math.floor(maxLabels));
  const step = room === 1 ? count : Math.max(1, Math.ceil((count - 1) / (room - 1)));
  const out: number[] = [];
  for (let i = 0; i < count; i += step) out.push(i);
  return out;
}

// Series look: each of colour, dash and marker differs, so no series is told apart by colour alone
// (WCAG 1.4.1). Every colour reaches at least 3:1 against white (WCAG 1.4.11), checked by a test.
export const PALETTE = ["#1f5fa8", "#b3261e", "#1b7837", "#6a3d9a", "#8a5a00", "#00727a", "#4d5563"] as const;
export const DASHES = ["", "7 4", "2 3", "9 3 2 3", "4 4"] as const;
export const MARKERS: readonly MarkerShape[] = ["circle", "square", "triangle", "diamond", "triangle-down"];
/** Bar fills: solid, then white hatchings over the colour (path data in a 6×6 tile; "dots" are filled). */
export const HATCHES = [
  null,
  { d: "M0 6L6 0M-1 1L1 -1M5 7L7 5", fill: false },
  { d: "M0 3H6", fill: false },
  { d: "M1.8 3a1.2 1.2 0 1 0 2.4 0a1.2 1.2 0 1 0 -2.4 0Z", fill: true },
  { d: "M3 0V6", fill: false },
  { d: "M0 0L6 6M-1 5L1 7M5 -1L7 1", fill: false },
] as const;

function channel(hex: string, at: number): number {
  const c = parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG contrast ratio of a #rgb or #rrggbb colour against white; null when it is not such a colour. */
export function contrastOnWhite(color: string): number | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m?.[1]) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  const hex = `#${h}`;
  const lum = 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
  return 1.05 / (lum + 0.05);
}

/** The series' own colour when it is a hex colour legible on white (≥ 3:1), else the palette's. */
export function seriesColor(color: string | undefined, index: number): string {
  const ratio = color === undefined ? null : contrastOnWhite(color);
  if (color !== undefined && ratio !== null && ratio >= 3) return color.trim().toLowerCase();
  return PALETTE[index % PALETTE.length] ?? PALETTE[0];
}

/** One value per date: missing or non-finite entries become null (a gap, "no data" in the table). */
export function alignValues(values: readonly (number | null | undefined)[], count: number): (number | null)[] {
  return Array.from({ length: count }, (_, i) => {
    const v = values[i];
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  });
}

export type SeriesSummary = { latest: { index: number; value: number } | null; total: number; count: number };

/** The latest value with its date index, the sum and the number of values present. */
export function summarize(values: readonly (number | null)[]): SeriesSummary {
  let latest: SeriesSummary["latest"] = null;
  let total = 0;
  let count = 0;
  values.forEach((value, index) => {
    if (value === null) return;
    latest = { index, value };
    total += value;
    count += 1;
  });
  return { latest, total, count };
}

/** Per date, the sum of the present values; null when none is present. */
export function columnTotals(series: readonly (readonly (number | null)[])[], count: number): (number | null)[] {
  return Array.from({ length: count }, (_, i) => {
    let sum: number | null = null;
    for (const values of series) {
      const v = values[i];
      if (v !== null && v !== undefined) sum = (sum ?? 0) + v;
    }
    return sum;
  });
}

/**
 * Stacked bars: for each series and date, the segment [from, to]; positives stack up from zero and
 * negatives (corrections) down from it, in series order. null where the value is missing.
 */
export function stackSegments(series: readonly (readonly (number | null)[])[], count: number): ({ from: number; to: number } | null)[][] {
  const up = new Array<number>(count).fill(0);
  const down = new Array<number>(count).fill(0);
  return series.map((values) =>
    Array.from({ length: count }, (_, i) => {
      const v = values[i];
      if (v === null || v === undefined) return null;
      const base = v >= 0 ? (up[i] ?? 0) : (down[i] ?? 0);
      if (v >= 0) up[i] = base + v;
      else down[i] = base + v;
      return { from: base, to: base + v };
    }),
  );
}

/** The value range the y axis must show: every value (or every stack), and zero when asked. */
export function valueExtent(kind: "line" | "bar" | "stacked-bar", series: readonly (readonly (number | null)[])[], count: number, zeroBased: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const see = (v: number) => {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  };
  if (kind === "stacked-bar") {
    for (const column of stackSegments(series, count)) for (const seg of column) if (seg) see(seg.to);
  } else {
    for (const values of series) for (const v of values) if (v !== null) see(v);
  }
  if (lo === Infinity) return [0, 1];
  if (zeroBased || kind !== "line") see(0);
  return [lo, hi];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// An instant must say its offset: without one, Date.parse would read it in the server's own zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * How the x values read: calendar days (YYYY-MM-DD, shown as written, whatever the time zone) or
 * instants (ISO slot times, shown in the province's time zone). full() for the table, tooltips and
 * summary; short() for the axis, with the year or the day only when the dates need them. Anything
 * else is shown as written.
 */
export function dateFormatters(dates: readonly string[], locale: string, timeZone: string) {
  const days = dates.every((d) => DAY.test(d));
  const parsed = dates.map((d) => {
    const ms = days ? Date.parse(`${d}T00:00:00Z`) : INSTANT.test(d) ? Date.parse(d) : Number.NaN;
    return Number.isNaN(ms) ? null : new Date(ms);
  });
  const zone = days ? "UTC" : timeZone;
  const ymd = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: zone });
  const valid = parsed.filter((d): d is Date => d !== null);
  const calendarDays = new Set(valid.map((d) => ymd.format(d)));
  const years = new Set([...calendarDays].map((d) => d.slice(0, 4)));
  const full = new Intl.DateTimeFormat(locale, days ? { dateStyle: "medium", timeZone: zone } : { dateStyle: "medium", timeStyle: "short", timeZone: zone });
  const short = new Intl.DateTimeFormat(
    locale,
    days
      ? { day: "numeric", month: "numeric", ...(years.size > 1 ? { year: "2-digit" } : {}), timeZone: zone }
      : calendarDays.size > 1
        ? { day: "numeric", month: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone }
        : { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone },
  );
  const pick = (f: Intl.DateTimeFormat) => (i: number) => {
    const d = parsed[i];
    return d ? f.format(d) : (dates[i] ?? "");
  };
  return { hasTime: !days, full: pick(full), short: pick(short) };
}
