import { and, eq, notInArray } from "drizzle-orm";
import type { TaskSupportsBody, TaskUpdateBody } from "../../../common/schemas/tasks";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { agencyRecipients } from "../../notifications";
import { PRIORITY_RANK, assertSupports, taskSearchKey } from "./create-task";
import { logTaskUpdate, notifyAboutTask } from "./task-events";
import { assertAssignee, syncSupportCopy, withSupports } from "./tasks.queries";
import type { TaskRecord } from "./tasks.policy";
import { taskSupports, tasks, type TaskRow } from "./tasks.table";

/** Writes changed task columns, audits before/after and returns the task with its supports. */
export async function saveTask(
  tx: Db,
  ctx: Ctx,
  before: TaskRecord,
  changes: Partial<TaskRow>,
  action: string,
) {
  const [row] = await tx
    .update(tasks)
    .set({ ...changes, updatedAt: ctx.now })
    .where(eq(tasks.id, before.id))
    .returning();
  if (!row) throw new AppError("not_found");
  if (row.status !== before.status || row.dueOn !== before.dueOn) await syncSupportCopy(tx, row);
  const [after] = await withSupports(tx, [row]);
  await recordEvent(tx, ctx, action, "task", row.id, before, after);
  return after!;
}

export async function updateTask(tx: Db, ctx: Ctx, task: TaskRecord, input: TaskUpdateBody) {
  const next = { ...task, ...input };
  const after = await saveTask(
    tx,
    ctx,
    task,
    {
      ...input,
      ...(input.priority ? { priorityRank: PRIORITY_RANK[input.priority] } : {}),
      searchKey: taskSearchKey(next),
    },
    "task.update",
  );
  const changed = Object.keys(input).filter(
    (k) => (task as Record<string, unknown>)[k] !== (input as Record<string, unknown>)[k],
  );
  await logTaskUpdate(
    tx,
    ctx,
    after,
    changed.length === 1 && changed[0] === "progress" ? "progress" : "edit",
    {
      fields: changed,
      ...(input.progress !== undefined ? { progress: input.progress } : {}),
    },
  );
  return after;
}

export async function assignTask(tx: Db, ctx: Ctx, task: TaskRecord, assigneeId: string | null) {
  if (assigneeId === task.assigneeId) return task;
  await assertAssignee(tx, assigneeId, task.agencyId);
  const after = await saveTask(tx, ctx, task, { assigneeId }, "task.assign");
  await logTaskUpdate(tx, ctx, after, "reassign", { from: task.assigneeId, to: assigneeId });
  if (assigneeId) await notifyAboutTask(tx, ctx, after, "task_assigned", [assigneeId]);
  return after;
}

/** Sets the supporting agencies: keeps the contributions of those that stay, asks the new ones. */
export async function setSupports(tx: Db, ctx: Ctx, task: TaskRecord, input: TaskSupportsBody) {
  await assertSupports(tx, ctx, task.agencyId, input.supports);
  const keep = input.supports.map((s) => s.agencyId);
  await tx
    .delete(taskSupports)
    .where(
      and(
        eq(taskSupports.taskId, task.id),
        keep.length ? notInArray(taskSupports.agencyId, keep) : undefined,
      ),
    );
  const added: string[] = [];
  for (const s of input.supports) {
    const existing = task.supports.find((e) => e.agencyId === s.agencyId);
    if (existing) {
      if (existing.contribution !== s.contribution)
        await tx
          .update(taskSupports)
          .set({ contribution: s.contribution, updatedAt: ctx.now })
          .where(and(eq(taskSupports.taskId, task.id), eq(taskSupports.agencyId, s.agencyId)));
    } else {
      added.push(s.agencyId);
      await tx.insert(taskSupports).values({
        taskId: task.id,
        agencyId: s.agencyId,
        contribution: s.contribution,
        taskStatus: task.status,
        taskDueOn: task.dueOn,
        updatedAt: ctx.now,
      });
    }
  }
  const after = await saveTask(tx, ctx, task, {}, "task.supports");
  await logTaskUpdate(tx, ctx, after, "edit", { supports: keep });
  for (const agencyId of added)
    await notifyAboutTask(
      tx,
      ctx,
      after,
      "contribution_asked",
      await agencyRecipients(tx, [agencyId], ["manager", "officer"]),
    );
  return after;
}
