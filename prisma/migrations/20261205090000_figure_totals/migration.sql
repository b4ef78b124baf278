-- The province's figure of a series at each slot, kept beside the figures (issue 10: the figures API over
-- 10,000,000 rows p95 ≤ 50 ms). A province whose communes enter a series sees, at every slot, the sum of
-- its units' figures (the highest, for an epidemic level): a year of Nghệ An's new cases is 301,000
-- commune rows to add up at each request. figure_total holds, per series and slot, the sum, the highest
-- and the count of the units' figures, the province's own entered figure and whether any is demo data;
-- statement triggers on figure recompute the slots a statement touched, in the same transaction, so the
-- totals never disagree with the figures they sum (an import of 100,000 rows recomputes its slots once).
CREATE TABLE "figure_total" (
  "tenant_id"  uuid           NOT NULL,
  "series_id"  uuid           NOT NULL,
  "slot"       timestamptz(3) NOT NULL,
  -- Over the units' rows: every row but the province's own.
  "units_sum"  bigint,
  "units_max"  bigint,
  "units"      integer        NOT NULL DEFAULT 0,
  -- The province's own row (entered directly), if any.
  "province"   bigint,
  "demo"       boolean        NOT NULL DEFAULT false,
  CONSTRAINT "figure_total_pkey" PRIMARY KEY ("series_id", "slot"),
  CONSTRAINT "figure_total_series_id_fkey" FOREIGN KEY ("series_id", "tenant_id") REFERENCES "figure_series" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "figure_total_tenant_id_series_id_slot_idx" ON "figure_total" ("tenant_id", "series_id", "slot");

REVOKE ALL ON "figure_total" FROM PUBLIC;
-- Written by the triggers below only: the runtime role reads.
GRANT SELECT ON "figure_total" TO cong_app;
ALTER TABLE "figure_total" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "figure_total" FORCE ROW LEVEL SECURITY;
CREATE POLICY "figure_total_tenant_isolation" ON "figure_total"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- Recomputes the totals of the given (series, slot) pairs from the figures. Called by the trigger below,
-- which runs as the owner: the pairs are those of rows the statement wrote, which row-level security had
-- already confined to the writer's province. The province's own row is the one whose unit code is the
-- pack's provinceCode ("province" without one), as the app reads it.
CREATE FUNCTION "refresh_figure_totals"("p_series" uuid[], "p_slots" timestamptz[]) RETURNS void
LANGUAGE sql SET search_path = public, pg_temp AS $$
  WITH touched AS (
    SELECT DISTINCT k.s AS series_id, k.t AS slot FROM unnest(p_series, p_slots) AS k(s, t)
  ), codes AS MATERIALIZED (
    -- Materialized: read each province's code once, not the pack once per figure.
    SELECT fs.id AS series_id, fs.tenant_id, coalesce(tn.pack->>'provinceCode', 'province') AS province_code
    FROM figure_series fs JOIN tenant tn ON tn.id = fs.tenant_id
    WHERE fs.id IN (SELECT series_id FROM touched)
  ), sums AS (
    SELECT k.series_id, k.slot, c.tenant_id,
           sum(f.value) FILTER (WHERE f.unit_code <> c.province_code) AS units_sum,
           max(f.value) FILTER (WHERE f.unit_code <> c.province_code) AS units_max,
           count(f.id) FILTER (WHERE f.unit_code <> c.province_code) AS units,
           max(f.value) FILTER (WHERE f.unit_code = c.province_code) AS province,
           coalesce(bool_or(f.demo), false) AS demo,
           count(f.id) AS n
    FROM touched k
    JOIN codes c ON c.series_id = k.series_id
    LEFT JOIN figure f ON f.tenant_id = c.tenant_id AND f.series_id = k.series_id AND f.slot = k.slot
    GROUP BY k.series_id, k.slot, c.tenant_id
  ), gone AS (
    DELETE FROM figure_total t USING sums s WHERE s.n = 0 AND t.series_id = s.series_id AND t.slot = s.slot
  )
  INSERT INTO figure_total (tenant_id, series_id, slot, units_sum, units_max, units, province, demo)
  SELECT tenant_id, series_id, slot, units_sum, units_max, units, province, demo FROM sums WHERE n > 0
  ON CONFLICT (series_id, slot) DO UPDATE
    SET units_sum = excluded.units_sum, units_max = excluded.units_max, units = excluded.units,
        province = excluded.province, demo = excluded.demo;
$$;
REVOKE ALL ON FUNCTION "refresh_figure_totals"(uuid[], timestamptz[]) FROM PUBLIC;

CREATE FUNCTION "figure_totals_per_statement"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  s uuid[];
  t timestamptz[];
BEGIN
  -- One pass over the statement's rows, so the two arrays stay in step. Each branch names only the
  -- transition tables its trigger declares.
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(x.series_id), array_agg(x.slot) INTO s, t FROM (SELECT DISTINCT series_id, slot FROM new_rows) x;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(x.series_id), array_agg(x.slot) INTO s, t
    FROM (SELECT series_id, slot FROM new_rows UNION SELECT series_id, slot FROM old_rows) x;
  ELSE
    SELECT array_agg(x.series_id), array_agg(x.slot) INTO s, t FROM (SELECT DISTINCT series_id, slot FROM old_rows) x;
  END IF;
  IF s IS NOT NULL THEN
    PERFORM refresh_figure_totals(s, t);
  END IF;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION "figure_totals_per_statement"() FROM PUBLIC;

CREATE TRIGGER "figure_totals_insert" AFTER INSERT ON "figure"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "figure_totals_per_statement"();
CREATE TRIGGER "figure_totals_update" AFTER UPDATE ON "figure"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "figure_totals_per_statement"();
CREATE TRIGGER "figure_totals_delete" AFTER DELETE ON "figure"
  REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "figure_totals_per_statement"();

-- The figures already there, in one pass over the table (what refresh_figure_totals would write for
-- every slot; it walks the slots one by one, which suits a statement's few, not a whole table's).
INSERT INTO "figure_total" ("tenant_id", "series_id", "slot", "units_sum", "units_max", "units", "province", "demo")
SELECT f."tenant_id", f."series_id", f."slot",
       sum(f."value") FILTER (WHERE f."unit_code" <> c."code"),
       max(f."value") FILTER (WHERE f."unit_code" <> c."code"),
       count(*) FILTER (WHERE f."unit_code" <> c."code"),
       max(f."value") FILTER (WHERE f."unit_code" = c."code"),
       bool_or(f."demo")
FROM "figure" f
-- OFFSET 0 keeps the subquery whole: each province's code is read once, not the pack once per figure.
JOIN (SELECT "id", coalesce("pack"->>'provinceCode', 'province') AS "code" FROM "tenant" OFFSET 0) c ON c."id" = f."tenant_id"
GROUP BY f."tenant_id", f."series_id", f."slot";
