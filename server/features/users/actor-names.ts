import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { users } from "./users.table";

export type ActorName = { ar: string; en: string };

/** The people behind a page of audit events, timeline entries or history rows, by user id: one query for the page, not one per row. */
export async function actorNames(
  db: Db,
  actorIds: readonly (string | null)[],
): Promise<Map<string, ActorName>> {
  const ids = [...new Set(actorIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, ar: users.displayNameAr, en: users.displayNameEn })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, { ar: r.ar, en: r.en }]));
}
