// The figures API's query (issue 10): one series over a range of local dates, as the province's figure
// per slot (entered, or its units' sum; an epidemic level: the highest), one unit's, or every unit's,
// paged by a cursor. Reads the (tenant, series, slot) and (series, unit, slot) indexes only.
import { calendarDateSchema } from "@cong/config";
import type { Tx } from "@cong/db";
import { addDays, daysBetween, endOfLocalDay, localDateOf, startOfLocalDay } from "@cong/schedule";
import { z } from "zod";
import { parseWith, type Checked } from "../validation.ts";
import { listFigureSeries, loadUnits, type SeriesInfo } from "./series.ts";

export const FIGURES_PAGE = 1_000;
export const FIGURES_PAGE_MAX = 10_000;
export const FIGURES_RANGE_DAYS = 366;

const querySchema = z.object({
  series: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "errors.figureSeriesUnknown").max(63),
  from: calendarDateSchema("errors.dateInvalid").optional(),
  to: calendarDateSchema("errors.dateInvalid").optional(),
  unit: z.string().regex(/^(\d{2,6}|all)$/, "errors.figureUnitInvalid").optional(),
  limit: z.coerce.number().int("errors.figureLimit").min(1, "errors.figureLimit").max(FIGURES_PAGE_MAX, "errors.figureLimit").optional(),
  after: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z(\|\d{2,6})?$/, "errors.figureCursor").optional(),
});
export type FiguresQuery = z.input<typeof querySchema>;

export type FigureRow = { slot: string; unit: string; value: number };
export type FiguresPage = { series: SeriesInfo; from: string; to: string; unit: string | null; figures: FigureRow[]; next: string | null };

export async function queryFigures({ tx, tenantId, timeZone, input, now = new Date() }: { tx: Tx; tenantId: string; timeZone: string; input: FiguresQuery; now?: Date }): Promise<Checked<FiguresPage> | { ok: false; notFound: true }> {
  const parsed = parseWith(querySchema, input, "en");
  if (!parsed.ok) return parsed;
  const q = parsed.value;
  const to = q.to ?? localDateOf(now, timeZone);
  const from = q.from ?? addDays(to, -29);
  if (daysBetween(from, to) < 0) return { ok: false, errors: { to: ["errors.figureRangeOrder"] } };
  if (daysBetween(from, to) >= FIGURES_RANGE_DAYS) return { ok: false, errors: { from: ["errors.figureRangeTooLong"] } };
  const series = (await listFigureSeries({ tx, tenantId, published: true })).find((s) => s.key === q.series);
  if (!series) return { ok: false, notFound: true };
  const limit = q.limit ?? FIGURES_PAGE;
  const start = startOfLocalDay(from, timeZone);
  const end = endOfLocalDay(to, timeZone);
  const [afterSlot, afterUnit] = q.after ? q.after.split("|") : [];
  const after = afterSlot ? new Date(afterSlot) : null;
  const { provinceCode } = await loadUnits({ tx, tenantId });
  const unit = q.unit ?? null;

  let figures: FigureRow[];
  if (unit === null) {
    // The province's figure per slot: entered, or the sum (the highest, for a level) of its units', as
    // figure_total keeps them (migration 20261205090000): one row per slot, however many units.
    const entered = series.province === "entered" || !series.levelKey;
    const rows = await tx.$queryRaw<{ slot: Date; units_sum: bigint | null; units_max: bigint | null; province: bigint | null }[]>`
      select slot, units_sum, units_max, province from figure_total
      where tenant_id = ${tenantId}::uuid and series_id = ${series.id}::uuid
        and slot >= ${start} and slot < ${end} and (${after}::timestamptz is null or slot > ${after}::timestamptz)
        and (case when ${entered}::boolean then province is not null else units > 0 end)
      order by slot limit ${limit + 1}`;
    const pick = (r: (typeof rows)[number]) => (entered ? r.province : series.measure === "level" ? r.units_max : r.units_sum) ?? 0n;
    figures = rows.map((r) => ({ slot: r.slot.toISOString(), unit: provinceCode, value: Number(pick(r)) }));
  } else if (unit === "all") {
    const rows = await tx.$queryRaw<{ slot: Date; unit_code: string; value: bigint }[]>`
      select slot, unit_code, value from figure
      where tenant_id = ${tenantId}::uuid and series_id = ${series.id}::uuid and slot >= ${start} and slot < ${end}
        and (${after}::timestamptz is null or (slot, unit_code) > (${after}::timestamptz, ${afterUnit ?? ""}))
      order by slot, unit_code limit ${limit + 1}`;
    figures = rows.map((r) => ({ slot: r.slot.toISOString(), unit: r.unit_code, value: Number(r.value) }));
  } else {
    const rows = await tx.figure.findMany({
      where: { tenantId, seriesId: series.id, unitCode: unit, slot: { gte: start, lt: end, ...(after ? { gt: after } : {}) } },
      orderBy: { slot: "asc" },
      take: limit + 1,
      select: { slot: true, unitCode: true, value: true },
    });
    figures = rows.map((r) => ({ slot: r.slot.toISOString(), unit: r.unitCode, value: Number(r.value) }));
  }
  const more = figures.length > limit;
  if (more) figures = figures.slice(0, limit);
  const last = figures.at(-1);
  const next = more && last ? (unit === "all" ? `${last.slot}|${last.unit}` : last.slot) : null;
  return { ok: true, value: { series, from, to, unit, figures, next } };
}
