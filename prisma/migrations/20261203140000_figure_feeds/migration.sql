-- Figures pulled from another system (issue 10): a series may name a file at a URL (the pack's feed:
-- url, format, minutes between pulls), and every pull is logged, good or bad, for the province's admin.
ALTER TABLE "figure_series" ADD COLUMN "feed" jsonb;

CREATE TABLE "figure_feed_pull" (
  "id"        uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
  "tenant_id" uuid           NOT NULL REFERENCES "tenant" ("id") ON DELETE CASCADE,
  "series_id" uuid           NOT NULL REFERENCES "figure_series" ("id") ON DELETE CASCADE,
  "at"        timestamptz(3) NOT NULL DEFAULT now(),
  "ok"        boolean        NOT NULL,
  "rows"      integer        NOT NULL DEFAULT 0,
  "changed"   integer        NOT NULL DEFAULT 0,
  "message"   text
);
CREATE INDEX "figure_feed_pull_series_id_at_idx" ON "figure_feed_pull" ("series_id", "at" DESC);

-- The log is written by the pulling job and read by the admin: appended, never rewritten.
REVOKE ALL ON "figure_feed_pull" FROM PUBLIC;
GRANT SELECT, INSERT ON "figure_feed_pull" TO cong_app;
ALTER TABLE "figure_feed_pull" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "figure_feed_pull" FORCE ROW LEVEL SECURITY;
CREATE POLICY "figure_feed_pull_tenant_isolation" ON "figure_feed_pull"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
