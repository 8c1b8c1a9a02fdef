import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { addDays, zonedDay } from "../../../common/dates";
import { LIMITS } from "../../../common/limits";
import type { CommitmentListQuery } from "../../../common/schemas/meetings";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { matchesSearch, pageWindow } from "../../http/pagination";
import { commitmentsVisibleTo, meetingVisibleColumn, type CommitmentRecord } from "./commitments.policy";
import { commitments } from "./commitments.table";
import { meetingAttendees, meetings } from "./meetings.table";

const OPEN = sql`${commitments.status} in ('open', 'in_progress')`;

/** A commitment row with its meeting (joined), the reader's view of that meeting, and the owner's name. */
function selectCommitments(db: Db, actor: Actor | null) {
  return db
    .select({
      commitment: commitments,
      meeting: {
        id: meetings.id,
        reference: meetings.reference,
        titleAr: meetings.titleAr,
        titleEn: meetings.titleEn,
        startsAt: meetings.startsAt,
        agencyId: meetings.agencyId,
        sensitivity: meetings.sensitivity,
      },
      meetingVisible: actor ? meetingVisibleColumn(actor) : sql<boolean>`true`,
      ownerName: meetingAttendees.name,
    })
    .from(commitments)
    .innerJoin(meetings, eq(meetings.id, commitments.meetingId))
    .leftJoin(meetingAttendees, eq(meetingAttendees.id, commitments.ownerAttendeeId));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectCommitments>["execute"]>>[number];
const toRecord = (r: Selected): CommitmentRecord => ({
  ...r.commitment,
  meeting: r.meeting,
  meetingVisible: Boolean(r.meetingVisible),
  ownerName: r.ownerName,
});

export async function findCommitment(
  db: Db,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CommitmentRecord> {
  const query = selectCommitments(db, actor).where(and(eq(commitments.id, id), commitmentsVisibleTo(actor)));
  const [row] = options.forUpdate ? await query.for("update", { of: commitments }) : await query;
  if (!row) throw new AppError("not_found");
  return toRecord(row);
}

/** A commitment read by the system (the demo seed, a CLI), without a reader's visibility. */
export async function loadCommitment(db: Db, id: string): Promise<CommitmentRecord> {
  const [row] = await selectCommitments(db, null).where(eq(commitments.id, id));
  if (!row) throw new AppError("not_found");
  return toRecord(row);
}

function dueFilter(due: CommitmentListQuery["due"], now: Date): SQL | undefined {
  if (!due) return undefined;
  const today = zonedDay(now);
  if (due === "overdue") return and(OPEN, sql`${commitments.dueOn} < ${today}`);
  return and(
    OPEN,
    sql`${commitments.dueOn} >= ${today}`,
    sql`${commitments.dueOn} < ${addDays(today, LIMITS.dueSoonDays)}`,
  );
}

export type CommitmentFilters = Partial<Omit<CommitmentListQuery, "page" | "pageSize">> & {
  /** Every match, unpaged (a meeting's page, the calendar, the minutes). */
  all?: boolean;
  page?: number;
  pageSize?: number;
  /** Only those with a due date in this window (days, inclusive). */
  dueFrom?: string;
  dueTo?: string;
};

export function commitmentFilters(actor: Actor, f: CommitmentFilters, now: Date): SQL | undefined {
  return and(
    commitmentsVisibleTo(actor),
    eq(meetings.isActive, true),
    f.ownerAgencyId ? eq(commitments.ownerAgencyId, f.ownerAgencyId) : undefined,
    f.agencyId ? eq(meetings.agencyId, f.agencyId) : undefined,
    f.meetingId ? eq(commitments.meetingId, f.meetingId) : undefined,
    f.status === "open_any" ? OPEN : f.status ? eq(commitments.status, f.status) : undefined,
    dueFilter(f.due, now),
    f.dueFrom ? sql`${commitments.dueOn} >= ${f.dueFrom}` : undefined,
    f.dueTo ? sql`${commitments.dueOn} <= ${f.dueTo}` : undefined,
    matchesSearch(commitments.searchKey, f.q),
  );
}

export async function listCommitments(db: Db, actor: Actor, f: CommitmentFilters, now: Date) {
  const where = commitmentFilters(actor, f, now);
  const dir = f.dir === "desc" ? "desc" : "asc";
  const order = f.meetingId
    ? [asc(commitments.position), asc(commitments.id)]
    : f.sort === "createdAt"
      ? [dir === "desc" ? desc(commitments.createdAt) : asc(commitments.createdAt), asc(commitments.id)]
      : [sql`${commitments.dueOn} ${sql.raw(dir)} nulls last`, asc(commitments.id)];
  const query = selectCommitments(db, actor)
    .where(where)
    .orderBy(...order);
  if (f.all) {
    const rows = await query.limit(LIMITS.calendarMax);
    return { rows: rows.map(toRecord), total: rows.length };
  }
  const { limit, offset } = pageWindow({
    page: f.page ?? 1,
    pageSize: f.pageSize ?? LIMITS.pageSizeDefault,
  });
  const [rows, [total]] = await Promise.all([
    query.limit(limit).offset(offset),
    db
      .select({ n: count() })
      .from(commitments)
      .innerJoin(meetings, eq(meetings.id, commitments.meetingId))
      .where(where),
  ]);
  return { rows: rows.map(toRecord), total: total?.n ?? 0 };
}

/** Open, overdue and due-soon commitments per owner agency (what the reader may see). */
export async function commitmentDueCounts(db: Db, actor: Actor, now: Date) {
  const today = zonedDay(now);
  const soon = addDays(today, LIMITS.dueSoonDays);
  return db
    .select({
      ownerAgencyId: commitments.ownerAgencyId,
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${commitments.dueOn} < ${today}))::int`,
      dueSoon: sql<number>`(count(*) filter (where ${commitments.dueOn} >= ${today} and ${commitments.dueOn} < ${soon}))::int`,
    })
    .from(commitments)
    .innerJoin(meetings, eq(meetings.id, commitments.meetingId))
    .where(and(OPEN, eq(meetings.isActive, true), commitmentsVisibleTo(actor)))
    .groupBy(commitments.ownerAgencyId)
    .orderBy(desc(sql`3`), desc(sql`2`));
}
