-- Search from an index (issue 9, docs/decisions/0011): each translation keeps its search vector, computed
-- by the database when the row is written, the folded title (search_text's first line) weighted A and the
-- whole text D, with a GIN index on it. A query ranks the stored vectors: no per-row to_tsvector at query
-- time. The text is folded (no diacritics, lower case) by the app before it is stored (foldVietnamese).
ALTER TABLE "item_translation"
  ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', split_part("search_text", E'\n', 1)), 'A')
    || setweight(to_tsvector('simple', "search_text"), 'D')
  ) STORED;

DROP INDEX IF EXISTS "item_translation_search_idx";
CREATE INDEX "item_translation_search_vector_idx" ON "item_translation" USING gin ("search_vector");
