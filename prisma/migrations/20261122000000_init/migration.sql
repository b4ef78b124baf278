-- Cổng's initial schema: the tables of prisma/schema.prisma, the runtime role cong_app and row-level
-- security. Platform tables (tenant, tenant_domain) are readable by cong_app and written only by the
-- owner; every table with a tenant_id is tenant-owned and shows cong_app only the rows of the tenant in
-- the transaction-local setting app.tenant_id (none when it is unset).
-- Applied by packages/db/src/migrate.ts in one transaction, as the owner (superuser or BYPASSRLS).

-- Roles are cluster-wide: several databases (and concurrent test runs) share one cong_app.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cong_app') THEN
    CREATE ROLE cong_app NOLOGIN NOBYPASSRLS NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL; -- created meanwhile by a concurrent migration
END
$$;
-- The owner switches to cong_app with SET LOCAL ROLE, which needs membership.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'cong_app', 'MEMBER') THEN
    EXECUTE format('GRANT cong_app TO %I', current_user);
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO cong_app;

-- Platform tables -----------------------------------------------------------------------------

CREATE TABLE "tenant" (
  "id"                  uuid           NOT NULL DEFAULT gen_random_uuid(),
  "slug"                text           NOT NULL,
  "name"                jsonb          NOT NULL,
  "portal_title"        jsonb          NOT NULL,
  "default_locale"      text           NOT NULL,
  "locales"             text[]         NOT NULL,
  "time_zone"           text           NOT NULL,
  "branding"            jsonb          NOT NULL,
  "contacts"            jsonb          NOT NULL,
  "hotlines"            jsonb          NOT NULL,
  "attribution"         jsonb          NOT NULL,
  "lead_agency_key"     text           NOT NULL,
  "operator_agency_key" text           NOT NULL,
  "pack"                jsonb          NOT NULL,
  "pack_hash"           text           NOT NULL,
  "created_at"          timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at"          timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "tenant_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "tenant_slug_key" ON "tenant" ("slug");

CREATE TABLE "tenant_domain" (
  "host"      text NOT NULL,
  "tenant_id" uuid NOT NULL,
  CONSTRAINT "tenant_domain_pkey" PRIMARY KEY ("host"),
  CONSTRAINT "tenant_domain_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "tenant_domain_tenant_id_idx" ON "tenant_domain" ("tenant_id");

-- Tenant-owned tables -------------------------------------------------------------------------
-- Children reference their parents by (id, tenant_id), so a row can never point into another tenant
-- (foreign key checks are not subject to row-level security).

CREATE TABLE "admin_level" (
  "id"          uuid    NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"   uuid    NOT NULL,
  "key"         text    NOT NULL,
  "names"       jsonb   NOT NULL,
  "rank"        integer NOT NULL,
  "valid_from"  date,
  "valid_until" date,
  CONSTRAINT "admin_level_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "admin_level_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "admin_level_tenant_id_key_key" ON "admin_level" ("tenant_id", "key");

CREATE TABLE "admin_unit" (
  "id"          uuid NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"   uuid NOT NULL,
  "code"        text NOT NULL,
  "name"        text NOT NULL,
  "type"        text NOT NULL,
  "level_key"   text NOT NULL,
  "parent_code" text,
  CONSTRAINT "admin_unit_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "admin_unit_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "admin_unit_tenant_id_code_key" ON "admin_unit" ("tenant_id", "code");
CREATE INDEX "admin_unit_tenant_id_parent_code_idx" ON "admin_unit" ("tenant_id", "parent_code");

CREATE TABLE "agency" (
  "id"          uuid  NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"   uuid  NOT NULL,
  "key"         text  NOT NULL,
  "names"       jsonb NOT NULL,
  "short_name"  jsonb,
  "kind"        text  NOT NULL,
  "parent_key"  text,
  "unit_code"   text,
  "scope_level" text,
  CONSTRAINT "agency_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "agency_id_tenant_id_key" UNIQUE ("id", "tenant_id"),
  CONSTRAINT "agency_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "agency_tenant_id_key_key" ON "agency" ("tenant_id", "key");

CREATE TABLE "section" (
  "id"          uuid    NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"   uuid    NOT NULL,
  "slug"        text    NOT NULL,
  "kind"        text    NOT NULL,
  "names"       jsonb   NOT NULL,
  "description" jsonb,
  "position"    integer NOT NULL,
  "enabled"     boolean NOT NULL DEFAULT true,
  "review"      boolean NOT NULL DEFAULT false,
  "url"         text,
  "source"      text,
  CONSTRAINT "section_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "section_id_tenant_id_key" UNIQUE ("id", "tenant_id"),
  CONSTRAINT "section_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "section_tenant_id_slug_key" ON "section" ("tenant_id", "slug");

CREATE TABLE "section_category" (
  "id"         uuid    NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"  uuid    NOT NULL,
  "section_id" uuid    NOT NULL,
  "slug"       text    NOT NULL,
  "names"      jsonb   NOT NULL,
  "position"   integer NOT NULL,
  "enabled"    boolean NOT NULL DEFAULT true,
  CONSTRAINT "section_category_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "section_category_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "section_category_section_id_fkey" FOREIGN KEY ("section_id", "tenant_id") REFERENCES "section" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "section_category_section_id_slug_key" ON "section_category" ("section_id", "slug");
CREATE INDEX "section_category_tenant_id_idx" ON "section_category" ("tenant_id");

CREATE TABLE "duty" (
  "id"         uuid    NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"  uuid    NOT NULL,
  "agency_id"  uuid    NOT NULL,
  "section_id" uuid    NOT NULL,
  "role"       text    NOT NULL,
  "what"       jsonb,
  "categories" text[]  NOT NULL,
  "deadline"   jsonb,
  "source"     text    NOT NULL,
  "position"   integer NOT NULL,
  CONSTRAINT "duty_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "duty_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "duty_agency_id_fkey" FOREIGN KEY ("agency_id", "tenant_id") REFERENCES "agency" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "duty_section_id_fkey" FOREIGN KEY ("section_id", "tenant_id") REFERENCES "section" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "duty_tenant_id_section_id_idx" ON "duty" ("tenant_id", "section_id");
CREATE INDEX "duty_agency_id_idx" ON "duty" ("agency_id");

-- Privileges and row-level security ------------------------------------------------------------

REVOKE ALL ON "tenant", "tenant_domain" FROM PUBLIC;
GRANT SELECT ON "tenant", "tenant_domain" TO cong_app;

ALTER TABLE "tenant" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenant" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_read" ON "tenant" FOR SELECT USING (true);

ALTER TABLE "tenant_domain" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenant_domain" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_domain_read" ON "tenant_domain" FOR SELECT USING (true);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['admin_level', 'admin_unit', 'agency', 'section', 'section_category', 'duty'] LOOP
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
