import { and, eq } from "drizzle-orm";
import { searchKey } from "../../../common/arabic";
import type { TaskPriority } from "../../../common/enums";
import type { TaskCreateBody } from "../../../common/schemas/tasks";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { nextReference } from "../../db/references";
import { AppError } from "../../http/app-error";
import { agencyRecipients } from "../../notifications";
import { assertActiveAgency } from "../agencies";
import { planObjectives } from "../plans/plans.table";
import { logTaskUpdate, notifyAboutTask } from "./task-events";
import { assertAssignee } from "./tasks.queries";
import type { TaskRecord } from "./tasks.policy";
import { taskSupports, tasks, type TaskRow } from "./tasks.table";

export const PRIORITY_RANK: Record<TaskPriority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

export const taskSearchKey = (t: Pick<TaskRow, "titleAr" | "titleEn" | "description" | "reference">) =>
  searchKey([t.titleAr, t.titleEn, t.description, t.reference]);

/** Refuses supporting agencies that repeat, include the lead, or do not exist for the actor. */
export async function assertSupports(tx: Db, ctx: Ctx, leadId: string, supports: { agencyId: string }[]) {
  const ids = supports.map((s) => s.agencyId);
  if (new Set(ids).size !== ids.length || ids.includes(leadId))
    throw new AppError("validation_failed", { fields: [{ field: "supports", issue: "invalid_value" }] });
  for (const id of ids) await assertActiveAgency(tx, ctx, id, "supports");
}

/**
 * Creates a task with its lead agency and supporting agencies; `planId` (the plan already checked by the
 * caller) links it to a plan and optionally one of its objectives.
 */
export async function createTask(tx: Db, ctx: Ctx, input: TaskCreateBody): Promise<TaskRecord> {
  await assertActiveAgency(tx, ctx, input.agencyId);
  await assertSupports(tx, ctx, input.agencyId, input.supports);
  await assertAssignee(tx, input.assigneeId, input.agencyId);
  if (input.objectiveId) {
    const [objective] = await tx
      .select({ id: planObjectives.id })
      .from(planObjectives)
      .where(
        and(
          eq(planObjectives.id, input.objectiveId),
          input.planId ? eq(planObjectives.planId, input.planId) : undefined,
        ),
      );
    if (!objective || !input.planId)
      throw new AppError("validation_failed", { fields: [{ field: "objectiveId", issue: "invalid_value" }] });
  }
  const reference = await nextReference(tx, "TSK", ctx.now);
  const { supports, ...fields } = input;
  const [row] = await tx
    .insert(tasks)
    .values({
      ...fields,
      reference,
      priorityRank: PRIORITY_RANK[input.priority],
      searchKey: taskSearchKey({ ...input, reference }),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  const supportRows = supports.length
    ? await tx
        .insert(taskSupports)
        .values(
          supports.map((s) => ({
            taskId: row.id,
            agencyId: s.agencyId,
            contribution: s.contribution,
            taskStatus: row.status,
            taskDueOn: row.dueOn,
            updatedAt: ctx.now,
          })),
        )
        .returning()
    : [];
  const record = { ...row, supports: supportRows };
  await recordEvent(tx, ctx, "task.create", "task", row.id, null, record);
  await logTaskUpdate(tx, ctx, row, "created", { supports: supports.map((s) => s.agencyId) });
  if (row.assigneeId) await notifyAboutTask(tx, ctx, row, "task_assigned", [row.assigneeId]);
  for (const s of supports)
    await notifyAboutTask(
      tx,
      ctx,
      row,
      "contribution_asked",
      await agencyRecipients(tx, [s.agencyId], ["manager", "officer"]),
    );
  return record;
}
