import { and, eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../../authz/actor";
import type { Actor } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { personnel, personnelVisibleTo } from "../personnel";
import { LIVE_NOMINATION_STATUSES, isTakingNominations } from "./course-workflow";
import { publishCourseChange } from "./training-events";
import { mayNominate } from "./training.policy";
import { courseQuotas, nominations, type CourseRow, type NominationRow } from "./training.table";

/**
 * An agency puts a person forward for an open course: the person must be one the actor may see (else not found)
 * and of the actor's agency (else forbidden, leadership excepted), within the agency's quota when one is set.
 * A person declined or withdrawn earlier may be put forward again.
 */
export async function nominatePerson(
  tx: Db,
  ctx: Ctx,
  actor: Actor,
  course: CourseRow,
  personId: string,
): Promise<NominationRow> {
  const [person] = await tx
    .select()
    .from(personnel)
    .where(and(eq(personnel.id, personId), personnelVisibleTo(actor), eq(personnel.isActive, true)));
  if (!person) throw new AppError("not_found");
  if (!mayNominate(actor, person)) throw new AppError("forbidden");
  if (!isTakingNominations(course.status)) throw new AppError("course_not_open");
  const [existing] = await tx
    .select()
    .from(nominations)
    .where(and(eq(nominations.courseId, course.id), eq(nominations.personId, person.id)))
    .for("update");
  if (existing && LIVE_NOMINATION_STATUSES.includes(existing.status)) throw new AppError("duplicate");
  const [quota] = await tx
    .select()
    .from(courseQuotas)
    .where(and(eq(courseQuotas.courseId, course.id), eq(courseQuotas.agencyId, person.agencyId)));
  if (quota) {
    const [used] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(nominations)
      .where(
        and(
          eq(nominations.courseId, course.id),
          eq(nominations.agencyId, person.agencyId),
          inArray(nominations.status, [...LIVE_NOMINATION_STATUSES]),
        ),
      );
    if ((used?.n ?? 0) >= quota.places)
      throw new AppError("quota_full", { params: { places: quota.places } });
  }
  const values = {
    status: "nominated" as const,
    agencyId: person.agencyId,
    waitlistedAt: null,
    reason: null,
    nominatedBy: ctx.actor?.userId ?? null,
    updatedAt: ctx.now,
  };
  const [row] = existing
    ? await tx.update(nominations).set(values).where(eq(nominations.id, existing.id)).returning()
    : await tx
        .insert(nominations)
        .values({ ...values, courseId: course.id, personId: person.id, createdAt: ctx.now })
        .returning();
  if (!row) throw new Error("nomination not written");
  await recordEvent(tx, ctx, "nomination.create", "nominations", row.id, existing ?? null, row);
  await publishCourseChange(tx, course.id);
  return row;
}
