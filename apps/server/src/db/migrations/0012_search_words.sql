CREATE TABLE "search_words" (
	"workspace_id" uuid NOT NULL,
	"word" text NOT NULL,
	CONSTRAINT "search_words_word_workspace_id_pk" PRIMARY KEY("word","workspace_id")
);
--> statement-breakpoint
ALTER TABLE "search_words" ADD CONSTRAINT "search_words_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The words of a search text that the typo search corrects towards: names (the parts of a double
-- name each on their own), not emails, domains or numbers.
CREATE FUNCTION search_words_of(search_text text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
  SELECT DISTINCT w FROM regexp_split_to_table(search_text, '[ -]+') AS w WHERE length(w) >= 3 AND w !~ '[0-9@.+_]'
$$;--> statement-breakpoint
CREATE FUNCTION search_words_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (workspace_id, word)
  SELECT DISTINCT n.workspace_id, w FROM new_rows n, search_words_of(n.search_text) AS w
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
-- Forgets words that no person or company (live or in the trash) still has: an erased name leaves nothing behind.
CREATE FUNCTION search_words_forget(candidates text[], workspace uuid) RETURNS void LANGUAGE sql AS $$
  DELETE FROM search_words s
   WHERE s.workspace_id = workspace AND s.word = ANY(candidates)
     AND NOT EXISTS (SELECT 1 FROM people p WHERE p.workspace_id = s.workspace_id
                      AND p.search_text LIKE '%' || s.word || '%'
                      AND (' ' || translate(p.search_text, '-', ' ') || ' ') LIKE '% ' || s.word || ' %')
     AND NOT EXISTS (SELECT 1 FROM companies c WHERE c.workspace_id = s.workspace_id
                      AND c.search_text LIKE '%' || s.word || '%'
                      AND (' ' || translate(c.search_text, '-', ' ') || ' ') LIKE '% ' || s.word || ' %')
$$;--> statement-breakpoint
CREATE FUNCTION search_words_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_words_forget(array_agg(DISTINCT w), o.workspace_id)
     FROM old_rows o, search_words_of(o.search_text) AS w GROUP BY o.workspace_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION search_words_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (workspace_id, word)
  SELECT DISTINCT n.workspace_id, w
    FROM new_rows n JOIN old_rows o ON o.id = n.id AND o.search_text IS DISTINCT FROM n.search_text,
         search_words_of(n.search_text) AS w
  ON CONFLICT DO NOTHING;
  PERFORM search_words_forget(array_agg(DISTINCT w), o.workspace_id)
     FROM old_rows o JOIN new_rows n ON n.id = o.id AND n.search_text IS DISTINCT FROM o.search_text,
          search_words_of(o.search_text) AS w
    WHERE w NOT IN (SELECT search_words_of(n.search_text))
    GROUP BY o.workspace_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER people_search_words_insert AFTER INSERT ON people REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_words_add();--> statement-breakpoint
CREATE TRIGGER people_search_words_update AFTER UPDATE ON people REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_words_updated();--> statement-breakpoint
CREATE TRIGGER people_search_words_delete AFTER DELETE ON people REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_words_deleted();--> statement-breakpoint
CREATE TRIGGER companies_search_words_insert AFTER INSERT ON companies REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_words_add();--> statement-breakpoint
CREATE TRIGGER companies_search_words_update AFTER UPDATE ON companies REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_words_updated();--> statement-breakpoint
CREATE TRIGGER companies_search_words_delete AFTER DELETE ON companies REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_words_deleted();--> statement-breakpoint
INSERT INTO search_words (workspace_id, word)
SELECT DISTINCT t.workspace_id, w
  FROM (SELECT workspace_id, search_text FROM people UNION ALL SELECT workspace_id, search_text FROM companies) t,
       search_words_of(t.search_text) AS w
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Built after the backfill, in one pass.
CREATE INDEX "search_words_word_idx" ON "search_words" USING gin ("word" gin_trgm_ops) WITH (fastupdate=false);
