-- Search reads a narrow row per published item (issue 9, measured by npm run bench): the item's
-- translations' vectors joined into one (kept out of line: only the GIN index reads it), the titles'
-- vector (kept in the row: it puts title matches first), the section and the publication time. Before,
-- a search read each match's wide item_translation row and joined item and section per row: 0.2–0.8 s
-- for a common word over 1 M items; from this table the same search reads a few hundred pages.
-- Kept by triggers in the same transaction as the change, whichever door wrote it: a row exists exactly
-- while its item is published. Partitioned by province (hash of the tenant, 32 parts, none to create when
-- a province is added): a search reads the pages of its own province's part, not pages shared with every
-- other province's entries, and the part's GIN index only.
CREATE TABLE "search_entry" (
  "item_id"      uuid        NOT NULL REFERENCES "item" ("id") ON DELETE CASCADE,
  "tenant_id"    uuid        NOT NULL REFERENCES "tenant" ("id") ON DELETE CASCADE,
  "section_id"   uuid        NOT NULL,
  "published_at" timestamptz(3),
  "title_vector" tsvector    NOT NULL,
  "vector"       tsvector    NOT NULL,
  PRIMARY KEY ("tenant_id", "item_id")
) PARTITION BY HASH ("tenant_id");
-- The title's vector stays in the row however small the target; the text's goes out of line.
ALTER TABLE "search_entry" ALTER COLUMN "title_vector" SET STORAGE PLAIN;
DO $$
BEGIN
  FOR i IN 0..31 LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF "search_entry" FOR VALUES WITH (MODULUS 32, REMAINDER %s) WITH (toast_tuple_target = 128)', 'search_entry_' || i, i);
  END LOOP;
END
$$;

-- The runtime role reads its own tenant's entries; only the triggers (as the owner) write.
REVOKE ALL ON "search_entry" FROM PUBLIC;
GRANT SELECT ON "search_entry" TO cong_app;
ALTER TABLE "search_entry" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "search_entry" FORCE ROW LEVEL SECURITY;
CREATE POLICY "search_entry_tenant_isolation" ON "search_entry"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- tsvector has || but no aggregate: the vectors of an item's translations, joined.
CREATE AGGREGATE "tsvector_join" (tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');

CREATE FUNCTION "refresh_search_entry"(p_item uuid, p_tenant uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  DELETE FROM "search_entry" WHERE "tenant_id" = p_tenant AND "item_id" = p_item;
  INSERT INTO "search_entry" ("item_id", "tenant_id", "section_id", "published_at", "title_vector", "vector")
  SELECT i."id", i."tenant_id", i."section_id", i."published_at", "tsvector_join"(t."title_vector"), "tsvector_join"(t."search_vector")
  FROM "item" i JOIN "item_translation" t ON t."item_id" = i."id"
  WHERE i."id" = p_item AND i."status" = 'published'
  GROUP BY i."id";
END
$$;
REVOKE ALL ON FUNCTION "refresh_search_entry"(uuid, uuid) FROM PUBLIC;

CREATE FUNCTION "search_entry_from_item"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM "refresh_search_entry"(NEW."id", NEW."tenant_id");
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION "search_entry_from_item"() FROM PUBLIC;

CREATE FUNCTION "search_entry_from_translation"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "refresh_search_entry"(OLD."item_id", OLD."tenant_id");
  ELSE
    PERFORM "refresh_search_entry"(NEW."item_id", NEW."tenant_id");
  END IF;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION "search_entry_from_translation"() FROM PUBLIC;

CREATE TRIGGER "item_search_entry" AFTER UPDATE OF "status", "published_at", "section_id" ON "item"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."published_at" IS DISTINCT FROM NEW."published_at" OR OLD."section_id" IS DISTINCT FROM NEW."section_id")
  EXECUTE FUNCTION "search_entry_from_item"();
CREATE TRIGGER "item_insert_search_entry" AFTER INSERT ON "item"
  FOR EACH ROW WHEN (NEW."status" = 'published') EXECUTE FUNCTION "search_entry_from_item"();
CREATE TRIGGER "item_translation_search_entry" AFTER INSERT OR UPDATE OR DELETE ON "item_translation"
  FOR EACH ROW EXECUTE FUNCTION "search_entry_from_translation"();

INSERT INTO "search_entry" ("item_id", "tenant_id", "section_id", "published_at", "title_vector", "vector")
SELECT i."id", i."tenant_id", i."section_id", i."published_at", "tsvector_join"(t."title_vector"), "tsvector_join"(t."search_vector")
FROM "item" i JOIN "item_translation" t ON t."item_id" = i."id"
WHERE i."status" = 'published'
GROUP BY i."id";
-- Built once the rows are in: one pass instead of a GIN insert per row.
CREATE INDEX "search_entry_vector_idx" ON "search_entry" USING gin ("vector");
ANALYZE "search_entry";
