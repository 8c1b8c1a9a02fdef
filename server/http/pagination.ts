import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { foldArabic } from "../../common/arabic";

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

/** Arabic-aware substring match on a folded search key (served by its trigram index). */
export function matchesSearch(column: PgColumn, q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const folded = foldArabic(q);
  if (!folded) return undefined;
  const escaped = folded.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`${column} like ${`%${escaped}%`}`;
}

/** `active` | `inactive` | `all` → a condition on is_active. */
export function activeFilter(column: PgColumn, status: "active" | "inactive" | "all"): SQL | undefined {
  if (status === "all") return undefined;
  return sql`${column} = ${status === "active"}`;
}
