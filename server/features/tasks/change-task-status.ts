import type { TaskStatusBody } from "../../../common/schemas/tasks";
import type { Actor, Ctx } from "../../authz/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { linkedRecordCompleted } from "../../links/record-links";
import { logTaskUpdate, notifyAboutTask, statusAudience } from "./task-events";
import { tasksPolicy, transitionAction, type TaskRecord } from "./tasks.policy";
import { saveTask } from "./update-task";

/**
 * Moves a task through its workflow: todo → in_progress → done, blocked and cancelled with a reason, reopening
 * (with a reason) by the lead agency's manager or leadership. Every refusal leaves the task unchanged.
 */
export async function changeTaskStatus(
  tx: Db,
  ctx: Ctx,
  actor: Actor,
  task: TaskRecord,
  input: TaskStatusBody,
) {
  if (!tasksPolicy.record.changeStatus(actor, task)) throw new AppError("forbidden");
  const action = transitionAction(task.status, input.status);
  if (!action) throw new AppError("invalid_transition");
  if (!tasksPolicy.record[action](actor, task)) {
    throw new AppError(action === "reopen" ? "not_reopenable" : "invalid_transition");
  }
  const needsReason = input.status === "blocked" || input.status === "cancelled" || action === "reopen";
  if (needsReason && !input.reason)
    throw new AppError("reason_required", { fields: [{ field: "reason", issue: "required" }] });
  const after = await saveTask(
    tx,
    ctx,
    task,
    {
      status: input.status,
      statusReason: needsReason ? input.reason : null,
      ...(input.status === "done" ? { progress: 100 } : {}),
    },
    `task.${action}`,
  );
  await logTaskUpdate(tx, ctx, after, "status", {
    from: task.status,
    to: input.status,
    reason: input.reason,
  });
  await notifyAboutTask(tx, ctx, after, "task_status", await statusAudience(tx, after), {
    status: input.status,
  });
  // What the task was made from (a meeting's commitment) is completed with it, in this transaction.
  if (input.status === "done") await linkedRecordCompleted(tx, ctx, "task", after.id);
  return after;
}
