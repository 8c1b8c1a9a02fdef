import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromPglite, plannedForItsValues, queryRows, type Database } from "./client";
import { prepareStatements } from "./pglite-statements";

// The embedded database prepares each query once by its text (prepareStatements): the same rows as PGlite's own
// path, errors as they were, and a statement that went stale (a migration, DEALLOCATE) run again, never an error.
describe("statements prepared on the embedded database", () => {
  let database: Database;
  let client: PGlite;
  const prepared = async () =>
    (
      await client.query<{ statement: string }>("/* listing */ select statement from pg_prepared_statements")
    ).rows.map((r) => r.statement);

  beforeAll(async () => {
    client = await PGlite.create();
    await client.exec(`create table notes (id int primary key, title text not null, due date, at timestamptz);
      insert into notes select i, 'note ' || i, date '2026-12-01' + i, timestamptz '2026-12-04 10:00+00' + i * interval '1 hour'
      from generate_series(1, 20) i;`);
    database = fromPglite(client);
  });
  afterAll(() => database.close());

  it("prepares a query once and returns what PGlite's own path returns, parameters and types included", async () => {
    const query = sql`select id, title, due, at from notes where id > ${15} and (${null}::text is null) order by id`;
    const first = await queryRows<{ id: number; title: string; due: string; at: string }>(database.db, query);
    const again = await queryRows<(typeof first)[number]>(database.db, query);
    const unnamed = await queryRows<(typeof first)[number]>(database.db, plannedForItsValues(query));
    expect(first.map((r) => r.id)).toEqual([16, 17, 18, 19, 20]);
    expect(again).toEqual(first);
    expect(unnamed).toEqual(first);
    // Drizzle's parsers for raw queries (timestamps as text) apply on this path too.
    expect(first[0]).toEqual({ id: 16, title: "note 16", due: "2026-12-17", at: "2026-12-05 02:00:00+00" });
    const statements = await prepared();
    expect(statements.filter((s) => s.includes("from notes where id >"))).toHaveLength(1);
    expect(statements.some((s) => s.includes("planned for its values"))).toBe(false);
  });

  it("keeps the database's errors, and the next query runs", async () => {
    const insert = (id: number) =>
      database.db.execute(sql`insert into notes (id, title) values (${id}, ${"x"})`);
    await insert(100);
    const failure = await insert(100).catch((error: unknown) => error);
    const cause = (failure as { cause?: { code?: string } }).cause ?? failure;
    expect((cause as { code?: string }).code).toBe("23505");
    expect(await queryRows(database.db, sql`select id from notes where id = ${100}`)).toHaveLength(1);
  });

  it("runs a statement that went stale (its table changed, or the database dropped it) without an error", async () => {
    const titles = sql`select id, title from notes where id <= ${2} order by id`;
    expect(await queryRows(database.db, titles)).toEqual([
      { id: 1, title: "note 1" },
      { id: 2, title: "note 2" },
    ]);
    await client.exec("alter table notes alter column id type bigint");
    expect((await queryRows<{ id: unknown }>(database.db, titles)).map((r) => Number(r.id))).toEqual([1, 2]);
    await client.exec("deallocate all");
    expect(await queryRows(database.db, titles)).toHaveLength(2);
    expect(await queryRows(database.db, titles)).toHaveLength(2);
  });

  it("prepares a text the second time it runs, keeps the ones in use and closes the one used longest ago", async () => {
    const small = await PGlite.create();
    try {
      await small.exec(
        "create table t (id int primary key, v text); insert into t values (1, 'a'), (2, 'b');",
      );
      prepareStatements(small, 3);
      const names = async () =>
        (
          await small.query<{ statement: string }>(
            "/* listing */ select statement from pg_prepared_statements",
          )
        ).rows
          .map((r) => r.statement)
          .filter((s) => !s.includes("listing"));
      const hot = "select v from t where id = $1";
      await small.query(hot, [1]);
      expect(await names(), "a text run once is not prepared").toEqual([]);
      await small.query(hot, [1]);
      expect(await names()).toEqual([hot]);
      for (let i = 0; i < 10; i++) {
        const text = `select v, ${i} as n from t where id = $1`;
        expect((await small.query<{ v: string }>(text, [2])).rows[0]!.v).toBe("b");
        expect((await small.query<{ v: string }>(text, [2])).rows[0]!.v).toBe("b");
        expect((await small.query<{ v: string }>(hot, [1])).rows[0]!.v).toBe("a");
        const now = await names();
        expect(now.length, `after ${i + 1} texts`).toBeLessThanOrEqual(3);
        expect(now, "the statement in use stays prepared").toContain(hot);
      }
      // A column's new type refuses the parameter types the statement was prepared with: run again, not an error.
      await small.exec("alter table t alter column id type text using id::text");
      expect((await small.query<{ v: string }>(hot, ["1"])).rows).toEqual([{ v: "a" }]);
      expect((await small.query<{ v: string }>(hot, ["1"])).rows).toEqual([{ v: "a" }]);
      // A query wrong in itself keeps its own error.
      const wrong = "select v from t where id = $1 and no_such_column = 1";
      for (let i = 0; i < 2; i++)
        expect(((await small.query(wrong, ["1"]).catch((e: unknown) => e)) as { code?: string }).code).toBe(
          "42703",
        );
    } finally {
      await small.close();
    }
  });

  it("leaves transactions to PGlite: a rolled-back write is gone", async () => {
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into notes (id, title) values (${200}, ${"y"})`);
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(await queryRows(database.db, sql`select id from notes where id = ${200}`)).toEqual([]);
  });
});
