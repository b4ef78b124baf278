// What a statistics or charts section shows of its series (issue 10): for each series, the province's
// figure at every slot of a date range (entered, or the sum of its units'; for an epidemic level, the
// highest of its units'), the running total since the first figure where the series is cumulative, and
// the latest slot's figure per unit. The province's figures come from figure_total (one row per slot);
// a locality's are added up from its units' figures, on (tenant, series, slot).
import { figureChartSchema, type FigureChartConfig, type Localized } from "@cong/config";
import type { Tx } from "@cong/db";
import { underAny } from "../units/answered-units.ts";
import { listFigureSeries, loadUnits } from "./series.ts";

export type PublicSeries = {
  key: string;
  names: Localized;
  description: Localized | null;
  measure: "count" | "level";
  cumulative: boolean;
  /** Slots in order (ISO instants), and the province's figure at each (null: nothing entered). */
  slots: string[];
  values: (number | null)[];
  /** Running totals at each slot, counting every figure since the first (cumulative series only). */
  totals: (number | null)[] | null;
  /** Some of the figures shown were generated for the embedded demo. */
  demo: boolean;
  /** The latest slot with figures, and each unit's figure then (largest first). */
  latest: { slot: string; units: { code: string; name: string; value: number }[] } | null;
};

/**
 * unitCode: one locality's figures (its own and its units', summed; the highest for a level) instead of
 * the province's; its units' latest figures then.
 */
export async function getSectionFigures({ tx, tenantId, sectionId, from, to, unitCode = null }: { tx: Tx; tenantId: string; sectionId: string; from: Date; to: Date; unitCode?: string | null }): Promise<PublicSeries[]> {
  const series = await listFigureSeries({ tx, tenantId, sectionId });
  if (series.length === 0) return [];
  const { provinceCode, units } = await loadUnits({ tx, tenantId });
  const names = new Map(units.map((u) => [u.code, u.name]));
  const ids = series.map((s) => s.id);
  // The units counted: every unit but the province's own row, or the chosen one and those under it.
  const inside = unitCode === null ? null : [...underAny(units, new Set([unitCode]))];
  type SlotRow = { series_id: string; slot: Date; units_sum: bigint | null; units_max: bigint | null; province: bigint | null; demo: boolean };
  type BeforeRow = { series_id: string; units_sum: bigint | null; province: bigint | null };
  // The province's: one row per slot from figure_total (migration 20261205090000). A locality's: its
  // units' figures, added up here.
  const rows =
    inside === null
      ? await tx.$queryRaw<SlotRow[]>`
          select series_id, slot, demo, units_sum, units_max, province from figure_total
          where tenant_id = ${tenantId}::uuid and series_id = any(${ids}::uuid[]) and slot >= ${from} and slot < ${to}
          order by slot`
      : await tx.$queryRaw<SlotRow[]>`
          select series_id, slot, bool_or(demo) as demo,
                 sum(value) filter (where unit_code <> ${provinceCode} and unit_code = any(${inside}::text[])) as units_sum,
                 max(value) filter (where unit_code <> ${provinceCode} and unit_code = any(${inside}::text[])) as units_max,
                 max(value) filter (where unit_code = ${provinceCode}) as province
          from figure
          where tenant_id = ${tenantId}::uuid and series_id = any(${ids}::uuid[]) and slot >= ${from} and slot < ${to}
          group by series_id, slot
          order by slot`;
  const before =
    inside === null
      ? await tx.$queryRaw<BeforeRow[]>`
          select series_id, sum(units_sum)::bigint as units_sum, sum(province)::bigint as province from figure_total
          where tenant_id = ${tenantId}::uuid and series_id = any(${ids}::uuid[]) and slot < ${from}
          group by series_id`
      : await tx.$queryRaw<BeforeRow[]>`
          select series_id,
                 sum(value) filter (where unit_code <> ${provinceCode} and unit_code = any(${inside}::text[])) as units_sum,
                 sum(value) filter (where unit_code = ${provinceCode}) as province
          from figure
          where tenant_id = ${tenantId}::uuid and series_id = any(${ids}::uuid[]) and slot < ${from}
          group by series_id`;
  // A locality's figures are its units' (never the province's own row).
  const ofProvince = (s: (typeof series)[number]) => inside === null && (s.province === "entered" || !s.levelKey);
  const out: PublicSeries[] = [];
  for (const s of series) {
    const mine = rows.filter((r) => r.series_id === s.id);
    const slots = [...new Set(mine.map((r) => r.slot.toISOString()))];
    const pick = (r: (typeof mine)[number]): number | null => {
      const v = ofProvince(s) ? r.province : s.measure === "level" ? r.units_max : r.units_sum;
      return v === null ? null : Number(v);
    };
    const values = slots.map((iso) => {
      const r = mine.find((x) => x.slot.toISOString() === iso);
      return r ? pick(r) : null;
    });
    let totals: (number | null)[] | null = null;
    if (s.cumulative && s.measure === "count") {
      const b = before.find((x) => x.series_id === s.id);
      let running = Number((ofProvince(s) ? b?.province : b?.units_sum) ?? 0);
      totals = values.map((v) => (running += v ?? 0));
    }
    let latest: PublicSeries["latest"] = null;
    if (s.levelKey && slots.length > 0) {
      const slot = new Date(slots[slots.length - 1]!);
      const figures = await tx.figure.findMany({
        where: { tenantId, seriesId: s.id, slot, unitCode: inside === null ? { not: provinceCode } : { in: inside.filter((c) => c !== unitCode) } },
        select: { unitCode: true, value: true },
      });
      latest = {
        slot: slot.toISOString(),
        units: figures
          .map((f) => ({ code: f.unitCode, name: names.get(f.unitCode) ?? f.unitCode, value: Number(f.value) }))
          .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, "vi")),
      };
    }
    out.push({ key: s.key, names: s.names, description: s.description, measure: s.measure, cumulative: s.cumulative, slots, values, totals, demo: mine.some((r) => r.demo), latest });
  }
  return out;
}

/** A chart of several series of a section (the pack's charts:), on the union of their slots. */
export type PublicChart = {
  key: string;
  names: Localized;
  description: Localized | null;
  kind: FigureChartConfig["kind"];
  cumulative: boolean;
  dates: string[];
  series: { key: string; names: Localized; values: (number | null)[] }[];
  demo: boolean;
};

/**
 * The pack's charts for a section, drawn from the section's series as getSectionFigures returned them
 * (same period and locality): each series' values (or running totals) placed on the union of their slots.
 * The pack was checked when loaded (a chart names series of its own section); a series without figures
 * in the period is left out, and a chart with none is too.
 */
export async function getSectionCharts({ tx, tenantId, sectionSlug, series }: { tx: Tx; tenantId: string; sectionSlug: string; series: PublicSeries[] }): Promise<PublicChart[]> {
  const [row] = await tx.$queryRaw<{ charts: unknown }[]>`select pack->'charts' as charts from tenant where id = ${tenantId}::uuid`;
  const parsed = figureChartSchema.array().safeParse(row?.charts ?? []);
  if (!parsed.success) return [];
  const byKey = new Map(series.map((s) => [s.key, s]));
  const out: PublicChart[] = [];
  for (const c of parsed.data.filter((x) => x.section === sectionSlug).sort((a, b) => a.order - b.order || a.key.localeCompare(b.key))) {
    const members = c.series.map((k) => byKey.get(k)).filter((s): s is PublicSeries => s !== undefined && s.slots.length > 0);
    if (members.length === 0) continue;
    const dates = [...new Set(members.flatMap((s) => s.slots))].sort();
    out.push({
      key: c.key,
      names: c.names,
      description: c.description ?? null,
      kind: c.kind,
      cumulative: c.cumulative,
      dates,
      series: members.map((s) => {
        const values = c.cumulative && s.totals ? s.totals : s.values;
        const at = new Map(s.slots.map((slot, i) => [slot, values[i] ?? null]));
        return { key: s.key, names: s.names, values: dates.map((d) => at.get(d) ?? null) };
      }),
      demo: members.some((s) => s.demo),
    });
  }
  return out;
}
