-- search_entry's parts (migration 20261203120000) carry the province's rows too: each has row-level
-- security enabled and forced with the same policy as the parent, so a part read by its own name (the
-- runtime role has no grant on the parts; this is the second wall) shows nothing of another province.
DO $$
DECLARE
  part text;
BEGIN
  FOR part IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'search_entry'::regclass LOOP
    EXECUTE format('REVOKE ALL ON %I FROM PUBLIC', part);
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', part);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', part);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)', part || '_tenant_isolation', part);
  END LOOP;
END
$$;
