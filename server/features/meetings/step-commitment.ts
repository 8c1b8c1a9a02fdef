import { and, eq, inArray } from "drizzle-orm";
import type { CommitmentAction } from "../../../common/enums";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { notifyCommitmentKeepers, publishMeetingChange } from "./commitment-events";
import { nextCommitmentStatus, type CommitmentRecord } from "./commitments.policy";
import { commitments, type CommitmentRow } from "./commitments.table";
import { meetings } from "./meetings.table";
import { stripRecord } from "./save-commitment";

/** Tells the meeting's managers that one of its commitments moved. */
async function tellMeetingManagers(tx: Db, ctx: Ctx, c: CommitmentRow, meetingAgencyId: string) {
  await notifyCommitmentKeepers(tx, ctx, c, meetingAgencyId, "commitment_status", ["manager"]);
}

/**
 * One status step: start, complete, drop (a reason required) or reopen (a reason required). Refused from a status
 * the step does not leave → invalid_transition; nothing changes.
 */
export async function stepCommitment(
  tx: Db,
  ctx: Ctx,
  c: CommitmentRecord,
  action: CommitmentAction,
  reason: string | null,
): Promise<void> {
  const to = nextCommitmentStatus(c.status, action);
  if (!to) throw new AppError("invalid_transition", { params: { from: c.status, action } });
  if ((action === "drop" || action === "reopen") && !reason)
    throw new AppError("reason_required", { fields: [{ field: "reason", issue: "required" }] });
  const [after] = await tx
    .update(commitments)
    .set({ status: to, statusReason: reason, updatedBy: ctx.actor?.userId ?? null, updatedAt: ctx.now })
    .where(eq(commitments.id, c.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await recordEvent(tx, ctx, `commitment.${action}`, "commitments", c.id, stripRecord(c), after);
  await tellMeetingManagers(tx, ctx, after, c.meeting.agencyId);
  await publishMeetingChange(tx, c.meetingId);
}

/**
 * Completes the open commitments a task (done) or a need (fulfilled) was made from, in the caller's transaction:
 * called through the record-links seam by the tasks and needs commands. Audited as `commitment.complete` with
 * what completed it.
 */
export async function completeLinkedCommitments(
  tx: Db,
  ctx: Ctx,
  entity: "task" | "need",
  id: string,
): Promise<number> {
  const column = entity === "task" ? commitments.taskId : commitments.needId;
  const open = await tx
    .select({ commitment: commitments, meetingAgencyId: meetings.agencyId })
    .from(commitments)
    .innerJoin(meetings, eq(meetings.id, commitments.meetingId))
    .where(and(eq(column, id), inArray(commitments.status, ["open", "in_progress"])))
    .for("update", { of: commitments });
  for (const { commitment, meetingAgencyId } of open) {
    const [after] = await tx
      .update(commitments)
      .set({ status: "done", statusReason: null, updatedBy: ctx.actor?.userId ?? null, updatedAt: ctx.now })
      .where(eq(commitments.id, commitment.id))
      .returning();
    if (!after) continue;
    await recordEvent(tx, ctx, "commitment.complete", "commitments", commitment.id, commitment, {
      ...after,
      completedBy: { entity, id },
    });
    await tellMeetingManagers(tx, ctx, after, meetingAgencyId);
    await publishMeetingChange(tx, commitment.meetingId);
  }
  return open.length;
}
