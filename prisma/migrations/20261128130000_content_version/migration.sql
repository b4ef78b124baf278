-- Each province's content version (issue 9, docs/decisions/0011): a counter the database bumps whenever a
-- row that a public page shows changes (the tenant and its domains, sections and their categories,
-- agencies, items and their translations), in the same transaction as the change. App instances key
-- their page caches on it and read it at most every 250 ms, so a publish on one instance changes the
-- pages every instance serves within a second, whichever door wrote it (a request, a job, tenant:add).
CREATE TABLE "content_version" (
  "tenant_id"  uuid        PRIMARY KEY REFERENCES "tenant" ("id") ON DELETE CASCADE,
  "version"    bigint      NOT NULL DEFAULT 1,
  "changed_at" timestamptz(3) NOT NULL DEFAULT now()
);

-- The runtime role reads its own tenant's version; only the trigger (as the owner) writes.
REVOKE ALL ON "content_version" FROM PUBLIC;
GRANT SELECT ON "content_version" TO cong_app;
ALTER TABLE "content_version" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "content_version" FORCE ROW LEVEL SECURITY;
CREATE POLICY "content_version_tenant_isolation" ON "content_version"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- Row trigger: the tenant column is named by the trigger's argument ("id" on tenant itself). A tenant
-- being deleted takes its version with it, so nothing is bumped for a tenant that no longer exists.
CREATE FUNCTION "bump_content_version"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  tid uuid;
  col text := coalesce(TG_ARGV[0], 'tenant_id');
BEGIN
  IF TG_OP = 'DELETE' THEN
    EXECUTE format('select ($1).%I', col) USING OLD INTO tid;
  ELSE
    EXECUTE format('select ($1).%I', col) USING NEW INTO tid;
  END IF;
  IF tid IS NOT NULL AND EXISTS (SELECT 1 FROM "tenant" WHERE "id" = tid) THEN
    INSERT INTO "content_version" ("tenant_id") VALUES (tid)
    ON CONFLICT ("tenant_id") DO UPDATE SET "version" = "content_version"."version" + 1, "changed_at" = now();
  END IF;
  IF TG_OP = 'UPDATE' AND col = 'tenant_id' THEN
    -- A row moved between tenants (refused by RLS for the app, possible for the owner) changes both.
    EXECUTE format('select ($1).%I', col) USING OLD INTO tid;
    IF tid IS NOT NULL AND EXISTS (SELECT 1 FROM "tenant" WHERE "id" = tid) THEN
      INSERT INTO "content_version" ("tenant_id") VALUES (tid)
      ON CONFLICT ("tenant_id") DO UPDATE SET "version" = "content_version"."version" + 1, "changed_at" = now();
    END IF;
  END IF;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION "bump_content_version"() FROM PUBLIC;

CREATE TRIGGER "tenant_content_version" AFTER INSERT OR UPDATE ON "tenant"
  FOR EACH ROW EXECUTE FUNCTION "bump_content_version"('id');
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenant_domain', 'section', 'section_category', 'agency', 'item', 'item_translation'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION "bump_content_version"()', t || '_content_version', t);
  END LOOP;
END
$$;

-- Every tenant already here starts at version 1.
INSERT INTO "content_version" ("tenant_id") SELECT "id" FROM "tenant" ON CONFLICT DO NOTHING;
