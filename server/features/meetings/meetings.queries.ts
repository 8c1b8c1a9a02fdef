import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { startOfZonedDay, addDays } from "../../../common/dates";
import type { MeetingListQuery } from "../../../common/schemas/meetings";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { matchesSearch, pageWindow } from "../../http/pagination";
import { listCommitments } from "./commitments.queries";
import { honoursVisibleTo, meetingsVisibleTo } from "./meetings.policy";
import { honours } from "./honours.table";
import {
  meetingAgendaItems,
  meetingAttendees,
  meetingStatements,
  meetings,
  type AttendeeRow,
  type MeetingRow,
} from "./meetings.table";

export async function findMeeting(
  db: Db,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<MeetingRow> {
  const query = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), meetingsVisibleTo(actor)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw new AppError("not_found");
  return row;
}

/** The instant a Tripoli day starts, for period filters. */
const dayStart = (day: string) => startOfZonedDay(day) ?? new Date(`${day}T00:00:00Z`);

export function meetingFilters(actor: Actor, q: Omit<MeetingListQuery, "page" | "pageSize">) {
  return and(
    meetingsVisibleTo(actor),
    eq(meetings.isActive, true),
    q.agencyId ? eq(meetings.agencyId, q.agencyId) : undefined,
    q.districtPcode ? eq(meetings.districtPcode, q.districtPcode) : undefined,
    q.from ? sql`${meetings.startsAt} >= ${dayStart(q.from).toISOString()}::timestamptz` : undefined,
    q.to ? sql`${meetings.startsAt} < ${dayStart(addDays(q.to, 1)).toISOString()}::timestamptz` : undefined,
    matchesSearch(meetings.searchKey, q.q),
  );
}

export async function listMeetings(db: Db, actor: Actor, query: MeetingListQuery) {
  const where = meetingFilters(actor, query);
  const { limit, offset } = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(meetings)
      .where(where)
      .orderBy(desc(meetings.startsAt), desc(meetings.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(meetings).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The host attendee of each meeting, by meeting id. */
export async function hostsOf(db: Db, meetingIds: string[]): Promise<Map<string, AttendeeRow>> {
  if (meetingIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(meetingAttendees)
    .where(and(inArray(meetingAttendees.meetingId, meetingIds), eq(meetingAttendees.role, "host")));
  return new Map(rows.map((r) => [r.meetingId, r]));
}

export async function attendeesOf(db: Db, meetingId: string): Promise<AttendeeRow[]> {
  return db
    .select()
    .from(meetingAttendees)
    .where(eq(meetingAttendees.meetingId, meetingId))
    .orderBy(asc(meetingAttendees.position), asc(meetingAttendees.id));
}

/** Every part of a meeting page; honours filtered by what the actor may see. */
export async function meetingParts(db: Db, actor: Actor, meeting: MeetingRow, now: Date) {
  const [agenda, attendees, statements, commitmentList, honourRows] = await Promise.all([
    db
      .select()
      .from(meetingAgendaItems)
      .where(eq(meetingAgendaItems.meetingId, meeting.id))
      .orderBy(asc(meetingAgendaItems.position)),
    attendeesOf(db, meeting.id),
    db
      .select()
      .from(meetingStatements)
      .where(eq(meetingStatements.meetingId, meeting.id))
      .orderBy(asc(meetingStatements.position), asc(meetingStatements.id)),
    // On the meeting's own page every commitment of it is visible: the meeting is.
    listCommitments(db, actor, { meetingId: meeting.id, all: true }, now),
    db
      .select()
      .from(honours)
      .where(and(eq(honours.meetingId, meeting.id), honoursVisibleTo(actor)))
      .orderBy(asc(honours.awardedOn), asc(honours.reference)),
  ]);
  return { agenda, attendees, statements, commitments: commitmentList.rows, honours: honourRows };
}
export type MeetingParts = Awaited<ReturnType<typeof meetingParts>>;
