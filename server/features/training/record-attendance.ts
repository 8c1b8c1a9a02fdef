import { and, eq, inArray, sql } from "drizzle-orm";
import type { AttendanceBody, QuotasBody, ResultsBody } from "../../../common/schemas/training";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { visibleActiveAgencies } from "../agencies";
import { publishCourseChange } from "./training-events";
import { attendance, courseQuotas, courseSessions, nominations, type CourseRow } from "./training.table";

/** Each id must be an accepted nomination of the course; the first that is not is named. */
async function assertAccepted(tx: Db, course: CourseRow, ids: string[], field: (i: number) => string) {
  const rows = await tx
    .select({ id: nominations.id })
    .from(nominations)
    .where(
      and(
        eq(nominations.courseId, course.id),
        eq(nominations.status, "accepted"),
        inArray(nominations.id, ids),
      ),
    );
  const known = new Set(rows.map((r) => r.id));
  const bad = ids.findIndex((id) => !known.has(id));
  if (bad >= 0)
    throw new AppError("validation_failed", { fields: [{ field: field(bad), issue: "invalid_value" }] });
}

/** Marks attendance at one session (present, late, absent, excused), overwriting earlier marks. */
export async function recordAttendance(
  tx: Db,
  ctx: Ctx,
  course: CourseRow,
  sessionId: string,
  input: AttendanceBody,
) {
  const [session] = await tx
    .select({ id: courseSessions.id })
    .from(courseSessions)
    .where(and(eq(courseSessions.id, sessionId), eq(courseSessions.courseId, course.id)));
  if (!session) throw new AppError("not_found");
  await assertAccepted(
    tx,
    course,
    input.marks.map((m) => m.nominationId),
    (i) => `marks.${i}.nominationId`,
  );
  const values = input.marks.map((m) => ({
    nominationId: m.nominationId,
    sessionId,
    mark: m.mark,
    markedBy: ctx.actor?.userId ?? null,
    markedAt: ctx.now,
  }));
  await tx
    .insert(attendance)
    .values(values)
    .onConflictDoUpdate({
      target: [attendance.nominationId, attendance.sessionId],
      set: { mark: sql`excluded.mark`, markedBy: sql`excluded.marked_by`, markedAt: sql`excluded.marked_at` },
    });
  await recordEvent(tx, ctx, "course.attendance", "courses", course.id, null, {
    sessionId,
    marks: input.marks,
  });
  await publishCourseChange(tx, course.id);
}

/** Records results (pass or fail, score, the trainer's remark) of accepted participants. */
export async function recordResults(tx: Db, ctx: Ctx, course: CourseRow, input: ResultsBody) {
  await assertAccepted(
    tx,
    course,
    input.results.map((r) => r.nominationId),
    (i) => `results.${i}.nominationId`,
  );
  for (const r of input.results)
    await tx
      .update(nominations)
      .set({ outcome: r.outcome, score: r.score, remark: r.remark, updatedAt: ctx.now })
      .where(eq(nominations.id, r.nominationId));
  await recordEvent(tx, ctx, "course.results", "courses", course.id, null, { results: input.results });
  await publishCourseChange(tx, course.id);
}

/** Sets the per-agency quotas of a course (the list replaces the earlier one). */
export async function setQuotas(tx: Db, ctx: Ctx, course: CourseRow, input: QuotasBody) {
  const ids = input.quotas.map((q) => q.agencyId);
  if (new Set(ids).size !== ids.length)
    throw new AppError("validation_failed", { fields: [{ field: "quotas", issue: "invalid_value" }] });
  if (ids.length > 0) {
    const known = await visibleActiveAgencies(tx, ctx, ids);
    const bad = ids.findIndex((id) => !known.has(id));
    if (bad >= 0)
      throw new AppError("validation_failed", {
        fields: [{ field: `quotas.${bad}.agencyId`, issue: "invalid_value" }],
      });
  }
  const before = await tx.select().from(courseQuotas).where(eq(courseQuotas.courseId, course.id));
  await tx.delete(courseQuotas).where(eq(courseQuotas.courseId, course.id));
  if (input.quotas.length > 0)
    await tx.insert(courseQuotas).values(input.quotas.map((q) => ({ ...q, courseId: course.id })));
  await recordEvent(tx, ctx, "course.quotas", "courses", course.id, { quotas: before }, input);
  await publishCourseChange(tx, course.id);
}
