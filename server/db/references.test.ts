import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../test/database";
import { queryRows, type Database, type Db } from "./client";
import { referenceCounters } from "./references.table";
import { nextReference } from "./references";

// References: unique and increasing per prefix and year (Africa/Tripoli), gaps where a transaction rolled back,
// and — on PostgreSQL — no transaction waits for another's reference (issue 10, item 10: the soak's 503s).

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const at = (iso: string) => new Date(iso);
const inTransaction = <T>(work: (tx: Db) => Promise<T>) => database.db.transaction((tx) => work(tx));

/** Resolves when `release()` is called: holds a transaction open. */
function gate() {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => (release = resolve));
  return { opened, release };
}

describe("references", () => {
  it("count up per prefix and restart each year, the year taken in Tripoli", async () => {
    const now = at("2030-06-01T10:00:00Z");
    const first = await inTransaction((tx) => nextReference(tx, "TSK", now));
    const second = await inTransaction((tx) => nextReference(tx, "TSK", now));
    const other = await inTransaction((tx) => nextReference(tx, "PLN", now));
    expect([first, second, other]).toEqual(["TSK-2030-000001", "TSK-2030-000002", "PLN-2030-000001"]);
    // 23:30 UTC on 31 December is already the new year in Tripoli (UTC+2)
    expect(await inTransaction((tx) => nextReference(tx, "TSK", at("2030-12-31T23:30:00Z")))).toBe(
      "TSK-2031-000001",
    );
    expect(await inTransaction((tx) => nextReference(tx, "TSK", now))).toBe("TSK-2030-000003");
  });

  it("leave a gap where a transaction rolled back, never a duplicate", async () => {
    const now = at("2032-03-01T10:00:00Z");
    expect(await inTransaction((tx) => nextReference(tx, "INC", now))).toBe("INC-2032-000001");
    // the first reference of another prefix and year rolls back with the sequence it created
    await expect(
      inTransaction(async (tx) => {
        await nextReference(tx, "INC", now);
        await nextReference(tx, "BRD", now);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await inTransaction((tx) => nextReference(tx, "INC", now))).toBe("INC-2032-000003");
    expect(await inTransaction((tx) => nextReference(tx, "BRD", now))).toBe("BRD-2032-000001");
  });

  it("continue after the counter an older version kept", async () => {
    await database.db.insert(referenceCounters).values({ prefix: "PRB", year: 2033, last: 41 });
    expect(await inTransaction((tx) => nextReference(tx, "PRB", at("2033-05-05T08:00:00Z")))).toBe(
      "PRB-2033-000042",
    );
  });

  it("refuse a prefix that could not name a sequence", async () => {
    await expect(inTransaction((tx) => nextReference(tx, "x; drop table tasks", new Date()))).rejects.toThrow(
      /prefix/,
    );
  });
});

describe.runIf(process.env.DATABASE_URL)("references under concurrency (PostgreSQL)", () => {
  it("a transaction holding a reference does not make another wait", async () => {
    const now = at("2034-02-01T10:00:00Z");
    expect(await inTransaction((tx) => nextReference(tx, "TSK", now))).toBe("TSK-2034-000001");
    const holder = gate();
    const taken = gate();
    let held = "";
    const slow = inTransaction(async (tx) => {
      held = await nextReference(tx, "TSK", now);
      taken.release();
      await holder.opened; // still open, as a create is until its commit
    });
    await taken.opened;
    // before the sequences, this waited on the counter row's lock until the first transaction ended
    const quick = await inTransaction(async (tx) => {
      await tx.execute(sql`set local lock_timeout = '1s'`);
      await tx.execute(sql`set local statement_timeout = '2s'`);
      return nextReference(tx, "TSK", now);
    });
    holder.release();
    await slow;
    expect(held).toBe("TSK-2034-000002");
    expect(quick).toBe("TSK-2034-000003");
  });

  it("50 creates on 8 connections at once: distinct, and increasing in the order handed out", async () => {
    const now = at("2035-07-01T10:00:00Z");
    const references = await Promise.all(
      Array.from({ length: 50 }, () => inTransaction((tx) => nextReference(tx, "MTG", now))),
    );
    expect(new Set(references).size).toBe(50);
    expect([...references].sort()).toEqual(
      Array.from({ length: 50 }, (_, i) => `MTG-2035-${String(i + 1).padStart(6, "0")}`),
    );
  });

  it("two transactions creating the same year's sequence: the second waits for the first, then follows it", async () => {
    const now = at("2036-01-10T10:00:00Z");
    for (const outcome of ["commit", "rollback"] as const) {
      const prefix = outcome === "commit" ? "CMT" : "HON";
      const holder = gate();
      const taken = gate();
      const first = inTransaction(async (tx) => {
        const reference = await nextReference(tx, prefix, now);
        taken.release();
        await holder.opened;
        if (outcome === "rollback") throw new Error("rolled back");
        return reference;
      }).catch((error: Error) => error.message);
      await taken.opened;
      const second = inTransaction((tx) => nextReference(tx, prefix, now));
      await new Promise((resolve) => setTimeout(resolve, 200));
      holder.release();
      if (outcome === "commit")
        expect([await first, await second]).toEqual([`${prefix}-2036-000001`, `${prefix}-2036-000002`]);
      else expect([await first, await second]).toEqual(["rolled back", `${prefix}-2036-000001`]);
    }
    const sequences = await queryRows<{ name: string }>(
      database.db,
      sql`select sequencename as name from pg_sequences where sequencename like 'reference_%_2036' order by 1`,
    );
    expect(sequences.map((s) => s.name)).toEqual(["reference_cmt_2036", "reference_hon_2036"]);
  });
});
