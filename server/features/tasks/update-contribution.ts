import { and, eq } from "drizzle-orm";
import type { ContributionBody } from "../../../common/schemas/tasks";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { logTaskUpdate } from "./task-events";
import { withSupports } from "./tasks.queries";
import type { TaskRecord } from "./tasks.policy";
import { taskSupports, tasks, type SupportRow } from "./tasks.table";

/** A supporting agency reports on its own contribution: its status and note. */
export async function updateContribution(
  tx: Db,
  ctx: Ctx,
  task: TaskRecord,
  support: SupportRow,
  input: ContributionBody,
) {
  const [after] = await tx
    .update(taskSupports)
    .set({ ...input, updatedAt: ctx.now })
    .where(and(eq(taskSupports.taskId, task.id), eq(taskSupports.agencyId, support.agencyId)))
    .returning();
  if (!after) throw new AppError("not_found");
  await tx.update(tasks).set({ updatedAt: ctx.now }).where(eq(tasks.id, task.id));
  await recordEvent(tx, ctx, "task.contribution", "task", task.id, support, after);
  await logTaskUpdate(tx, ctx, task, "contribution", {
    agencyId: support.agencyId,
    status: after.status,
    note: after.note,
  });
  const [row] = await withSupports(tx, [{ ...task, updatedAt: ctx.now }]);
  return row!;
}

export async function commentOnTask(tx: Db, ctx: Ctx, task: TaskRecord, body: string) {
  await recordEvent(tx, ctx, "task.comment", "task", task.id, null, { body });
  await logTaskUpdate(tx, ctx, task, "comment", { body });
}
