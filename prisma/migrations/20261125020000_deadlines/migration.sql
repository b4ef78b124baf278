-- Deadlines as data: each province's calendar of extra days off and swapped working days, the events
-- that start a clock (a question asked, a document issued), the due instances materialised from the
-- matrix's deadline rules, and the reminders sent for them (at most once per instance, kind and person).

CREATE TABLE "tenant_day" (
  "id"         uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"  uuid           NOT NULL,
  "date"       date           NOT NULL,
  "kind"       text           NOT NULL,
  "name"       text,
  "created_by" uuid,
  "created_at" timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "tenant_day_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "tenant_day_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "tenant_day_kind_check" CHECK ("kind" IN ('day-off', 'working-day'))
);
CREATE UNIQUE INDEX "tenant_day_tenant_id_date_key" ON "tenant_day" ("tenant_id", "date");

CREATE TABLE "clock_event" (
  "id"         uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"  uuid           NOT NULL,
  "kind"       text           NOT NULL,
  "at"         timestamptz(3) NOT NULL,
  "section_id" uuid,
  "agency_id"  uuid,
  "item_id"    uuid,
  "note"       text,
  "created_at" timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "clock_event_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "clock_event_section_id_fkey" FOREIGN KEY ("section_id", "tenant_id") REFERENCES "section" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "clock_event_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "clock_event_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "item" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "clock_event_tenant_id_kind_at_idx" ON "clock_event" ("tenant_id", "kind", "at");

-- One due instance of one duty: duty_key names the duty by what it is (agency, section, role, rule), so
-- rewriting the matrix with the same duty keeps its history.
CREATE TABLE "due_instance" (
  "id"             uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"      uuid           NOT NULL,
  "duty_key"       text           NOT NULL,
  "agency_id"      uuid           NOT NULL,
  "section_id"     uuid           NOT NULL,
  "role"           text           NOT NULL,
  "rule"           jsonb          NOT NULL,
  "source"         text           NOT NULL,
  "key"            text           NOT NULL,
  "due_at"         timestamptz(3) NOT NULL,
  "opens_at"       timestamptz(3) NOT NULL,
  "closes_at"      timestamptz(3),
  "required"       integer        NOT NULL DEFAULT 1,
  "event_id"       uuid,
  "status"         text           NOT NULL DEFAULT 'open',
  "fulfilled_at"   timestamptz(3),
  "late_seconds"   integer,
  "updates"        integer        NOT NULL DEFAULT 0,
  "evaluated_at"   timestamptz(3),
  "created_at"     timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "due_instance_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "due_instance_agency_id_fkey" FOREIGN KEY ("agency_id", "tenant_id") REFERENCES "agency" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "due_instance_section_id_fkey" FOREIGN KEY ("section_id", "tenant_id") REFERENCES "section" ("id", "tenant_id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "due_instance_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "clock_event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "due_instance_status_check" CHECK ("status" IN ('open', 'overdue', 'fulfilled', 'late', 'missed'))
);
CREATE UNIQUE INDEX "due_instance_tenant_id_duty_key_key_key" ON "due_instance" ("tenant_id", "duty_key", "key");
CREATE INDEX "due_instance_tenant_id_due_at_idx" ON "due_instance" ("tenant_id", "due_at");
CREATE INDEX "due_instance_agency_id_status_idx" ON "due_instance" ("agency_id", "status");

CREATE TABLE "reminder" (
  "id"              uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id"       uuid           NOT NULL,
  "due_instance_id" uuid           NOT NULL,
  "kind"            text           NOT NULL,
  "user_id"         uuid           NOT NULL,
  "sent_at"         timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "reminder_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "reminder_due_instance_id_fkey" FOREIGN KEY ("due_instance_id") REFERENCES "due_instance" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "reminder_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "reminder_kind_check" CHECK ("kind" IN ('before', 'overdue'))
);
-- The guarantee behind "never sent twice": a reminder is claimed by inserting this row first.
CREATE UNIQUE INDEX "reminder_due_instance_id_kind_user_id_key" ON "reminder" ("due_instance_id", "kind", "user_id");

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenant_day', 'clock_event', 'due_instance', 'reminder'] LOOP
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

-- An update can answer a clock event (an answer to a question, the posting of an issued document); it
-- then counts for that event's due instance only.
ALTER TABLE "update_event" ADD COLUMN "event_id" uuid;
ALTER TABLE "update_event" ADD CONSTRAINT "update_event_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "clock_event" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
