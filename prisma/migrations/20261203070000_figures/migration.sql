-- Figures by locality (issue 10): the series a province publishes (from its pack: what is counted, at
-- which admin level, by which agencies, at which times of the day, in which section), the figures
-- themselves (one per series, admin unit and time slot) and every correction of one (who, when, old, new).

CREATE TABLE "figure_series" (
  "id"          uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"   uuid           NOT NULL,
  "key"         text           NOT NULL,
  "names"       jsonb          NOT NULL,
  "description" jsonb,
  "section_id"  uuid           NOT NULL,
  "measure"     text           NOT NULL,
  "level_key"   text,
  "province"    text           NOT NULL,
  "times"       text[]         NOT NULL,
  "cumulative"  boolean        NOT NULL DEFAULT false,
  "position"    integer        NOT NULL DEFAULT 0,
  "enabled"     boolean        NOT NULL DEFAULT true,
  "source"      text,
  CONSTRAINT "figure_series_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "figure_series_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  -- A section that publishes figures cannot be removed from under them (disable it instead).
  CONSTRAINT "figure_series_section_id_fkey" FOREIGN KEY ("section_id", "tenant_id") REFERENCES "section" ("id", "tenant_id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "figure_series_measure_check" CHECK ("measure" IN ('count', 'level')),
  CONSTRAINT "figure_series_province_check" CHECK ("province" IN ('sum', 'entered'))
);
CREATE UNIQUE INDEX "figure_series_tenant_id_key_key" ON "figure_series" ("tenant_id", "key");
CREATE UNIQUE INDEX "figure_series_id_tenant_id_key" ON "figure_series" ("id", "tenant_id");
CREATE INDEX "figure_series_section_id_idx" ON "figure_series" ("section_id");

-- The agencies that enter a series.
CREATE TABLE "figure_series_agency" (
  "series_id" uuid NOT NULL,
  "agency_id" uuid NOT NULL,
  "tenant_id" uuid NOT NULL,
  CONSTRAINT "figure_series_agency_pkey" PRIMARY KEY ("series_id", "agency_id"),
  CONSTRAINT "figure_series_agency_series_id_fkey" FOREIGN KEY ("series_id", "tenant_id") REFERENCES "figure_series" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "figure_series_agency_agency_id_fkey" FOREIGN KEY ("agency_id", "tenant_id") REFERENCES "agency" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "figure_series_agency_agency_id_idx" ON "figure_series_agency" ("agency_id");

-- One figure: a series' value for one admin unit (its GSO code; the province's own code for the
-- province) at one time slot (the local time it stands for, as an instant).
CREATE TABLE "figure" (
  "id"          uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"   uuid           NOT NULL,
  "series_id"   uuid           NOT NULL,
  "unit_code"   text           NOT NULL,
  "slot"        timestamptz(3) NOT NULL,
  "value"       bigint         NOT NULL,
  "agency_id"   uuid,
  "entered_by"  uuid,
  "entered_at"  timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "version"     integer        NOT NULL DEFAULT 1,
  -- Generated for the embedded demo (pages say so); never set by an entry or an import.
  "demo"        boolean        NOT NULL DEFAULT false,
  CONSTRAINT "figure_pkey" PRIMARY KEY ("id"),
  -- Figures are the record: a series that holds some cannot be removed (disable it instead).
  CONSTRAINT "figure_series_id_fkey" FOREIGN KEY ("series_id", "tenant_id") REFERENCES "figure_series" ("id", "tenant_id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "figure_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "figure_value_check" CHECK ("value" >= 0)
);
CREATE UNIQUE INDEX "figure_series_id_unit_code_slot_key" ON "figure" ("series_id", "unit_code", "slot");
CREATE UNIQUE INDEX "figure_id_tenant_id_key" ON "figure" ("id", "tenant_id");
-- The public charts and the figures API read a series over a range of slots.
CREATE INDEX "figure_tenant_id_series_id_slot_idx" ON "figure" ("tenant_id", "series_id", "slot");

-- Every change of a figure, append-only: the first entry has no old value.
CREATE TABLE "figure_revision" (
  "id"          uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"   uuid           NOT NULL,
  "figure_id"   uuid           NOT NULL,
  "at"          timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "actor_id"    uuid,
  "actor_email" text,
  "old_value"   bigint,
  "new_value"   bigint         NOT NULL,
  CONSTRAINT "figure_revision_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "figure_revision_figure_id_fkey" FOREIGN KEY ("figure_id", "tenant_id") REFERENCES "figure" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "figure_revision_figure_id_at_idx" ON "figure_revision" ("figure_id", "at");

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['figure_series', 'figure_series_agency', 'figure', 'figure_revision'] LOOP
    EXECUTE format('REVOKE ALL ON %I FROM PUBLIC', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO cong_app', t);
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid) '
      'WITH CHECK (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)',
      t || '_tenant_isolation', t);
  END LOOP;
  -- The public pages show series and figures: a change bumps the province's content version.
  FOREACH t IN ARRAY ARRAY['figure_series', 'figure'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION "bump_content_version"()', t || '_content_version', t);
  END LOOP;
END
$$;
REVOKE UPDATE, DELETE ON "figure_revision" FROM cong_app;

-- A member of a collective agency (every commune's People's Committee, every district health centre)
-- acts for one unit of its level: the figures they enter are that unit's and its sub-units' only.
ALTER TABLE "user_agency" ADD COLUMN "unit_code" text;
