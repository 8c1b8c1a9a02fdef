-- Hand-written: the search vocabulary keeps no word made of digits only. Each incident brought two (its reference's
-- number and its source's id), so the vocabulary of a million incidents was a million numbers: each inserted into its
-- trigram index by every import, and a misspelt number's "nearest spelling" would be another record's number. A
-- number is still found where it is written: a search word the vocabulary does not hold is looked for as it is too
-- (search.queries.ts).
CREATE OR REPLACE FUNCTION search_vocabulary_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_vocabulary (word)
    SELECT DISTINCT w FROM added, regexp_split_to_table(added.search_key, '[[:space:]|,.;:!?()«»"''،؛؟/\-]+') AS w
    WHERE char_length(w) BETWEEN 3 AND 40 AND w !~ '^[0-9]+$'
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;--> statement-breakpoint
DELETE FROM search_vocabulary WHERE word ~ '^[0-9]+$';
