-- Publishing: content items of every section kind (articles, videos, documents, links), their
-- translations, attachments, revisions, and the update events the deadline engine counts.
-- Sections are never deleted under content (ON DELETE RESTRICT): a province disables a section instead.

CREATE TABLE "attachment" (
  "id"          uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"   uuid           NOT NULL,
  "storage_key" text           NOT NULL,
  "file_name"   text           NOT NULL,
  "mime"        text           NOT NULL,
  "size"        integer        NOT NULL,
  "sha256"      text           NOT NULL,
  "created_by"  uuid,
  "created_at"  timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "attachment_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "attachment_id_tenant_id_key" UNIQUE ("id", "tenant_id"),
  CONSTRAINT "attachment_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "attachment_tenant_id_idx" ON "attachment" ("tenant_id");

CREATE TABLE "item" (
  "id"               uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"        uuid           NOT NULL,
  "section_id"       uuid           NOT NULL,
  "category_id"      uuid,
  "agency_id"        uuid,
  "kind"             text           NOT NULL,
  "status"           text           NOT NULL DEFAULT 'draft',
  "slug"             text           NOT NULL,
  "version"          integer        NOT NULL DEFAULT 1,
  "publish_at"       timestamptz(3),
  "published_at"     timestamptz(3),
  "withdrawn_at"     timestamptz(3),
  "media_url"        text,
  "cover_id"         uuid,
  "file_id"          uuid,
  "doc_form"         text,
  "doc_number"       text,
  "doc_issuer"       text,
  "doc_signer"       text,
  "doc_issued_on"    date,
  "doc_effective_on" date,
  "doc_expires_on"   date,
  "doc_status"       text,
  "doc_field"        text,
  "created_by"       uuid,
  "updated_by"       uuid,
  "created_at"       timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at"       timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "item_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "item_id_tenant_id_key" UNIQUE ("id", "tenant_id"),
  CONSTRAINT "item_section_id_fkey" FOREIGN KEY ("section_id", "tenant_id") REFERENCES "section" ("id", "tenant_id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "item_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "section_category" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "item_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "item_cover_id_fkey" FOREIGN KEY ("cover_id") REFERENCES "attachment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "item_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "attachment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "item_kind_check" CHECK ("kind" IN ('article', 'video', 'document', 'link')),
  CONSTRAINT "item_status_check" CHECK ("status" IN ('draft', 'submitted', 'scheduled', 'published', 'withdrawn')),
  CONSTRAINT "item_scheduled_check" CHECK ("status" <> 'scheduled' OR "publish_at" IS NOT NULL)
);
CREATE UNIQUE INDEX "item_section_id_slug_key" ON "item" ("section_id", "slug");
CREATE INDEX "item_tenant_id_status_published_at_idx" ON "item" ("tenant_id", "status", "published_at" DESC);
CREATE INDEX "item_section_id_status_idx" ON "item" ("section_id", "status");
CREATE INDEX "item_status_publish_at_idx" ON "item" ("status", "publish_at");

-- One row per language of an item. search_text is the folded text (no diacritics, lower case) of the
-- title, summary, body and document metadata, so "quang ninh" finds "Quảng Ninh"; the folding is done by
-- the app (packages/core/src/content/search-text.ts), the index is plain 'simple' full text.
CREATE TABLE "item_translation" (
  "item_id"     uuid NOT NULL,
  "tenant_id"   uuid NOT NULL,
  "locale"      text NOT NULL,
  "title"       text NOT NULL,
  "summary"     text,
  "body"        text,
  "search_text" text NOT NULL,
  CONSTRAINT "item_translation_pkey" PRIMARY KEY ("item_id", "locale"),
  CONSTRAINT "item_translation_item_id_fkey" FOREIGN KEY ("item_id", "tenant_id") REFERENCES "item" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "item_translation_locale_check" CHECK ("locale" IN ('vi', 'en', 'zh'))
);
CREATE INDEX "item_translation_tenant_id_idx" ON "item_translation" ("tenant_id");
CREATE INDEX "item_translation_search_idx" ON "item_translation" USING gin (to_tsvector('simple', "search_text"));

CREATE TABLE "item_revision" (
  "id"          uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"   uuid           NOT NULL,
  "item_id"     uuid           NOT NULL,
  "version"     integer        NOT NULL,
  "at"          timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
  "actor_id"    uuid,
  "actor_email" text,
  "action"      text           NOT NULL,
  "status"      text           NOT NULL,
  "snapshot"    jsonb          NOT NULL,
  "note"        text,
  CONSTRAINT "item_revision_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "item_revision_item_id_fkey" FOREIGN KEY ("item_id", "tenant_id") REFERENCES "item" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "item_revision_item_id_at_idx" ON "item_revision" ("item_id", "at");

-- What the deadline engine counts: an agency updated a section at a time (publish, data entry, answer).
CREATE TABLE "update_event" (
  "id"         uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"  uuid           NOT NULL,
  "section_id" uuid           NOT NULL,
  "agency_id"  uuid,
  "item_id"    uuid,
  "kind"       text           NOT NULL,
  "at"         timestamptz(3) NOT NULL,
  CONSTRAINT "update_event_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "update_event_section_id_fkey" FOREIGN KEY ("section_id", "tenant_id") REFERENCES "section" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "update_event_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "update_event_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "item" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "update_event_kind_check" CHECK ("kind" IN ('publish', 'data-entry', 'answer'))
);
CREATE INDEX "update_event_tenant_id_section_id_at_idx" ON "update_event" ("tenant_id", "section_id", "at");

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['attachment', 'item', 'item_translation', 'item_revision', 'update_event'] LOOP
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
-- Revisions are history: the runtime role adds them and never rewrites them.
REVOKE UPDATE, DELETE ON "item_revision" FROM cong_app;
