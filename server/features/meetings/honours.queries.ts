import { and, count, desc, eq, sql } from "drizzle-orm";
import type { HonourListQuery } from "../../../common/schemas/meetings";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { matchesSearch, pageWindow } from "../../http/pagination";
import { honoursVisibleTo } from "./meetings.policy";
import { honours, type HonourRow } from "./honours.table";

export async function findHonour(
  db: Db,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<HonourRow> {
  const query = db
    .select()
    .from(honours)
    .where(and(eq(honours.id, id), honoursVisibleTo(actor)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw new AppError("not_found");
  return row;
}

export async function listHonours(db: Db, actor: Actor, q: HonourListQuery) {
  const where = and(
    honoursVisibleTo(actor),
    eq(honours.isActive, true),
    q.agencyId ? eq(honours.agencyId, q.agencyId) : undefined,
    q.kind ? eq(honours.kind, q.kind) : undefined,
    q.meetingId ? eq(honours.meetingId, q.meetingId) : undefined,
    q.recipientPersonId ? eq(honours.recipientPersonId, q.recipientPersonId) : undefined,
    q.recipientAgencyId ? eq(honours.recipientAgencyId, q.recipientAgencyId) : undefined,
    q.from ? sql`${honours.awardedOn} >= ${q.from}` : undefined,
    q.to ? sql`${honours.awardedOn} <= ${q.to}` : undefined,
    matchesSearch(honours.searchKey, q.q),
  );
  const { limit, offset } = pageWindow(q);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(honours)
      .where(where)
      .orderBy(desc(honours.awardedOn), desc(honours.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(honours).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
