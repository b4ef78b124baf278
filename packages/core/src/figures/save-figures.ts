// Writes checked figures, the grid's dozen or a file's hundred thousand the same way: in batches, one
// statement each that reads the values already there, inserts or updates only the figures whose value
// changes (an unchanged figure writes nothing, so its version, history and the public pages' content
// version stay as they were) and appends a revision (old, new) for each. Then each agency's entry is an
// update of the section it answers for, at the moment it was made (the deadline engine's input).
import type { Tx } from "@cong/db";
import type { AuditActor } from "../audit/record-audit.ts";
import { recordDataEntry } from "../deadlines/record-data-entry.ts";
import type { SeriesInfo } from "./series.ts";

export type CheckedFigure = { series: SeriesInfo; unit: string; slot: Date; value: number; agencyId: string | null };

// Rows per statement: large enough that 100,000 rows are a few dozen round trips, small enough that one
// statement's arrays stay a few hundred kilobytes.
export const BATCH = 5_000;

export type FigureWrite = { tx: Tx; tenantId: string; actor: AuditActor; now: Date };

export async function saveFigures(o: FigureWrite & { figures: CheckedFigure[] }): Promise<{ changed: number }> {
  let changed = 0;
  for (let i = 0; i < o.figures.length; i += BATCH) changed += await writeFigureBatch(o, o.figures.slice(i, i + BATCH));
  await recordFigureEntries(o, o.figures);
  return { changed };
}

/** One statement: up to BATCH figures written with their revisions; how many changed. */
export async function writeFigureBatch({ tx, tenantId, actor, now }: FigureWrite, batch: CheckedFigure[]): Promise<number> {
  const [row] = await tx.$queryRaw<{ changed: number }[]>`
      with input as (
        select * from unnest(${batch.map((f) => f.series.id)}::uuid[], ${batch.map((f) => f.unit)}::text[], ${batch.map((f) => f.slot.toISOString())}::timestamptz[],
                             ${batch.map((f) => String(f.value))}::bigint[], ${batch.map((f) => f.agencyId)}::uuid[])
          as i(series_id, unit_code, slot, value, agency_id)
      ), old as (
        select f.series_id, f.unit_code, f.slot, f.value
        from figure f join input i on f.series_id = i.series_id and f.unit_code = i.unit_code and f.slot = i.slot
        where f.tenant_id = ${tenantId}::uuid
      ), saved as (
        insert into figure (tenant_id, series_id, unit_code, slot, value, agency_id, entered_by, entered_at)
        select ${tenantId}::uuid, i.series_id, i.unit_code, i.slot, i.value, i.agency_id, ${actor.id}::uuid, ${now}
        from input i left join old o on o.series_id = i.series_id and o.unit_code = i.unit_code and o.slot = i.slot
        where o.value is distinct from i.value
        on conflict (series_id, unit_code, slot) do update
          set value = excluded.value, agency_id = excluded.agency_id, entered_by = excluded.entered_by, entered_at = excluded.entered_at,
              version = figure.version + 1, demo = false
        returning id, series_id, unit_code, slot, value
      ), revised as (
        insert into figure_revision (tenant_id, figure_id, at, actor_id, actor_email, old_value, new_value)
        select ${tenantId}::uuid, s.id, ${now}, ${actor.id}::uuid, ${actor.email}, o.value, s.value
        from saved s left join old o on o.series_id = s.series_id and o.unit_code = s.unit_code and o.slot = s.slot
        returning 1
      )
      select count(*)::int as changed from revised`;
  return row?.changed ?? 0;
}

/** Each agency's entry is an update of the section it answers for, now, whether or not a value changed. */
export async function recordFigureEntries({ tx, tenantId, now }: FigureWrite, figures: CheckedFigure[]): Promise<void> {
  await recordDataEntry({ tx, tenantId, at: now, updates: figures.map((f) => ({ agencyId: f.agencyId, sectionId: f.series.sectionId })) });
}
