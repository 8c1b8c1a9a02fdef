import { sql, type SQL } from "drizzle-orm";
import { check, type PgColumn } from "drizzle-orm/pg-core";

// CHECK constraints for enum-like and range columns: the database refuses what the API schemas refuse, so a
// bug or a hand-written SQL statement cannot store a status the code does not know.

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** `column in (...)`: the column holds one of a closed list (NULL passes, as NOT NULL says otherwise). */
export function oneOfCheck(name: string, column: PgColumn, values: readonly string[]) {
  return check(name, sql`${column} in (${sql.raw(values.map(literal).join(", "))})`);
}

/** `low <= column <= high` (NULL passes). */
export function rangeCheck(name: string, column: PgColumn, low: number, high: number) {
  return check(name, sql`${column} between ${sql.raw(String(low))} and ${sql.raw(String(high))}`);
}

export function condition(name: string, expression: SQL) {
  return check(name, expression);
}
