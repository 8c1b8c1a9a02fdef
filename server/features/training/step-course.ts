import { and, eq, inArray } from "drizzle-orm";
import { addDays } from "../../../common/dates";
import type { CourseAction } from "../../../common/enums";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { needs, recordDelivery } from "../needs";
import { personnel } from "../personnel";
import { newCertificateCode } from "./certificate-code";
import { LIVE_NOMINATION_STATUSES, nextCourseStatus } from "./course-workflow";
import { notifyAgencies, publishCourseChange } from "./training-events";
import { certificates, courses, nominations, type CourseRow } from "./training.table";

/** The day a certificate stops being valid: `months` after the course ends, or never. */
export function expiryOf(endsOn: string, months: number | null): string | null {
  if (months === null) return null;
  const [y, m, d] = endsOn.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return addDays(
    `${target.getUTCFullYear()}-${String(target.getUTCMonth() + 1).padStart(2, "0")}-01`,
    Math.min(d, lastDay) - 1,
  );
}

/** Issues a certificate to everyone accepted who passed; returns how many. */
async function issueCertificates(tx: Db, ctx: Ctx, course: CourseRow): Promise<number> {
  const passed = await tx
    .select({ nomination: nominations, person: personnel })
    .from(nominations)
    .innerJoin(personnel, eq(personnel.id, nominations.personId))
    .where(
      and(
        eq(nominations.courseId, course.id),
        eq(nominations.status, "accepted"),
        eq(nominations.outcome, "pass"),
      ),
    );
  if (passed.length === 0) return 0;
  const rows = await tx
    .insert(certificates)
    .values(
      passed.map(({ nomination, person }) => ({
        code: newCertificateCode(),
        nominationId: nomination.id,
        courseId: course.id,
        personId: person.id,
        agencyId: nomination.agencyId,
        topic: course.topic,
        personNameAr: [person.rank, person.nameAr].filter(Boolean).join(" "),
        personNameEn: person.nameEn,
        courseTitleAr: course.titleAr,
        courseTitleEn: course.titleEn,
        startsOn: course.startsOn,
        endsOn: course.endsOn,
        outcome: "pass" as const,
        issuedAt: ctx.now,
        expiresOn: expiryOf(course.endsOn, course.certificateValidMonths),
        sensitivity: course.sensitivity,
      })),
    )
    .onConflictDoNothing()
    .returning();
  for (const row of rows) await recordEvent(tx, ctx, "certificate.issue", "certificates", row.id, null, row);
  return rows.length;
}

/** The course's need is met by the number trained: a delivery of that many, as far as the need remains open. */
async function answerNeed(tx: Db, ctx: Ctx, course: CourseRow, trained: number) {
  if (!course.needId || trained === 0) return;
  const [need] = await tx.select().from(needs).where(eq(needs.id, course.needId)).for("update");
  if (!need || (need.status !== "approved" && need.status !== "in_progress")) return;
  const quantity = Math.min(trained, Math.round((need.quantity - need.deliveredQuantity) * 100) / 100);
  if (quantity <= 0) return;
  await recordDelivery(tx, ctx, need, {
    pledgeId: null,
    quantity,
    deliveredOn: course.endsOn,
    reference: course.reference,
    receivedBy: course.titleAr,
  });
}

/**
 * Moves a course along: open for nominations, start, complete (certificates to those who passed, and the training
 * need answered with the number trained), or cancel with a reason (the agencies with nominations are told).
 */
export async function stepCourse(
  tx: Db,
  ctx: Ctx,
  course: CourseRow,
  action: CourseAction,
  reason: string | null,
): Promise<CourseRow> {
  const to = nextCourseStatus(course.status, action);
  if (!to) throw new AppError("invalid_transition", { params: { from: course.status, action } });
  if (action === "cancel" && !reason) throw new AppError("reason_required");
  const [after] = await tx
    .update(courses)
    .set({ status: to, cancelReason: action === "cancel" ? reason : course.cancelReason, updatedAt: ctx.now })
    .where(eq(courses.id, course.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await recordEvent(tx, ctx, `course.${action}`, "courses", course.id, course, after);
  if (action === "complete") {
    const trained = await issueCertificates(tx, ctx, after);
    await answerNeed(tx, ctx, after, trained);
  }
  if (action === "cancel") {
    const live = await tx
      .select({ agencyId: nominations.agencyId })
      .from(nominations)
      .where(
        and(eq(nominations.courseId, course.id), inArray(nominations.status, [...LIVE_NOMINATION_STATUSES])),
      );
    await notifyAgencies(
      tx,
      ctx,
      "course_cancelled",
      after,
      live.map((n) => n.agencyId),
      null,
    );
  }
  await publishCourseChange(tx, course.id);
  return after;
}
