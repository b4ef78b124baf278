// What a map page shows of the figures (issue 10): the series that can be mapped (enabled, published, by
// locality), the chosen one's latest slot rolled up to the units the map draws (those directly under the
// province), the classes they are coloured by, and whether each unit has an outline. Units without an
// outline are still listed (the table and legend work everywhere; only the polygon is missing).
import type { Localized, MapConfig } from "@cong/config";
import type { Tx } from "@cong/db";
import { listFigureSeries, loadUnits } from "../figures/series.ts";
import { choroplethClasses, classOf, NO_DATA_COLOR, rollUp, type ChoroplethClass } from "./choropleth.ts";

export type MapUnit = { code: string; name: string; value: number | null; cls: number; outline: boolean };
export type MapFigures = {
  series: { key: string; names: Localized }[];
  selected: { key: string; names: Localized; measure: "count" | "level"; slot: string | null; demo: boolean } | null;
  units: MapUnit[];
  classes: ChoroplethClass[];
  /** The pack's map: block (basemap, opening view), and whether the province has any outline. */
  settings: MapConfig | null;
  hasBoundaries: boolean;
  noDataColor: string;
};

export async function getMapFigures({ tx, tenantId, seriesKey, preferred }: { tx: Tx; tenantId: string; seriesKey?: string | null; preferred?: string | null }): Promise<MapFigures> {
  const all = (await listFigureSeries({ tx, tenantId, published: true })).filter((s) => s.levelKey !== null);
  const { provinceCode, units } = await loadUnits({ tx, tenantId });
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { pack: true } });
  const settings = ((tenant.pack as { map?: MapConfig } | null)?.map ?? null) as MapConfig | null;
  const outlines = new Set((await tx.mapBoundary.findMany({ where: { tenantId, level: "district" }, select: { code: true } })).map((b) => b.code));
  const top = units.filter((u) => u.parentCode === provinceCode).sort((a, b) => a.name.localeCompare(b.name, "vi"));
  const hasBoundaries = outlines.size > 0;
  const chosen = all.find((s) => s.key === seriesKey) ?? all.find((s) => s.key === (preferred ?? settings?.figure)) ?? all[0];
  const series = all.map((s) => ({ key: s.key, names: s.names }));
  if (!chosen) return { series, selected: null, units: top.map((u) => ({ code: u.code, name: u.name, value: null, cls: -1, outline: outlines.has(u.code) })), classes: [], settings, hasBoundaries, noDataColor: NO_DATA_COLOR };

  const latest = await tx.figure.findFirst({ where: { tenantId, seriesId: chosen.id, unitCode: { not: provinceCode } }, orderBy: { slot: "desc" }, select: { slot: true } });
  const figures = latest
    ? await tx.figure.findMany({ where: { tenantId, seriesId: chosen.id, slot: latest.slot, unitCode: { not: provinceCode } }, select: { unitCode: true, value: true, demo: true } })
    : [];
  const parentOf = new Map(units.map((u) => [u.code, u.parentCode]));
  const values = rollUp(top.map((u) => u.code), figures.map((f) => ({ code: f.unitCode, value: Number(f.value) })), parentOf, chosen.measure);
  const classes = choroplethClasses(values.flatMap((v) => (v.value === null ? [] : [v.value])), chosen.measure);
  return {
    series,
    selected: { key: chosen.key, names: chosen.names, measure: chosen.measure, slot: latest?.slot.toISOString() ?? null, demo: figures.some((f) => f.demo) },
    units: top.map((u, i) => ({ code: u.code, name: u.name, value: values[i]!.value, cls: classOf(values[i]!.value, classes), outline: outlines.has(u.code) })),
    classes,
    settings,
    hasBoundaries,
    noDataColor: NO_DATA_COLOR,
  };
}
