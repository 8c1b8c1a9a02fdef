import { index, pgTable, text } from "drizzle-orm/pg-core";

/**
 * Every word (three to forty characters, not digits only) of every search key of the searched tables, folded as the
 * keys are: the vocabulary a misspelt search is matched against by trigram similarity, before the records are
 * searched with the words found (search.queries.ts). Filled by statement triggers on the searched tables (migrations
 * 0013 and 0018), so every writer — the app, an import, a seeder — keeps it; words are never removed (a word that no
 * longer finds anything finds nothing). Numbers are left out: a misspelt number's nearest spelling would be another
 * record's number, and a number is found anyway, being looked for as written when the vocabulary does not hold it.
 */
export const searchVocabulary = pgTable(
  "search_vocabulary",
  {
    word: text("word").primaryKey(),
  },
  (t) => [index("search_vocabulary_word_idx").using("gin", t.word.op("gin_trgm_ops"))],
);
