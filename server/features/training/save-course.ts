import { and, eq } from "drizzle-orm";
import { searchKey } from "../../../common/arabic";
import { zonedDay } from "../../../common/dates";
import type { CourseCreateBody, CourseUpdateBody } from "../../../common/schemas/training";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { nextReference } from "../../db/references";
import { AppError } from "../../http/app-error";
import { assertActiveAgency, visibleActiveAgencies } from "../agencies";
import { needs, needsVisibleTo } from "../needs";
import { courseSessions, courses, type CourseRow } from "./training.table";

const invalid = (field: string) =>
  new AppError("validation_failed", { fields: [{ field, issue: "invalid_value" }] });

const courseSearchKey = (
  c: Pick<CourseRow, "reference" | "titleAr" | "titleEn" | "place" | "providerName">,
) => searchKey([c.reference, c.titleAr, c.titleEn, c.place, c.providerName]);

/** The references a course makes: agencies that exist, are active and the actor sees, a training need the actor may see. */
async function assertCourseLinks(tx: Db, ctx: Ctx, input: Partial<CourseCreateBody>) {
  if (input.providerAgencyId) await assertActiveAgency(tx, ctx, input.providerAgencyId, "providerAgencyId");
  const targets = [...new Set(input.targetAgencyIds ?? [])];
  if (targets.length > 0) {
    const found = await visibleActiveAgencies(tx, ctx, targets);
    if (found.size !== targets.length) throw invalid("targetAgencyIds");
  }
  if (input.needId) {
    const [need] = await tx
      .select({ category: needs.category })
      .from(needs)
      .where(and(eq(needs.id, input.needId), ctx.actor ? needsVisibleTo(ctx.actor) : undefined));
    // A need the actor cannot see is refused as if it did not exist; only a training need is answered by a course.
    if (!need || need.category !== "training") throw invalid("needId");
  }
}

/** Sessions fall within the course's days (in Libya). */
function assertSessionsWithin(input: Pick<CourseCreateBody, "startsOn" | "endsOn" | "sessions">) {
  input.sessions.forEach((s, i) => {
    const first = zonedDay(new Date(s.startsAt));
    const last = zonedDay(new Date(s.endsAt));
    if (first < input.startsOn || first > input.endsOn) throw invalid(`sessions.${i}.startsAt`);
    if (last > input.endsOn) throw invalid(`sessions.${i}.endsAt`);
  });
}

/** Adds a course to the catalogue, planned, organised by the actor's agency. */
export async function createCourse(
  tx: Db,
  ctx: Ctx,
  agencyId: string,
  input: CourseCreateBody,
): Promise<CourseRow> {
  assertSessionsWithin(input);
  await assertCourseLinks(tx, ctx, input);
  const reference = await nextReference(tx, "CRS", ctx.now);
  const { sessions, ...fields } = input;
  const [row] = await tx
    .insert(courses)
    .values({
      ...fields,
      reference,
      agencyId,
      status: "planned",
      searchKey: courseSearchKey({ ...fields, reference }),
      createdBy: ctx.actor?.userId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  if (sessions.length > 0) {
    const ordered = [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    await tx.insert(courseSessions).values(
      ordered.map((s, i) => ({
        courseId: row.id,
        seq: i + 1,
        startsAt: new Date(s.startsAt),
        endsAt: new Date(s.endsAt),
        titleAr: s.titleAr,
      })),
    );
  }
  await recordEvent(tx, ctx, "course.create", "courses", row.id, null, { ...row, sessions });
  return row;
}

/** Edits a course not yet completed or cancelled; its days must still hold its sessions. */
export async function updateCourse(
  tx: Db,
  ctx: Ctx,
  course: CourseRow,
  input: CourseUpdateBody,
): Promise<CourseRow> {
  const next = { ...course, ...input };
  if (next.startsOn > next.endsOn) throw invalid("endsOn");
  const sessions = await tx.select().from(courseSessions).where(eq(courseSessions.courseId, course.id));
  assertSessionsWithin({
    startsOn: next.startsOn,
    endsOn: next.endsOn,
    sessions: sessions.map((s) => ({
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      titleAr: null,
    })),
  });
  await assertCourseLinks(tx, ctx, input);
  const [after] = await tx
    .update(courses)
    .set({ ...input, searchKey: courseSearchKey(next), updatedAt: ctx.now })
    .where(eq(courses.id, course.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await recordEvent(tx, ctx, "course.update", "courses", course.id, course, after);
  return after;
}
