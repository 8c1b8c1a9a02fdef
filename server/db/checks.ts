import { sql } from "drizzle-orm";
import { check, type CheckBuilder } from "drizzle-orm/pg-core";

type ClosedList = { enumValues?: readonly string[] | undefined };
// In a table's extra config the columns are drizzle's ExtraConfigColumn: the closed list is in their config.
type Columns = Record<string, ClosedList & { name: string }>;

function closedList(column: Columns[string]): readonly string[] {
  return column.enumValues ?? (column as { config?: ClosedList }).config?.enumValues ?? [];
}

/**
 * One CHECK constraint per closed-list text column of a table (every `text(…, { enum })`), named
 * `<table>_<column>_check`, so that the database refuses a value the code would not write. A new table adds
 * `...enumChecks("my_table", t)` to its extra config; `checks.test.ts` fails for a
 * closed-list column that no CHECK constraint mentions.
 */
export function enumChecks(table: string, columns: Columns): CheckBuilder[] {
  return Object.values(columns)
    .filter((column) => closedList(column).length > 0)
    .map((column) => enumCheck(table, column));
}

/** The CHECK constraint of one closed-list column (where a table already checks its other columns). */
export function enumCheck(table: string, column: Columns[string]): CheckBuilder {
  const values = closedList(column)
    .map((v) => `'${v.replaceAll("'", "''")}'`)
    .join(", ");
  return check(enumCheckName(table, column.name), sql.raw(`"${column.name}" in (${values})`));
}

export function enumCheckName(table: string, column: string): string {
  return `${table}_${column}_check`;
}
