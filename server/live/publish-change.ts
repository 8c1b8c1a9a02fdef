import { sql } from "drizzle-orm";
import type { Db } from "../db/client";

export const LIVE_CHANNEL = "tansiq_live";
export type LiveChange = { entity: string; id: string; planId?: string | null };

/**
 * Announces a change inside the writing transaction: PostgreSQL delivers NOTIFY only at commit (and drops it on
 * rollback), to every instance listening on the channel. The payload names the record, never its content:
 * clients refetch through their own permissions.
 */
export async function publishChange(tx: Db, change: LiveChange): Promise<void> {
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(change)})`);
}
