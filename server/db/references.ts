import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { referenceCounters } from "./references.table";

/** Hands out the next readable reference, e.g. `USR-2026-000007`, inside the caller's transaction. */
export async function nextReference(tx: Db, prefix: string, now: Date): Promise<string> {
  const year = Number(
    new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Africa/Tripoli" }).format(now),
  );
  const [row] = await tx
    .insert(referenceCounters)
    .values({ prefix, year, last: 1 })
    .onConflictDoUpdate({
      target: [referenceCounters.prefix, referenceCounters.year],
      set: { last: sql`${referenceCounters.last} + 1` },
    })
    .returning({ last: referenceCounters.last });
  if (!row) throw new Error("reference counter not returned");
  return `${prefix}-${year}-${String(row.last).padStart(6, "0")}`;
}
