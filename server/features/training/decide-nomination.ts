import { and, eq, ne, sql } from "drizzle-orm";
import type { NominationDecision, NotificationKind } from "../../../common/enums";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { personnel } from "../personnel";
import { daysOverlap, nextNominationStatus } from "./course-workflow";
import { notifyAgencies, publishCourseChange } from "./training-events";
import { courses, nominations, type CourseRow, type NominationRow } from "./training.table";

const KIND: Record<NominationDecision, NotificationKind> = {
  accept: "nomination_accepted",
  waitlist: "nomination_waitlisted",
  decline: "nomination_declined",
};

async function personName(tx: Db, personId: string): Promise<string | null> {
  const [row] = await tx.select({ name: personnel.nameAr }).from(personnel).where(eq(personnel.id, personId));
  return row?.name ?? null;
}

/** Places taken on a course. */
async function acceptedCount(tx: Db, courseId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(nominations)
    .where(and(eq(nominations.courseId, courseId), eq(nominations.status, "accepted")));
  return row?.n ?? 0;
}

/** Another accepted place of the same person on a live course whose days overlap this one's, if any. */
async function overlappingPlace(tx: Db, course: CourseRow, personId: string) {
  const rows = await tx
    .select({ reference: courses.reference, startsOn: courses.startsOn, endsOn: courses.endsOn })
    .from(nominations)
    .innerJoin(courses, eq(courses.id, nominations.courseId))
    .where(
      and(
        eq(nominations.personId, personId),
        eq(nominations.status, "accepted"),
        ne(courses.id, course.id),
        ne(courses.status, "cancelled"),
        sql`${courses.startsOn} <= ${course.endsOn} and ${course.startsOn} <= ${courses.endsOn}`,
      ),
    );
  return rows.find((r) => daysOverlap(r, course)) ?? null;
}

/** Checks that a person may take a place now: a free place, and no other place at the same time. */
async function assertPlaceFree(tx: Db, course: CourseRow, nomination: NominationRow) {
  if ((await acceptedCount(tx, course.id)) >= course.capacity)
    throw new AppError("course_full", { params: { capacity: course.capacity } });
  const other = await overlappingPlace(tx, course, nomination.personId);
  if (other) throw new AppError("overlapping_place", { params: { reference: other.reference } });
}

/**
 * The trainer accepts, wait-lists or declines (with a reason) a nomination; the agency's managers are told.
 * The caller holds the course's lock, so two acceptances cannot both take the last place.
 */
export async function decideNomination(
  tx: Db,
  ctx: Ctx,
  course: CourseRow,
  nomination: NominationRow,
  decision: NominationDecision,
  reason: string | null,
): Promise<NominationRow> {
  const to = nextNominationStatus(nomination.status, decision);
  if (!to)
    throw new AppError("invalid_transition", { params: { from: nomination.status, action: decision } });
  if (decision === "decline" && !reason) throw new AppError("reason_required");
  if (decision === "accept") await assertPlaceFree(tx, course, nomination);
  const [after] = await tx
    .update(nominations)
    .set({
      status: to,
      waitlistedAt: to === "waitlisted" ? ctx.now : null,
      reason: decision === "accept" ? null : reason,
      updatedAt: ctx.now,
    })
    .where(eq(nominations.id, nomination.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await recordEvent(tx, ctx, `nomination.${decision}`, "nominations", after.id, nomination, after);
  await notifyAgencies(
    tx,
    ctx,
    KIND[decision],
    course,
    [after.agencyId],
    await personName(tx, after.personId),
  );
  await publishCourseChange(tx, course.id);
  return after;
}

/**
 * Gives a freed place to the first on the waiting list who can take it (no overlapping place elsewhere), and
 * tells their agency. Returns the promoted nomination, if any. The caller holds the course's lock.
 */
export async function promoteFromWaitlist(
  tx: Db,
  ctx: Ctx,
  course: CourseRow,
): Promise<NominationRow | null> {
  if ((await acceptedCount(tx, course.id)) >= course.capacity) return null;
  const waiting = await tx
    .select()
    .from(nominations)
    .where(and(eq(nominations.courseId, course.id), eq(nominations.status, "waitlisted")))
    .orderBy(nominations.waitlistedAt, nominations.id);
  for (const candidate of waiting) {
    if (await overlappingPlace(tx, course, candidate.personId)) continue;
    const [after] = await tx
      .update(nominations)
      .set({ status: "accepted", waitlistedAt: null, reason: null, updatedAt: ctx.now })
      .where(eq(nominations.id, candidate.id))
      .returning();
    if (!after) continue;
    await recordEvent(tx, ctx, "nomination.promote", "nominations", after.id, candidate, after);
    await notifyAgencies(
      tx,
      ctx,
      "nomination_promoted",
      course,
      [after.agencyId],
      await personName(tx, after.personId),
    );
    return after;
  }
  return null;
}

/** An agency (or the trainer) withdraws a nomination; a place it held goes to the waiting list. */
export async function withdrawNomination(
  tx: Db,
  ctx: Ctx,
  course: CourseRow,
  nomination: NominationRow,
  reason: string | null,
): Promise<NominationRow> {
  const [after] = await tx
    .update(nominations)
    .set({ status: "withdrawn", waitlistedAt: null, reason, updatedAt: ctx.now })
    .where(eq(nominations.id, nomination.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await recordEvent(tx, ctx, "nomination.withdraw", "nominations", after.id, nomination, after);
  if (nomination.status === "accepted") await promoteFromWaitlist(tx, ctx, course);
  await publishCourseChange(tx, course.id);
  return after;
}
