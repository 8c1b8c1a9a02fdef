import { and, eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import { queryRows } from "./client";
import { referenceCounters } from "./references.table";

const PREFIX = /^[A-Z]{2,6}$/;

/** The PostgreSQL sequence that numbers one prefix's references in one year, e.g. `reference_tsk_2026`. */
export const referenceSequence = (prefix: string, year: number) =>
  `reference_${prefix.toLowerCase()}_${year}`;

/** The year (Africa/Tripoli) a reference made at `now` carries. */
export const referenceYear = (now: Date) =>
  Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Africa/Tripoli" }).format(now));

async function take(tx: Db, name: string): Promise<number | null> {
  // nextval is strict: a sequence not created yet (to_regclass gives null) answers null, not an error that would
  // abort the caller's transaction.
  const [row] = await queryRows<{ n: string | null }>(
    tx,
    sql`select nextval(to_regclass(${name}))::text as n`,
  );
  return row?.n == null ? null : Number(row.n);
}

/**
 * Creates the sequence for a prefix and year on its first reference, in a savepoint of the caller's transaction.
 * It starts after the last number the counter table handed out (installations from before the sequences). Two
 * transactions creating the same sequence at once: the second waits for the first to commit and then finds it
 * (its own CREATE fails with a duplicate, which the savepoint undoes); if the first rolls back, the second's stands.
 */
async function createSequence(tx: Db, prefix: string, year: number, name: string): Promise<void> {
  const [seed] = await tx
    .select({ last: referenceCounters.last })
    .from(referenceCounters)
    .where(and(eq(referenceCounters.prefix, prefix), eq(referenceCounters.year, year)));
  const start = (seed?.last ?? 0) + 1;
  try {
    await tx.transaction(async (savepoint) => {
      // `name` is built from a checked prefix and a number: nothing from a request reaches this text
      await savepoint.execute(sql.raw(`create sequence if not exists ${name} as bigint start with ${start}`));
    });
  } catch (error) {
    const code =
      (error as { code?: unknown; cause?: { code?: unknown } }).cause?.code ??
      (error as { code?: unknown }).code;
    // 23505: the other transaction's catalogue row (pg_type/pg_class); 42P07: the relation already exists
    if (code !== "23505" && code !== "42P07") throw error;
  }
}

/**
 * Hands out the next readable reference, e.g. `USR-2026-000007`, inside the caller's transaction. Each prefix and
 * year has its own PostgreSQL sequence, created on the first reference of the year: `nextval` takes no lock that
 * lasts to commit, so concurrent creates on any number of connections and instances never queue behind each
 * other (a counter row did: its row lock was held until the creating transaction committed). Numbers are unique
 * and increase in the order handed out within a year; a transaction that rolls back leaves a gap.
 */
export async function nextReference(tx: Db, prefix: string, now: Date): Promise<string> {
  if (!PREFIX.test(prefix)) throw new Error(`reference prefix must be 2 to 6 capital letters: ${prefix}`);
  const year = referenceYear(now);
  const name = referenceSequence(prefix, year);
  let n = await take(tx, name);
  if (n === null) {
    await createSequence(tx, prefix, year, name);
    n = await take(tx, name);
  }
  if (n === null) throw new Error(`reference sequence ${name} not available`);
  return `${prefix}-${year}-${String(n).padStart(6, "0")}`;
}
