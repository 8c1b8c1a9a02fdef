import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Actor } from "../authz/actor";
import type { Db } from "../db/client";
import { pageWindow, type PageInput } from "../http/pagination";
import {
  mailOutbox,
  notificationPreferences,
  notifications,
  type NotificationRow,
} from "./notifications.table";

export async function listNotifications(
  db: Db,
  actor: Actor,
  query: PageInput & { unread?: "true" | "false" },
) {
  const mine = eq(notifications.userId, actor.userId);
  const where = and(mine, query.unread === "true" ? isNull(notifications.readAt) : undefined);
  const { limit, offset } = pageWindow(query);
  const [rows, [total], unread] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(notifications).where(where),
    unreadCount(db, actor),
  ]);
  return { rows, total: total?.n ?? 0, unread };
}

export async function unreadCount(db: Db, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks the actor's own notifications read (some, or all); never another user's. */
export async function markRead(db: Db, actor: Actor, now: Date, ids: string[] | "all") {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, actor.userId),
        isNull(notifications.readAt),
        ids === "all"
          ? undefined
          : inArray(notifications.id, ids.length ? ids : ["00000000-0000-0000-0000-000000000000"]),
      ),
    );
}

export async function emailEnabled(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return row?.emailEnabled ?? true;
}

export async function mailCounts(db: Db) {
  const rows = await db
    .select({ status: mailOutbox.status, n: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .groupBy(mailOutbox.status);
  const of = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  return { pending: of("pending"), sent: of("sent"), failed: of("failed") };
}

export function presentNotification(row: NotificationRow) {
  return {
    id: row.id,
    kind: row.kind,
    entity: row.entity,
    entityId: row.entityId,
    params: row.params,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
