CREATE TABLE "search_vocabulary" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_vocabulary_word_idx" ON "search_vocabulary" USING gin ("word" gin_trgm_ops);
--> statement-breakpoint
-- Hand-written: the search vocabulary follows every insert and update of a searched table, one statement per writing
-- statement (transition tables), whoever writes; it starts from the keys already there. See search.table.ts.
CREATE FUNCTION search_vocabulary_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_vocabulary (word)
    SELECT DISTINCT w FROM added, regexp_split_to_table(added.search_key, '[[:space:]|,.;:!?()«»"''،؛؟/\-]+') AS w
    WHERE char_length(w) BETWEEN 3 AND 40
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER incidents_search_vocabulary_insert AFTER INSERT ON incidents REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_add();--> statement-breakpoint
CREATE TRIGGER incidents_search_vocabulary_update AFTER UPDATE ON incidents REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_add();--> statement-breakpoint
CREATE TRIGGER tasks_search_vocabulary_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_add();--> statement-breakpoint
CREATE TRIGGER tasks_search_vocabulary_update AFTER UPDATE ON tasks REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_add();--> statement-breakpoint
CREATE TRIGGER plans_search_vocabulary_insert AFTER INSERT ON plans REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_add();--> statement-breakpoint
CREATE TRIGGER plans_search_vocabulary_update AFTER UPDATE ON plans REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_add();--> statement-breakpoint
CREATE TRIGGER needs_search_vocabulary_insert AFTER INSERT ON needs REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_add();--> statement-breakpoint
CREATE TRIGGER needs_search_vocabulary_update AFTER UPDATE ON needs REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_add();--> statement-breakpoint
CREATE TRIGGER meetings_search_vocabulary_insert AFTER INSERT ON meetings REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_add();--> statement-breakpoint
CREATE TRIGGER meetings_search_vocabulary_update AFTER UPDATE ON meetings REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_add();--> statement-breakpoint
CREATE TRIGGER personnel_search_vocabulary_insert AFTER INSERT ON personnel REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_add();--> statement-breakpoint
CREATE TRIGGER personnel_search_vocabulary_update AFTER UPDATE ON personnel REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_add();--> statement-breakpoint
CREATE TRIGGER agencies_search_vocabulary_insert AFTER INSERT ON agencies REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_add();--> statement-breakpoint
CREATE TRIGGER agencies_search_vocabulary_update AFTER UPDATE ON agencies REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_add();--> statement-breakpoint
INSERT INTO search_vocabulary (word)
  SELECT DISTINCT w FROM (SELECT search_key FROM incidents
  UNION SELECT search_key FROM tasks
  UNION SELECT search_key FROM plans
  UNION SELECT search_key FROM needs
  UNION SELECT search_key FROM meetings
  UNION SELECT search_key FROM personnel
  UNION SELECT search_key FROM agencies) AS k, regexp_split_to_table(k.search_key, '[[:space:]|,.;:!?()«»"''،؛؟/\-]+') AS w
  WHERE char_length(w) BETWEEN 3 AND 40
ON CONFLICT DO NOTHING;
