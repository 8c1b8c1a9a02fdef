import { sql, type SQL } from "drizzle-orm";
import { check, type CheckBuilder, type PgColumn } from "drizzle-orm/pg-core";

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

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** `column in (...)` for a column whose closed list is not its own `enum` (NULL passes, as NOT NULL says otherwise). */
export function oneOfCheck(name: string, column: PgColumn, values: readonly string[]) {
  return check(name, sql`${column} in (${sql.raw(values.map(literal).join(", "))})`);
}

/** `low <= column <= high` (NULL passes). */
export function rangeCheck(name: string, column: PgColumn, low: number, high: number) {
  return check(name, sql`${column} between ${sql.raw(String(low))} and ${sql.raw(String(high))}`);
}

/** Any other rule between a row's columns. */
export function condition(name: string, expression: SQL) {
  return check(name, expression);
}
