-- A section's page lists its published items newest first (issue 9: every list on an index): the index
-- gives them in that order, so a page reads its 20 rows instead of sorting the whole section.
CREATE INDEX "item_section_id_status_published_at_idx" ON "item" ("section_id", "status", "published_at" DESC, "id");
DROP INDEX IF EXISTS "item_section_id_status_idx";
