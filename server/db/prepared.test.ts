import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../features/agencies/agencies.table";
import { createTestDatabase } from "../test/database";
import { buildAgency } from "../test/factories";
import { openDatabase, queryRows, type Database } from "./client";

// The pg pool prepares each query once per connection (client.ts, preparedByText). These run on PostgreSQL
// only (the PostgreSQL pass of CI); PGlite has no connections to prepare on.
describe.runIf(process.env.DATABASE_URL)("statements prepared per connection (PostgreSQL)", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("prepares a query once and reuses it; DDL and transaction control are not prepared", async () => {
    const agency = await buildAgency(database.db);
    await database.db.transaction(async (tx) => {
      const q = () => tx.select({ code: agencies.code }).from(agencies).where(eq(agencies.id, agency.id));
      expect(await q()).toEqual([{ code: agency.code }]);
      expect(await q()).toEqual([{ code: agency.code }]);
      const names = await queryRows<{ name: string; statement: string }>(
        tx,
        sql`select name, statement from pg_prepared_statements`,
      );
      const mine = names.filter((n) => n.statement.startsWith('select "code" from "agencies"'));
      expect(mine).toHaveLength(1);
      expect(names.every((n) => !/^\s*(begin|commit|create|alter)/i.test(n.statement))).toBe(true);
    });
  });

  it("a statement the server has dropped, or made stale by DDL, is run again instead of failing", async () => {
    const agency = await buildAgency(database.db);
    // One connection, so that the statements below reach the session that prepared the query.
    const single = await openDatabase({
      engine: "postgres",
      url: database.pool!.options.connectionString!,
      poolSize: 1,
    });
    try {
      const q = () =>
        single.db.select({ code: agencies.code }).from(agencies).where(eq(agencies.id, agency.id));
      expect(await q()).toEqual([{ code: agency.code }]);
      await single.pool!.query("deallocate all"); // what a pooler in transaction mode, or DISCARD, does
      expect(await q()).toEqual([{ code: agency.code }]);
      expect(await q()).toEqual([{ code: agency.code }]); // prepared again
      await single.pool!.query("alter table agencies alter column code type varchar(64)");
      expect(await q()).toEqual([{ code: agency.code }]);
      // Inside a transaction the failed attempt aborts it: that transaction fails, the next one works.
      await single.pool!.query("deallocate all");
      await expect(
        single.db.transaction(async (tx) => tx.select().from(agencies).limit(1)),
      ).resolves.toHaveLength(1);
      const inTx = () =>
        single.db.transaction(async (tx) =>
          tx.select({ code: agencies.code }).from(agencies).where(eq(agencies.id, agency.id)),
        );
      await single.pool!.query("deallocate all");
      await inTx().catch(() => null);
      expect(await inTx()).toEqual([{ code: agency.code }]);
    } finally {
      await single.close();
    }
  });
});
