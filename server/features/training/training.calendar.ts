import { and, asc, eq, gte, lte, ne } from "drizzle-orm";
import { addDays, endOfZonedDay, startOfZonedDay, zonedDay } from "../../../common/dates";
import type { Language } from "../../../common/enums";
import { LIMITS } from "../../../common/limits";
import type { CalendarSession, TrainingCalendarQuery } from "../../../common/schemas/training";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { translate } from "../../http/i18n";
import { calendar, component, utcStamp, type CalendarProperty } from "../meetings";
import { coursesVisibleTo } from "./training.policy";
import { courseSessions, courses } from "./training.table";

/** Sessions of the courses the actor sees (cancelled ones left out), from 30 days ago by default, in order. */
export async function calendarSessions(
  db: Db,
  actor: Actor,
  query: TrainingCalendarQuery,
  now: Date,
): Promise<CalendarSession[]> {
  const from = startOfZonedDay(query.from ?? addDays(zonedDay(now), -30))!;
  const to = query.to ? endOfZonedDay(query.to)! : null;
  const rows = await db
    .select({ session: courseSessions, course: courses })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .where(
      and(
        coursesVisibleTo(actor),
        eq(courses.isActive, true),
        ne(courses.status, "cancelled"),
        gte(courseSessions.startsAt, from),
        to ? lte(courseSessions.startsAt, to) : undefined,
      ),
    )
    .orderBy(asc(courseSessions.startsAt), asc(courseSessions.id))
    .limit(LIMITS.calendarMax);
  return rows.map(({ session, course }) => ({
    id: session.id,
    courseId: course.id,
    courseTitleAr: course.titleAr,
    courseTitleEn: course.titleEn,
    place: course.place,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    titleAr: session.titleAr,
    status: course.status,
  }));
}

/** The sessions as an iCalendar feed (VEVENTs in UTC), in the reader's language. */
export function trainingIcs(sessions: CalendarSession[], language: Language, now: Date): string {
  const events = sessions.map((s) => {
    const title = language === "en" ? (s.courseTitleEn ?? s.courseTitleAr) : s.courseTitleAr;
    const properties: CalendarProperty[] = [
      ["UID", `${s.id}@tansiq`, true],
      ["DTSTAMP", utcStamp(now), true],
      ["DTSTART", utcStamp(new Date(s.startsAt)), true],
      ["DTEND", utcStamp(new Date(s.endsAt)), true],
      ["SUMMARY", s.titleAr ? `${title}: ${s.titleAr}` : title],
      ["LOCATION", s.place],
      ["RELATED-TO", `${s.courseId}@tansiq`, true],
    ];
    return component("VEVENT", properties);
  });
  return calendar(
    [
      ["VERSION", "2.0", true],
      ["PRODID", "-//Tansiq//Training//AR", true],
      ["CALSCALE", "GREGORIAN", true],
      ["X-WR-CALNAME", translate(language, "training.calendarName")],
      ["X-WR-TIMEZONE", "Africa/Tripoli", true],
    ],
    events,
  );
}
