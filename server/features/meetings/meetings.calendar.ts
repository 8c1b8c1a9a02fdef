import { and, asc, eq } from "drizzle-orm";
import { addDays, zonedDay } from "../../../common/dates";
import { DISTRICTS } from "../../../common/districts";
import type { CommitmentStatus, Language } from "../../../common/enums";
import { LIMITS } from "../../../common/limits";
import type { CalendarQuery } from "../../../common/schemas/meetings";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { translate } from "../../http/i18n";
import { listCommitments } from "./commitments.queries";
import type { CommitmentRecord } from "./commitments.policy";
import { calendar, component, dateStamp, utcStamp, type CalendarProperty } from "./ical";
import { meetingFilters } from "./meetings.queries";
import { meetings, type MeetingRow } from "./meetings.table";

/** How far back the feed reaches when no `from` is given. */
const DEFAULT_DAYS_BACK = 180;

const TODO_STATUS: Record<CommitmentStatus, string> = {
  open: "NEEDS-ACTION",
  in_progress: "IN-PROCESS",
  done: "COMPLETED",
  dropped: "CANCELLED",
};

const uid = (id: string) => `${id}@tansiq`;

function meetingEvent(m: MeetingRow, language: Language, now: Date): string[] {
  const district = DISTRICTS.find((d) => d.pcode === m.districtPcode);
  const districtName = district ? (language === "en" ? district.nameEn : district.nameAr) : null;
  const location = [m.placeText, districtName].filter(Boolean).join(", ");
  const title = language === "en" ? (m.titleEn ?? m.titleAr) : m.titleAr;
  const properties: CalendarProperty[] = [
    ["UID", uid(m.id), true],
    ["DTSTAMP", utcStamp(now), true],
    ["DTSTART", utcStamp(m.startsAt), true],
    ...(m.endsAt ? ([["DTEND", utcStamp(m.endsAt), true]] as CalendarProperty[]) : []),
    ["SUMMARY", title],
    ...(location ? ([["LOCATION", location]] as CalendarProperty[]) : []),
    ["DESCRIPTION", [m.reference, m.summary].filter(Boolean).join("\n")],
    ["CLASS", m.sensitivity === "restricted" ? "CONFIDENTIAL" : "PUBLIC", true],
    ["LAST-MODIFIED", utcStamp(m.updatedAt), true],
  ];
  return component("VEVENT", properties);
}

function commitmentTodo(c: CommitmentRecord, language: Language, now: Date): string[] {
  const meeting = c.meetingVisible
    ? `${c.meeting.reference} ${language === "en" ? (c.meeting.titleEn ?? c.meeting.titleAr) : c.meeting.titleAr}`
    : null;
  const properties: CalendarProperty[] = [
    ["UID", uid(c.id), true],
    ["DTSTAMP", utcStamp(now), true],
    ["DUE;VALUE=DATE", dateStamp(c.dueOn!), true],
    ["SUMMARY", `${translate(language, "meetings.calendarDue", { reference: c.reference })}: ${c.text}`],
    ["DESCRIPTION", [c.text, meeting].filter(Boolean).join("\n")],
    ["STATUS", TODO_STATUS[c.status], true],
    ...(c.meetingVisible ? ([["RELATED-TO", uid(c.meetingId), true]] as CalendarProperty[]) : []),
    ["LAST-MODIFIED", utcStamp(c.updatedAt), true],
  ];
  return component("VTODO", properties);
}

/**
 * The iCalendar feed of what the actor may see: meetings starting in the window (from 180 days ago by default)
 * as VEVENTs in UTC, and the due dates of their commitments as VTODOs; or one meeting with its commitments.
 */
export async function meetingsCalendar(
  db: Db,
  actor: Actor,
  query: CalendarQuery & { meetingId?: string },
  now: Date,
): Promise<string> {
  const from = query.from ?? addDays(zonedDay(now), -DEFAULT_DAYS_BACK);
  const where = query.meetingId
    ? and(meetingFilters(actor, {}), eq(meetings.id, query.meetingId))
    : meetingFilters(actor, { from, ...(query.to ? { to: query.to } : {}) });
  const [rows, due] = await Promise.all([
    db
      .select()
      .from(meetings)
      .where(where)
      .orderBy(asc(meetings.startsAt), asc(meetings.id))
      .limit(LIMITS.calendarMax),
    listCommitments(
      db,
      actor,
      query.meetingId
        ? { meetingId: query.meetingId, all: true }
        : { all: true, dueFrom: from, ...(query.to ? { dueTo: query.to } : {}) },
      now,
    ),
  ]);
  const language = actor.language;
  return calendar(
    [
      ["VERSION", "2.0", true],
      ["PRODID", "-//Tansiq//Meetings//AR", true],
      ["CALSCALE", "GREGORIAN", true],
      ["METHOD", "PUBLISH", true],
      ["X-WR-CALNAME", translate(language, "meetings.calendarName")],
      ["X-WR-TIMEZONE", "Africa/Tripoli", true],
    ],
    [
      ...rows.map((m) => meetingEvent(m, language, now)),
      ...due.rows.filter((c) => c.dueOn !== null).map((c) => commitmentTodo(c, language, now)),
    ],
  );
}
