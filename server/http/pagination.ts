import { and, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { foldArabic, searchWords } from "../../common/arabic";

export type PageInput = { page: number; pageSize: number };

export function pageWindow(input: PageInput) {
  return { limit: input.pageSize, offset: (input.page - 1) * input.pageSize };
}

/**
 * A page's row count written into the statement, for `.limit()`, rather than sent as a parameter. With `limit $n`
 * PostgreSQL costs a prepared statement's generic plan as if a tenth of every matching row were read, finds it dearer
 * than a plan made for the values and so plans the statement again on every request (0.8 ms of PostgreSQL per page of
 * the region's overdue tasks, more than running it). Page sizes are few, so the statements stay few.
 */
export function literalLimit(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`not a row count: ${limit}`);
  // Drizzle writes an SQL object given as the limit into the statement as it is.
  return sql.raw(String(limit)) as unknown as number;
}

/**
 * A page's offset for `.offset()`: written into the statement for the first pages, which are the ones read (a
 * parameter offset makes PostgreSQL plan the statement again on every request, as `limit $n` does), and sent as a
 * parameter beyond them, so that paging deep into a long list does not fill each connection's prepared statements.
 */
export function literalOffset(offset: number, pageSize: number): number {
  return offset < 5 * pageSize ? literalLimit(offset) : offset;
}

export function pageOf(input: PageInput, total: number) {
  return { page: input.page, pageSize: input.pageSize, total };
}

/** A word as a LIKE pattern: anywhere in the text, its own `%`, `_` and `\\` taken literally. */
export const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Another way a word of a search may match a record than its search key (an incident's district by its name). */
export type AlsoMatches = (word: string) => SQL | undefined;

/** One word of a search, or any of its `alternatives`, in a folded search key (its trigram index), or `also`. */
export function matchesWord(column: PgColumn, alternatives: readonly string[], also?: AlsoMatches): SQL {
  const ways = alternatives.flatMap((word) => {
    const other = also?.(word);
    return [sql`${column} like ${likePattern(word)}`, ...(other ? [other] : [])];
  });
  return ways.length === 1 ? ways[0]! : sql`(${sql.join(ways, sql` or `)})`;
}

/**
 * Arabic-aware match of a list's search on a folded search key: every word of it (as `searchWords` takes them:
 * folded, without the article) somewhere in the key, in any order — the reading of a search the search across Tansiq
 * makes, so that its "all of this kind" link opens the list on the same records.
 */
export function matchesSearch(column: PgColumn, q: string | undefined, also?: AlsoMatches): SQL | undefined {
  if (!q) return undefined;
  const words = searchWords(q);
  // Only punctuation: nothing is found (not the whole list).
  if (words.length === 0) return sql`false`;
  // Words all under three letters: as one piece of text, which the trigram index can serve (each word alone it
  // cannot: a scan of the whole table).
  if (words.every((word) => word.length < 3)) return matchesWord(column, [foldArabic(q)]);
  return and(...words.map((word) => matchesWord(column, [word], also)));
}

/** `active` | `inactive` | `all` → a condition on is_active. */
export function activeFilter(column: PgColumn, status: "active" | "inactive" | "all"): SQL | undefined {
  if (status === "all") return undefined;
  return sql`${column} = ${status === "active"}`;
}
