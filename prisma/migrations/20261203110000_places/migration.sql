-- Registries of places (issue 10): the kinds of place a province keeps (from its pack: who keeps each
-- kind, which facilities or map section shows it), the places themselves (a location or an area, an
-- admin unit, the current status) and every status they have had (who, when, capacity, occupancy, note).

CREATE TABLE "place_kind" (
  "id"         uuid    NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"  uuid    NOT NULL,
  "kind"       text    NOT NULL,
  -- The province's own name for the kind; null: the interface's.
  "names"      jsonb,
  "section_id" uuid    NOT NULL,
  "position"   integer NOT NULL DEFAULT 0,
  "enabled"    boolean NOT NULL DEFAULT true,
  "source"     text,
  CONSTRAINT "place_kind_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "place_kind_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  -- A section that lists places cannot be removed from under them (disable it instead).
  CONSTRAINT "place_kind_section_id_fkey" FOREIGN KEY ("section_id", "tenant_id") REFERENCES "section" ("id", "tenant_id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "place_kind_tenant_id_kind_key" ON "place_kind" ("tenant_id", "kind");
CREATE UNIQUE INDEX "place_kind_id_tenant_id_key" ON "place_kind" ("id", "tenant_id");
CREATE INDEX "place_kind_section_id_idx" ON "place_kind" ("section_id");

-- The agencies that keep a kind's places.
CREATE TABLE "place_kind_agency" (
  "kind_id"   uuid NOT NULL,
  "agency_id" uuid NOT NULL,
  "tenant_id" uuid NOT NULL,
  CONSTRAINT "place_kind_agency_pkey" PRIMARY KEY ("kind_id", "agency_id"),
  CONSTRAINT "place_kind_agency_kind_id_fkey" FOREIGN KEY ("kind_id", "tenant_id") REFERENCES "place_kind" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "place_kind_agency_agency_id_fkey" FOREIGN KEY ("agency_id", "tenant_id") REFERENCES "agency" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "place_kind_agency_agency_id_idx" ON "place_kind_agency" ("agency_id");

-- One place: its kind, names, owning agency, address, admin unit (GSO code), a point (lon/lat, WGS 84) or
-- an area (a GeoJSON Polygon or MultiPolygon, checked by the app), phone, and its current status (the
-- latest of its history, kept here so lists filter on an index).
CREATE TABLE "place" (
  "id"         uuid             NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"  uuid             NOT NULL,
  "kind_id"    uuid             NOT NULL,
  -- The province's own code for the place (an import updates the place with the same code).
  "ref"        text,
  "names"      jsonb            NOT NULL,
  -- The Vietnamese name folded (lower case, no diacritics): the lists' order and their cursor.
  "sort_name"  text             NOT NULL,
  "agency_id"  uuid,
  "address"    text,
  "unit_code"  text,
  "lon"        double precision,
  "lat"        double precision,
  "area"       jsonb,
  "phone"      text,
  "status"     text             NOT NULL DEFAULT 'open',
  "capacity"   integer,
  "occupancy"  integer,
  "note"       text,
  "status_at"  timestamptz(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_by" uuid,
  "version"    integer          NOT NULL DEFAULT 1,
  -- Generated for the embedded demo (pages say so); never set by a form or an import.
  "demo"       boolean          NOT NULL DEFAULT false,
  CONSTRAINT "place_pkey" PRIMARY KEY ("id"),
  -- A kind that holds places cannot be removed (disable it instead).
  CONSTRAINT "place_kind_id_fkey" FOREIGN KEY ("kind_id", "tenant_id") REFERENCES "place_kind" ("id", "tenant_id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "place_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "place_status_check" CHECK ("status" IN ('open', 'closed')),
  CONSTRAINT "place_location_check" CHECK (("lon" IS NULL) = ("lat" IS NULL) AND ("lon" IS NULL OR ("lon" BETWEEN -180 AND 180 AND "lat" BETWEEN -90 AND 90))),
  CONSTRAINT "place_capacity_check" CHECK ("capacity" IS NULL OR "capacity" >= 0),
  CONSTRAINT "place_occupancy_check" CHECK ("occupancy" IS NULL OR "occupancy" >= 0)
);
CREATE UNIQUE INDEX "place_id_tenant_id_key" ON "place" ("id", "tenant_id");
CREATE UNIQUE INDEX "place_tenant_id_ref_key" ON "place" ("tenant_id", "ref");
-- The lists (staff and public) and the GeoJSON filter by kind, unit and status, in name order, paged by a
-- (sort_name, id) cursor: one index per filter, and one for no filter.
CREATE INDEX "place_tenant_id_sort_name_id_idx" ON "place" ("tenant_id", "sort_name", "id");
CREATE INDEX "place_tenant_id_kind_id_sort_name_id_idx" ON "place" ("tenant_id", "kind_id", "sort_name", "id");
CREATE INDEX "place_tenant_id_unit_code_sort_name_id_idx" ON "place" ("tenant_id", "unit_code", "sort_name", "id");
CREATE INDEX "place_tenant_id_status_sort_name_id_idx" ON "place" ("tenant_id", "status", "sort_name", "id");

-- Every status a place has had, append-only: the first is the one it was created with.
CREATE TABLE "place_status" (
  "id"          uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"   uuid           NOT NULL,
  "place_id"    uuid           NOT NULL,
  "at"          timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "status"      text           NOT NULL,
  "capacity"    integer,
  "occupancy"   integer,
  "note"        text,
  "actor_id"    uuid,
  "actor_email" text,
  CONSTRAINT "place_status_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "place_status_place_id_fkey" FOREIGN KEY ("place_id", "tenant_id") REFERENCES "place" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "place_status_status_check" CHECK ("status" IN ('open', 'closed'))
);
CREATE INDEX "place_status_place_id_at_idx" ON "place_status" ("place_id", "at");

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['place_kind', 'place_kind_agency', 'place', 'place_status'] LOOP
    EXECUTE format('REVOKE ALL ON %I FROM PUBLIC', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO cong_app', t);
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid) '
      'WITH CHECK (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)',
      t || '_tenant_isolation', t);
  END LOOP;
END
$$;
REVOKE UPDATE, DELETE ON "place_status" FROM cong_app;

-- The public pages and /api/v1/places show kinds and places: a change bumps the province's content version
-- in the same transaction. Kinds change with the pack (a row trigger); places once per statement, so a
-- file of thousands of places bumps it once (migration 20261203090000).
CREATE TRIGGER "place_kind_content_version" AFTER INSERT OR UPDATE OR DELETE ON "place_kind"
  FOR EACH ROW EXECUTE FUNCTION "bump_content_version"();
CREATE TRIGGER "place_content_version_insert" AFTER INSERT ON "place"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version_per_statement"();
CREATE TRIGGER "place_content_version_update" AFTER UPDATE ON "place"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version_per_statement"();
CREATE TRIGGER "place_content_version_delete" AFTER DELETE ON "place"
  REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version_per_statement"();
