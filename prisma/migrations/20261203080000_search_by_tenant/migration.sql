-- Search one province's items from the GIN index alone (issue 9, measured by npm run bench): the stored
-- vector also holds the province as a lexeme ("~<tenant id>", which no folded word can be), so a query
-- asks for its words AND its province in one index scan. Before, the index spanned every province and the
-- planner preferred to walk all of one province's items testing each vector (0.3–0.9 s over 1 M items).
DROP INDEX IF EXISTS "item_translation_search_vector_idx";
ALTER TABLE "item_translation" DROP COLUMN "search_vector";
ALTER TABLE "item_translation"
  ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', split_part("search_text", E'\n', 1)), 'A')
    || setweight(to_tsvector('simple', "search_text"), 'D')
    || array_to_tsvector(ARRAY['~' || "tenant_id"::text])
  ) STORED;
CREATE INDEX "item_translation_search_vector_idx" ON "item_translation" USING gin ("search_vector");
