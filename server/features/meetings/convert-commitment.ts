import { eq } from "drizzle-orm";
import type { CommitmentTopic, NeedCategory } from "../../../common/enums";
import type { CommitmentToNeedBody, CommitmentToTaskBody } from "../../../common/schemas/meetings";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import { derivedSensitivity } from "../../authz/derived";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { LIMITS } from "../../../common/limits";
import { createNeed, type NeedRow } from "../needs";
import { createTask } from "../tasks";
import { publishMeetingChange } from "./commitment-events";
import { isOpenCommitment, keeperOf, type CommitmentRecord } from "./commitments.policy";
import { commitments, type CommitmentRow } from "./commitments.table";
import { checkIds, FieldIssues } from "./meeting-refs";
import { visibleActiveAgencies } from "../agencies";
import { stripRecord } from "./save-commitment";

type TaskRecord = Awaited<ReturnType<typeof createTask>>;

const titleOf = (text: string) =>
  text.length > LIMITS.name ? `${text.slice(0, LIMITS.name - 1)}…` : text.replace(/\s+/g, " ");

const CATEGORY_OF_TOPIC: Partial<Record<CommitmentTopic, NeedCategory>> = {
  legislation: "legislation",
  training: "training",
};

/** Links the commitment to what was made from it; an open commitment is now in progress. */
async function linkCommitment(
  tx: Db,
  ctx: Ctx,
  c: CommitmentRecord,
  link: { taskId: string } | { needId: string },
  action: string,
): Promise<CommitmentRow> {
  const [after] = await tx
    .update(commitments)
    .set({
      ...link,
      status: c.status === "open" ? "in_progress" : c.status,
      updatedBy: ctx.actor?.userId ?? null,
      updatedAt: ctx.now,
    })
    .where(eq(commitments.id, c.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await recordEvent(tx, ctx, action, "commitments", c.id, stripRecord(c), after);
  await publishMeetingChange(tx, c.meetingId);
  return after;
}

/**
 * Turns an open commitment into a task led by its owner agency (the meeting's when it has none), with the
 * meeting's sensitivity; each links to the other. Completing the task completes the commitment.
 */
export async function convertCommitmentToTask(
  tx: Db,
  ctx: Ctx,
  c: CommitmentRecord,
  input: CommitmentToTaskBody,
): Promise<{ commitment: CommitmentRow; task: TaskRecord }> {
  if (!isOpenCommitment(c)) throw new AppError("invalid_transition", { params: { from: c.status } });
  if (c.taskId) throw new AppError("conflict");
  const task = await createTask(tx, ctx, {
    titleAr: input.titleAr ?? titleOf(c.text),
    titleEn: input.titleEn,
    description: input.description ?? c.text,
    planId: null,
    objectiveId: null,
    agencyId: keeperOf(c),
    assigneeId: input.assigneeId,
    priority: input.priority,
    dueOn: input.dueOn === undefined ? c.dueOn : input.dueOn,
    sensitivity: derivedSensitivity(c.meeting, input.sensitivity, ctx.actor),
    supports: [],
  });
  const commitment = await linkCommitment(tx, ctx, c, { taskId: task.id }, "commitment.convert_task");
  return { commitment, task };
}

/**
 * Turns an open commitment into a draft need filed by the meeting's agency and addressed to the owner agency
 * (e.g. the law parliament offered to pass); each links to the other. Fulfilling the need completes it.
 */
export async function convertCommitmentToNeed(
  tx: Db,
  ctx: Ctx,
  c: CommitmentRecord,
  input: CommitmentToNeedBody,
): Promise<{ commitment: CommitmentRow; need: NeedRow }> {
  if (!isOpenCommitment(c)) throw new AppError("invalid_transition", { params: { from: c.status } });
  if (c.needId) throw new AppError("conflict");
  const issues = new FieldIssues();
  checkIds(issues, await visibleActiveAgencies(tx, ctx, [input.responsibleAgencyId]), [
    ["responsibleAgencyId", input.responsibleAgencyId],
  ]);
  issues.throwIfAny();
  const need = await createNeed(tx, ctx, {
    agencyId: c.meeting.agencyId,
    category: input.category ?? (c.topic ? CATEGORY_OF_TOPIC[c.topic] : undefined) ?? "other",
    title: input.title ?? titleOf(c.text),
    description: c.text,
    quantity: input.quantity,
    unit: input.unit,
    unitCost: input.unitCost,
    currency: "LYD",
    priority: input.priority,
    justification: input.justification ?? `${c.reference} — ${c.meeting.reference}`,
    responsibleAgencyId: input.responsibleAgencyId ?? c.ownerAgencyId ?? c.meeting.agencyId,
    objectiveId: null,
    taskId: null,
    sensitivity: derivedSensitivity(c.meeting, input.sensitivity, ctx.actor),
  });
  const commitment = await linkCommitment(tx, ctx, c, { needId: need.id }, "commitment.convert_need");
  return { commitment, need };
}

/** Links an existing need to a commitment (the demo seed: the law already in the register). */
export function linkCommitmentToNeed(tx: Db, ctx: Ctx, c: CommitmentRecord, needId: string) {
  return linkCommitment(tx, ctx, c, { needId }, "commitment.link_need");
}
