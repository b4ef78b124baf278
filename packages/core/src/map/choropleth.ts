// The choropleth's data (issue 10): a series' latest figures rolled up to the units the map draws (the
// units directly under the province, today its districts), and the classes they are coloured by. Pure:
// the map island, the legend and the accessible table all read the same classes.

export type ChoroplethClass = { min: number; max: number; color: string };
export type UnitValue = { code: string; value: number | null };

// The four epidemic levels (Resolution 128/NQ-CP): green, yellow, orange, red.
const LEVEL_COLORS = ["#2e7d32", "#f9d71c", "#ef6c00", "#c62828"];
// A sequential ramp (ColorBrewer Reds, 5 classes): lighter is fewer; each step differs in lightness, so
// the classes stay apart in greyscale and for colour-blind readers; the legend and table carry the numbers.
const COUNT_COLORS = ["#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"];
export const NO_DATA_COLOR = "#bdbdbd";

/** A round number near x (1, 2, 2.5 or 5 times a power of ten), never below x. */
function niceCeil(x: number): number {
  if (x <= 1) return Math.max(1, Math.ceil(x));
  const p = 10 ** Math.floor(Math.log10(x));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * p >= x)!;
  return Math.ceil(step * p);
}

/**
 * The classes for these values: for an epidemic level, one class per level 1–4; for a count, 0 on its own
 * and up to four ranges whose upper bounds are round numbers at the quartiles of the non-zero values, the
 * last ending at the largest value. Classes are contiguous whole-number ranges, smallest first.
 */
export function choroplethClasses(values: readonly number[], measure: "count" | "level"): ChoroplethClass[] {
  if (measure === "level") return LEVEL_COLORS.map((color, i) => ({ min: i + 1, max: i + 1, color }));
  const positive = values.filter((v) => v > 0).sort((a, b) => a - b);
  const classes: ChoroplethClass[] = [{ min: 0, max: 0, color: COUNT_COLORS[0]! }];
  if (positive.length === 0) return classes;
  const top = positive[positive.length - 1]!;
  const uppers: number[] = [];
  for (const q of [0.25, 0.5, 0.75]) {
    const at = positive[Math.min(positive.length - 1, Math.floor(q * positive.length))]!;
    const up = Math.min(niceCeil(at), top);
    if (up < top && (uppers.length === 0 || up > uppers[uppers.length - 1]!)) uppers.push(up);
  }
  uppers.push(top);
  let min = 1;
  uppers.forEach((max, i) => {
    classes.push({ min, max, color: COUNT_COLORS[i + 1]! });
    min = max + 1;
  });
  return classes;
}

/** The class a value falls in (-1: no figure, or outside every class). */
export function classOf(value: number | null, classes: readonly ChoroplethClass[]): number {
  if (value === null) return -1;
  return classes.findIndex((c) => value >= c.min && value <= c.max);
}

/**
 * Rolls figures of units at any depth up to the given units (each figure counts for the one target unit
 * among its ancestors, or itself): a sum for counts, the highest for levels. A target with no figure
 * under it has null, not 0: "nothing entered" is not "none".
 */
export function rollUp(
  targets: readonly string[],
  figures: readonly { code: string; value: number }[],
  parentOf: ReadonlyMap<string, string | null>,
  measure: "count" | "level",
): UnitValue[] {
  const wanted = new Set(targets);
  const totals = new Map<string, number>();
  for (const f of figures) {
    let code: string | null | undefined = f.code;
    for (let depth = 0; code && !wanted.has(code) && depth < 8; depth++) code = parentOf.get(code);
    if (!code || !wanted.has(code)) continue;
    const before = totals.get(code);
    totals.set(code, before === undefined ? f.value : measure === "level" ? Math.max(before, f.value) : before + f.value);
  }
  return targets.map((code) => ({ code, value: totals.get(code) ?? null }));
}
