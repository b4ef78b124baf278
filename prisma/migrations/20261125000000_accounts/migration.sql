-- Accounts, sessions, one-time tokens, the audit log, and provincial admins writing their own tenant.
-- Rows of a province carry its tenant_id; the platform operators' rows carry none (tenant_id NULL) and
-- are visible only in the operator scope (app.platform = 'on', set by withOperator on the apex).
-- With neither setting, cong_app sees nothing of these tables.

CREATE TABLE "app_user" (
  "id"             uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"      uuid,
  "email"          text           NOT NULL,
  "name"           text           NOT NULL,
  "password_hash"  text,
  "roles"          text[]         NOT NULL,
  "active"         boolean        NOT NULL DEFAULT true,
  "failed_logins"  integer        NOT NULL DEFAULT 0,
  "locked_until"   timestamptz(3),
  "last_login_at"  timestamptz(3),
  "deactivated_at" timestamptz(3),
  "created_at"     timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at"     timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "app_user_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "app_user_id_tenant_id_key" UNIQUE ("id", "tenant_id"),
  CONSTRAINT "app_user_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  -- Operators (no tenant) and province roles never mix on one account.
  CONSTRAINT "app_user_operator_check" CHECK (("tenant_id" IS NULL) = ('operator' = ANY ("roles"))),
  CONSTRAINT "app_user_email_check" CHECK ("email" = lower("email") AND position('@' in "email") > 1)
);
CREATE UNIQUE INDEX "app_user_tenant_id_email_key" ON "app_user" ("tenant_id", "email");
CREATE UNIQUE INDEX "app_user_operator_email_key" ON "app_user" ("email") WHERE "tenant_id" IS NULL;

CREATE TABLE "user_agency" (
  "user_id"   uuid NOT NULL,
  "agency_id" uuid NOT NULL,
  "tenant_id" uuid NOT NULL,
  CONSTRAINT "user_agency_pkey" PRIMARY KEY ("user_id", "agency_id"),
  CONSTRAINT "user_agency_user_id_fkey" FOREIGN KEY ("user_id", "tenant_id") REFERENCES "app_user" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "user_agency_agency_id_fkey" FOREIGN KEY ("agency_id", "tenant_id") REFERENCES "agency" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "user_agency_tenant_id_idx" ON "user_agency" ("tenant_id");
CREATE INDEX "user_agency_agency_id_idx" ON "user_agency" ("agency_id");

-- The cookie carries a random token; only its sha256 is stored, so a copy of the table opens nothing.
CREATE TABLE "session" (
  "id"           uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"    uuid,
  "user_id"      uuid           NOT NULL,
  "token_hash"   text           NOT NULL,
  "created_at"   timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "last_seen_at" timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expires_at"   timestamptz(3) NOT NULL,
  "revoked_at"   timestamptz(3),
  "ip"           text,
  "user_agent"   text,
  CONSTRAINT "session_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  -- checked when tenant_id is set: a province's session never points at another province's user
  CONSTRAINT "session_user_tenant_fkey" FOREIGN KEY ("user_id", "tenant_id") REFERENCES "app_user" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "session_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "session_token_hash_key" ON "session" ("token_hash");
CREATE INDEX "session_user_id_idx" ON "session" ("user_id");

-- One-time links: password reset and invitation. Only the sha256 of the token is stored.
CREATE TABLE "auth_token" (
  "id"         uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"  uuid,
  "user_id"    uuid           NOT NULL,
  "kind"       text           NOT NULL,
  "token_hash" text           NOT NULL,
  "expires_at" timestamptz(3) NOT NULL,
  "used_at"    timestamptz(3),
  "created_at" timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "auth_token_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "auth_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "auth_token_user_tenant_fkey" FOREIGN KEY ("user_id", "tenant_id") REFERENCES "app_user" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "auth_token_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "auth_token_kind_check" CHECK ("kind" IN ('reset', 'invite'))
);
CREATE UNIQUE INDEX "auth_token_token_hash_key" ON "auth_token" ("token_hash");
CREATE INDEX "auth_token_user_id_idx" ON "auth_token" ("user_id");

-- Append-only: cong_app may insert and read, never update or delete (no grant, and no policy for it).
CREATE TABLE "audit_log" (
  "id"          uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"   uuid,
  "at"          timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
  "actor_id"    uuid,
  "actor_email" text,
  "action"      text           NOT NULL,
  "subject"     text           NOT NULL,
  "subject_id"  text,
  "before"      jsonb,
  "after"       jsonb,
  "ip"          text,
  CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "audit_log_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "audit_log_tenant_id_at_idx" ON "audit_log" ("tenant_id", "at" DESC);

-- Privileges and row-level security -------------------------------------------------------------

DO $$
DECLARE
  t text;
  visible constant text :=
    '(tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid '
    'OR (tenant_id IS NULL AND current_setting(''app.platform'', true) = ''on''))';
BEGIN
  FOREACH t IN ARRAY ARRAY['app_user', 'session', 'auth_token'] LOOP
    EXECUTE format('REVOKE ALL ON %I FROM PUBLIC', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO cong_app', t);
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING %s WITH CHECK %s', t || '_tenant_isolation', t, visible, visible);
  END LOOP;

  REVOKE ALL ON "audit_log" FROM PUBLIC;
  GRANT SELECT, INSERT ON "audit_log" TO cong_app;
  ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;
  ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;
  EXECUTE format('CREATE POLICY audit_log_read ON audit_log FOR SELECT USING %s', visible);
  EXECUTE format('CREATE POLICY audit_log_append ON audit_log FOR INSERT WITH CHECK %s', visible);
END
$$;

REVOKE ALL ON "user_agency" FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON "user_agency" TO cong_app;
ALTER TABLE "user_agency" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "user_agency" FORCE ROW LEVEL SECURITY;
CREATE POLICY "user_agency_tenant_isolation" ON "user_agency"
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- A provincial admin configures the province from the admin UI through the same code path as a pack
-- (one schema, two doors): cong_app may update its own tenant's row (never the slug or the id) and
-- replace its own domains. A domain taken by another province still fails on the primary key.
GRANT UPDATE ("name", "portal_title", "default_locale", "locales", "time_zone", "branding", "contacts", "hotlines",
              "attribution", "lead_agency_key", "operator_agency_key", "pack", "pack_hash", "updated_at") ON "tenant" TO cong_app;
CREATE POLICY "tenant_update_own" ON "tenant" FOR UPDATE
  USING (id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.tenant_id', true), '')::uuid);
GRANT INSERT, DELETE ON "tenant_domain" TO cong_app;
CREATE POLICY "tenant_domain_insert_own" ON "tenant_domain" FOR INSERT
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY "tenant_domain_delete_own" ON "tenant_domain" FOR DELETE
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
