// How much of the province's record hangs on each series of figures and each kind of place: the config
// pages say it beside the button that removes one (a series with figures, a kind with places, stays).
import type { Tx } from "@cong/db";

export type ConfigUsage = { figures: Record<string, number>; places: Record<string, number> };

export async function getConfigUsage({ tx, tenantId }: { tx: Tx; tenantId: string }): Promise<ConfigUsage> {
  // One after the other: the unit of work is one transaction, whose queries run in turn anyway.
  const series = await tx.figureSeries.findMany({ where: { tenantId }, select: { id: true, key: true } });
  const kinds = await tx.placeKind.findMany({ where: { tenantId }, select: { id: true, kind: true } });
  const figures = new Map((await tx.figure.groupBy({ by: ["seriesId"], where: { tenantId }, _count: { _all: true } })).map((r) => [r.seriesId, r._count._all]));
  const places = new Map((await tx.place.groupBy({ by: ["kindId"], where: { tenantId }, _count: { _all: true } })).map((r) => [r.kindId, r._count._all]));
  return {
    figures: Object.fromEntries(series.map((s) => [s.key, figures.get(s.id) ?? 0])),
    places: Object.fromEntries(kinds.map((k) => [k.kind, places.get(k.id) ?? 0])),
  };
}
