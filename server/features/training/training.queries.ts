import { and, asc, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { CertificateListQuery, CourseListQuery } from "../../../common/schemas/training";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { matchesSearch, pageWindow } from "../../http/pagination";
import { needs, needsVisibleTo } from "../needs";
import { personnel } from "../personnel";
import { LIVE_NOMINATION_STATUSES } from "./course-workflow";
import { certificatesVisibleTo, coursesVisibleTo, nominationsVisibleTo } from "./training.policy";
import {
  attendance,
  certificates,
  courseQuotas,
  courseSessions,
  courses,
  nominations,
  type CertificateRow,
  type CourseRow,
  type NominationRow,
} from "./training.table";

export type CourseWithCounts = CourseRow & { acceptedCount: number; waitlistedCount: number };

// Written out with its aliases: inside a select list, drizzle leaves columns unqualified, and "id" would be the
// nomination's.
const countOf = (status: "accepted" | "waitlisted") =>
  sql<number>`(select count(*)::int from nominations n where n.course_id = "courses"."id" and n.status = ${status})`;

export async function findCourse(db: Db, actor: Actor, id: string): Promise<CourseRow> {
  const [row] = await db
    .select()
    .from(courses)
    .where(and(eq(courses.id, id), coursesVisibleTo(actor), eq(courses.isActive, true)));
  if (!row) throw new AppError("not_found");
  return row;
}

/** Locks the course: decisions, withdrawals and promotions on one course are taken one at a time. */
export async function findCourseForUpdate(tx: Db, actor: Actor, id: string): Promise<CourseRow> {
  const [row] = await tx
    .select()
    .from(courses)
    .where(and(eq(courses.id, id), coursesVisibleTo(actor), eq(courses.isActive, true)))
    .for("update");
  if (!row) throw new AppError("not_found");
  return row;
}

export async function withCounts(db: Db, course: CourseRow): Promise<CourseWithCounts> {
  const [row] = await db
    .select({ acceptedCount: countOf("accepted"), waitlistedCount: countOf("waitlisted") })
    .from(courses)
    .where(eq(courses.id, course.id));
  return { ...course, acceptedCount: row?.acceptedCount ?? 0, waitlistedCount: row?.waitlistedCount ?? 0 };
}

export async function listCourses(db: Db, actor: Actor, q: CourseListQuery) {
  const where = and(
    coursesVisibleTo(actor),
    eq(courses.isActive, true),
    q.topic ? eq(courses.topic, q.topic) : undefined,
    q.kind ? eq(courses.kind, q.kind) : undefined,
    q.status ? eq(courses.status, q.status) : undefined,
    q.needId ? eq(courses.needId, q.needId) : undefined,
    q.from ? gte(courses.endsOn, q.from) : undefined,
    q.to ? lte(courses.startsOn, q.to) : undefined,
    matchesSearch(courses.searchKey, q.q),
  );
  const { limit, offset } = pageWindow(q);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        course: courses,
        acceptedCount: countOf("accepted"),
        waitlistedCount: countOf("waitlisted"),
      })
      .from(courses)
      .where(where)
      .orderBy(desc(courses.startsOn), desc(courses.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(courses)
      .where(where),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r.course,
      acceptedCount: r.acceptedCount,
      waitlistedCount: r.waitlistedCount,
    })),
    total: total?.n ?? 0,
  };
}

export type NominationView = NominationRow & {
  personName: string;
  personRank: string | null;
  waitlistPosition: number | null;
  attendance: { sessionId: string; mark: (typeof attendance.$inferSelect)["mark"] }[];
  certificateId: string | null;
};

/** A course's sessions, quotas (with places used), the nominations the actor may see, and its need. */
export async function courseDetailParts(db: Db, actor: Actor, course: CourseRow) {
  const [sessions, quotas, used, rows, marks, certs, need] = await Promise.all([
    db
      .select()
      .from(courseSessions)
      .where(eq(courseSessions.courseId, course.id))
      .orderBy(asc(courseSessions.seq)),
    db.select().from(courseQuotas).where(eq(courseQuotas.courseId, course.id)),
    db
      .select({ agencyId: nominations.agencyId, n: sql<number>`count(*)::int` })
      .from(nominations)
      .where(
        and(eq(nominations.courseId, course.id), inArray(nominations.status, [...LIVE_NOMINATION_STATUSES])),
      )
      .groupBy(nominations.agencyId),
    db
      .select({ nomination: nominations, personName: personnel.nameAr, personRank: personnel.rank })
      .from(nominations)
      .innerJoin(personnel, eq(personnel.id, nominations.personId))
      .where(and(eq(nominations.courseId, course.id), nominationsVisibleTo(actor)))
      .orderBy(asc(nominations.createdAt), asc(nominations.id)),
    db
      .select({
        nominationId: attendance.nominationId,
        sessionId: attendance.sessionId,
        mark: attendance.mark,
      })
      .from(attendance)
      .innerJoin(nominations, eq(nominations.id, attendance.nominationId))
      .where(and(eq(nominations.courseId, course.id), nominationsVisibleTo(actor))),
    db
      .select({ id: certificates.id, nominationId: certificates.nominationId })
      .from(certificates)
      .where(and(eq(certificates.courseId, course.id), certificatesVisibleTo(actor))),
    course.needId
      ? db
          .select({ id: needs.id, reference: needs.reference, title: needs.title, status: needs.status })
          .from(needs)
          .where(and(eq(needs.id, course.needId), needsVisibleTo(actor)))
      : Promise.resolve([]),
  ]);
  const waitlist = await waitlistOrder(db, course.id);
  const usedBy = new Map(used.map((u) => [u.agencyId, u.n]));
  const certificateOf = new Map(certs.map((c) => [c.nominationId, c.id]));
  const nominationViews: NominationView[] = rows.map((r) => ({
    ...r.nomination,
    personName: r.personName,
    personRank: r.personRank,
    waitlistPosition: waitlist.indexOf(r.nomination.id) + 1 || null,
    attendance: marks
      .filter((m) => m.nominationId === r.nomination.id)
      .map(({ sessionId, mark }) => ({ sessionId, mark })),
    certificateId: certificateOf.get(r.nomination.id) ?? null,
  }));
  return {
    sessions,
    quotas: quotas.map((q) => ({
      agencyId: q.agencyId,
      places: q.places,
      used: usedBy.get(q.agencyId) ?? 0,
    })),
    nominations: nominationViews,
    need: need[0] ?? null,
  };
}

/** The waiting list of a course, first first: ids in order. */
export async function waitlistOrder(db: Db, courseId: string): Promise<string[]> {
  const rows = await db
    .select({ id: nominations.id })
    .from(nominations)
    .where(and(eq(nominations.courseId, courseId), eq(nominations.status, "waitlisted")))
    .orderBy(asc(nominations.waitlistedAt), asc(nominations.id));
  return rows.map((r) => r.id);
}

/** A nomination and its course, as the actor may see them (404 otherwise); the course locked for a change. */
export async function findNominationForUpdate(tx: Db, actor: Actor, id: string) {
  const [row] = await tx
    .select({ nomination: nominations })
    .from(nominations)
    .where(and(eq(nominations.id, id), nominationsVisibleTo(actor)));
  if (!row) throw new AppError("not_found");
  const course = await findCourseForUpdate(tx, actor, row.nomination.courseId);
  const [nomination] = await tx.select().from(nominations).where(eq(nominations.id, id)).for("update");
  if (!nomination) throw new AppError("not_found");
  return { course, nomination };
}

export async function nominationView(
  db: Db,
  actor: Actor,
  course: CourseRow,
  id: string,
): Promise<NominationView> {
  const parts = await courseDetailParts(db, actor, course);
  const view = parts.nominations.find((n) => n.id === id);
  if (!view) throw new AppError("not_found");
  return view;
}

export async function findCertificate(db: Db, actor: Actor, id: string): Promise<CertificateRow> {
  const [row] = await db
    .select()
    .from(certificates)
    .where(and(eq(certificates.id, id), certificatesVisibleTo(actor)));
  if (!row) throw new AppError("not_found");
  return row;
}

export async function listCertificates(db: Db, actor: Actor, q: CertificateListQuery) {
  const where = and(
    certificatesVisibleTo(actor),
    q.courseId ? eq(certificates.courseId, q.courseId) : undefined,
    q.agencyId ? eq(certificates.agencyId, q.agencyId) : undefined,
    q.personId ? eq(certificates.personId, q.personId) : undefined,
  );
  const { limit, offset } = pageWindow(q);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(certificates)
      .where(where)
      .orderBy(desc(certificates.issuedAt), desc(certificates.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(certificates)
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
