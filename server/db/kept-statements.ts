import type { Db } from "./client";

type Built<R> = { execute(placeholders?: Record<string, unknown>): Promise<R> };
type Buildable<R> = { prepare(name: string): Built<R> };

/** How many built statements each database keeps; past it, the one used least recently is dropped. */
const KEPT_PER_DATABASE = 500;
const kept = new WeakMap<Db, Map<string, Built<unknown>>>();

/**
 * A query built once for its key and run again as built: drizzle's building of a list's select (its thirty columns,
 * the filters and the visibility rule) costs about 0.3 ms of the server's CPU on every request, as much as
 * PostgreSQL spends running it. Lists are read again and again with the same filters (a desk refreshing its list,
 * the staff of one agency opening the same page), so each (reader class, query) is built once and kept.
 *
 * The key must decide the statement completely, text and parameters: a feature's visibility key (its policy's
 * classes of readers who see the same rows, e.g. `incidentVisibilityKey`) and the whole query as parsed. Rows are
 * read from the database on every call; only the statement is kept.
 */
export function keptStatement<R>(db: Db, key: string, build: () => Buildable<R>): Built<R> {
  let statements = kept.get(db);
  if (!statements) kept.set(db, (statements = new Map()));
  const found = statements.get(key) as Built<R> | undefined;
  if (found) {
    statements.delete(key); // to the end: the most recently used
    statements.set(key, found);
    return found;
  }
  // No name: the connection names it by its text, within its bound of prepared statements (db/client.ts).
  const built = build().prepare("");
  statements.set(key, built);
  if (statements.size > KEPT_PER_DATABASE) statements.delete(statements.keys().next().value as string);
  return built;
}
