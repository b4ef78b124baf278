-- The map's boundaries (issue 10, docs/decisions/0013): a province's outline and its districts' outlines
-- from its pack's map.boundaries file, one row per unit (GSO code), the geometry as GeoJSON. A unit may
-- have an outline and no admin_unit row (a district merged since the geometry was drawn), and a unit
-- may have no outline: nothing joins on it but the map.
CREATE TABLE "map_boundary" (
  "tenant_id" uuid  NOT NULL,
  "code"      text  NOT NULL,
  "name"      text  NOT NULL,
  "level"     text  NOT NULL,
  "note"      text,
  "geometry"  jsonb NOT NULL,
  CONSTRAINT "map_boundary_pkey" PRIMARY KEY ("tenant_id", "code"),
  CONSTRAINT "map_boundary_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "map_boundary_level_check" CHECK ("level" IN ('province', 'district'))
);

REVOKE ALL ON "map_boundary" FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON "map_boundary" TO cong_app;
ALTER TABLE "map_boundary" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "map_boundary" FORCE ROW LEVEL SECURITY;
CREATE POLICY "map_boundary_tenant_isolation" ON "map_boundary"
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- The map page and /api/v1/boundaries show them: a change bumps the province's content version, once
-- per statement (a pack load replaces them all in one statement).
CREATE TRIGGER "map_boundary_content_version_insert" AFTER INSERT ON "map_boundary"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version_per_statement"();
CREATE TRIGGER "map_boundary_content_version_update" AFTER UPDATE ON "map_boundary"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version_per_statement"();
CREATE TRIGGER "map_boundary_content_version_delete" AFTER DELETE ON "map_boundary"
  REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version_per_statement"();
