-- The title alone, small enough to stay in the row (issue 9, measured by npm run bench): a text's vector
-- is stored out of line, and reading thousands of them to rank a common word cost most of a search
-- (0.2–0.5 s over 1 M items). A search now asks the text's vector only through the GIN index and reads
-- this one per row: a match of every word in the title first, then the newest.
ALTER TABLE "item_translation"
  ADD COLUMN "title_vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', split_part("search_text", E'\n', 1))) STORED;
