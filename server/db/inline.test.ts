import { PgDialect } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { inline } from "./inline";

const render = (value: string | boolean) => {
  const { sql: text, params } = new PgDialect().sqlToQuery(sql`x = ${inline(value)}`);
  return { sql: text, params };
};

describe("inline", () => {
  it("writes ids, codes and enum values into the statement", () => {
    expect(render("01a241c7-7b9d-7773-90fe-fe5be206e0cb")).toEqual({
      sql: "x = '01a241c7-7b9d-7773-90fe-fe5be206e0cb'",
      params: [],
    });
    expect(render("LY0104")).toEqual({ sql: "x = 'LY0104'", params: [] });
    expect(render(true)).toEqual({ sql: "x = true", params: [] });
  });

  it("sends anything else as a parameter", () => {
    for (const value of ["a'b", "امساعد", "a b", "", "x".repeat(65), "1;drop table users"]) {
      expect(render(value)).toEqual({ sql: "x = $1", params: [value] });
    }
  });
});
