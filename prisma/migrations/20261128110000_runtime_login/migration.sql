-- The server logs in as a runtime role that is a member of cong_app only (docs/decisions/0008), never as
-- the owner. What that login needs beyond the per-table grants of the earlier migrations:
--  * to check at start that every migration is applied (it may not apply them): read _cong_migrations;
--  * the platform console's counts of accounts per province, which no scope can see (each tenant's
--    app_user rows are visible only in that tenant's scope): one narrow SECURITY DEFINER function that
--    returns the counts and nothing else, only in the operator's scope.
-- The job queue's tables (schema pgboss) are created and granted by `npm run db:migrate` after the SQL
-- migrations, through pg-boss itself (packages/core/src/jobs/prepare-jobs.ts).

GRANT SELECT ON "_cong_migrations" TO cong_app;

-- PostgreSQL 15 and later no longer let every role create tables in schema public; 14 still does. Where
-- the migrating role may change it (it owns the schema, or is a superuser), make 14 behave like 15, so
-- no login but the owner can create anything. Otherwise a DBA does it once (infra/postgres/README.md).
DO $$
BEGIN
  IF pg_has_role(current_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'public'), 'USAGE') THEN
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
  END IF;
END
$$;

-- Active accounts and admins per province, for the platform console (platformOverview). Runs as its
-- owner (the migrating role, which bypasses row-level security), returns counts only, and only in the
-- operator's scope (app.platform = 'on', set by withOperator). search_path is pinned so a caller cannot
-- substitute its own app_user.
CREATE FUNCTION "platform_tenant_accounts"()
RETURNS TABLE ("tenant_id" uuid, "active_users" integer, "admins" integer)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT u."tenant_id", count(*)::integer, (count(*) FILTER (WHERE 'admin' = ANY (u."roles")))::integer
  FROM public."app_user" u
  WHERE u."active" AND u."tenant_id" IS NOT NULL
    AND current_setting('app.platform', true) = 'on'
  GROUP BY u."tenant_id"
$$;
REVOKE ALL ON FUNCTION "platform_tenant_accounts"() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "platform_tenant_accounts"() TO cong_app;
