import type { NotificationKind } from "../../../common/enums";
import type { Ctx } from "../../authz/actor";
import type { Db } from "../../db/client";
import { publishChange } from "../../live/publish-change";
import { agencyRecipients, notify } from "../../notifications";
import type { CourseRow } from "./training.table";

/** Tells an agency's managers what became of their nominations on a course (in-app and by e-mail). */
export async function notifyAgencies(
  tx: Db,
  ctx: Ctx,
  kind: NotificationKind,
  course: CourseRow,
  agencyIds: string[],
  person: string | null,
) {
  if (agencyIds.length === 0) return;
  await notify(tx, ctx, {
    userIds: await agencyRecipients(tx, [...new Set(agencyIds)], ["manager"]),
    kind,
    entity: "course",
    entityId: course.id,
    params: { reference: course.reference, titleAr: course.titleAr, titleEn: course.titleEn, person },
    linkPath: `/training/courses/${course.id}`,
  });
}

/** Announces a change to a course (or its nominations) to open pages, at commit. */
export const publishCourseChange = (tx: Db, courseId: string) =>
  publishChange(tx, { entity: "course", id: courseId });
