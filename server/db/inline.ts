import { sql, type SQL } from "drizzle-orm";

/** What may be written into a statement's text: ids, codes and enum values (letters, digits, `_ . : -`), no quote. */
const PLAIN = /^[0-9A-Za-z_.:-]{1,64}$/;

/**
 * A value written into the statement's text rather than sent as a parameter, for the few values that pick a
 * reader's rows: the reader's agency, a sensitivity, an incident type or district, `is_active = true`.
 *
 * Why: Tansiq names every statement, so PostgreSQL prepares it once per connection. A statement with parameters is
 * planned again on every request whenever its generic plan looks dearer than a plan made for the values, and a list
 * filtered by the reader's agency and a type always looks so (skewed columns): 0.5 ms of planning for 0.36 ms of
 * work per page at a million incidents. A statement with the values in its text is planned once, for those values,
 * and its plan kept. The texts stay few (agencies × filters in use) and the pool bounds what each connection keeps.
 *
 * Only a value that could never need quoting is written out (it cannot change the statement's meaning); anything
 * else goes as a parameter, as before.
 */
export function inline(value: string | boolean): SQL {
  if (typeof value === "boolean") return sql.raw(value ? "true" : "false");
  return PLAIN.test(value) ? sql.raw(`'${value}'`) : sql`${value}`;
}
