-- Figures bump the province's content version once per statement, not once per row (issue 10's import:
-- 100,000 figures ≤ 10 s). A row trigger updates the one content_version row of the province for every
-- figure, and in one transaction each update walks the chain of versions the earlier ones left: 100,000
-- rows took 67 s on the PostgreSQL server and 134 s on PGlite, almost all of it here. A statement trigger
-- reads the statement's rows from its transition table and bumps each province they touch once; the
-- public pages see the same thing (a new version in the same transaction as the change).
CREATE FUNCTION "bump_content_version_per_statement"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  -- Each branch names only the transition tables its trigger declares (plpgsql plans a statement when
  -- it first runs it).
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "content_version" ("tenant_id")
    SELECT DISTINCT r."tenant_id" FROM "new_rows" r WHERE EXISTS (SELECT 1 FROM "tenant" t WHERE t."id" = r."tenant_id")
    ON CONFLICT ("tenant_id") DO UPDATE SET "version" = "content_version"."version" + 1, "changed_at" = now();
  ELSIF TG_OP = 'UPDATE' THEN
    -- A row moved between tenants (refused by RLS for the app, possible for the owner) changes both.
    INSERT INTO "content_version" ("tenant_id")
    SELECT x."tenant_id" FROM (SELECT "tenant_id" FROM "new_rows" UNION SELECT "tenant_id" FROM "old_rows") x
    WHERE EXISTS (SELECT 1 FROM "tenant" t WHERE t."id" = x."tenant_id")
    ON CONFLICT ("tenant_id") DO UPDATE SET "version" = "content_version"."version" + 1, "changed_at" = now();
  ELSE
    INSERT INTO "content_version" ("tenant_id")
    SELECT DISTINCT r."tenant_id" FROM "old_rows" r WHERE EXISTS (SELECT 1 FROM "tenant" t WHERE t."id" = r."tenant_id")
    ON CONFLICT ("tenant_id") DO UPDATE SET "version" = "content_version"."version" + 1, "changed_at" = now();
  END IF;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION "bump_content_version_per_statement"() FROM PUBLIC;

DROP TRIGGER "figure_content_version" ON "figure";
CREATE TRIGGER "figure_content_version_insert" AFTER INSERT ON "figure"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version_per_statement"();
CREATE TRIGGER "figure_content_version_update" AFTER UPDATE ON "figure"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version_per_statement"();
CREATE TRIGGER "figure_content_version_delete" AFTER DELETE ON "figure"
  REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version_per_statement"();
