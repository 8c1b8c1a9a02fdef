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

/**
 * Tells each of these users that they have a new notification (`{entity: "notification", id: <their user id>}`),
 * in one statement. The stream sends it to that user only, whose bell refetches; nobody else's does.
 */
export async function publishNotifications(tx: Db, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await tx.execute(
    sql`select pg_notify(${LIVE_CHANNEL}, json_build_object('entity', 'notification', 'id', u)::text)
        from json_array_elements_text(${JSON.stringify(userIds)}::json) as u`,
  );
}
