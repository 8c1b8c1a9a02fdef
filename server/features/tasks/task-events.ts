import type { TaskUpdateKind } from "../../../common/enums";
import type { Ctx } from "../../authz/actor";
import type { Db } from "../../db/client";
import { publishChange } from "../../live/publish-change";
import { agencyRecipients, notify } from "../../notifications";
import type { NotificationKind } from "../../../common/enums";
import { taskUpdates, type TaskRow } from "./tasks.table";

/** Appends one entry to the task's timeline and announces the change to open pages (at commit). */
export async function logTaskUpdate(
  tx: Db,
  ctx: Ctx,
  task: Pick<TaskRow, "id" | "planId">,
  kind: TaskUpdateKind,
  data: Record<string, unknown>,
): Promise<void> {
  await tx.insert(taskUpdates).values({
    taskId: task.id,
    kind,
    actorId: ctx.actor?.userId ?? null,
    actorLabel: ctx.actor?.username ?? ctx.actorLabel ?? "system",
    agencyId: ctx.actor?.agencyId ?? null,
    data,
    at: ctx.now,
  });
  await publishChange(tx, { entity: "task", id: task.id, planId: task.planId });
}

export const taskParams = (task: Pick<TaskRow, "reference" | "titleAr" | "titleEn" | "dueOn">) => ({
  reference: task.reference,
  titleAr: task.titleAr,
  titleEn: task.titleEn,
  dueOn: task.dueOn,
});

export async function notifyAboutTask(
  tx: Db,
  ctx: Ctx,
  task: Pick<TaskRow, "id" | "reference" | "titleAr" | "titleEn" | "dueOn">,
  kind: NotificationKind,
  userIds: string[],
  extra: Record<string, string | number | null> = {},
) {
  return notify(tx, ctx, {
    userIds,
    kind,
    entity: "task",
    entityId: task.id,
    params: { ...taskParams(task), ...extra },
    linkPath: `/tasks/${task.id}`,
  });
}

/** Those told of a status change: the assignee, and the managers of the lead and supporting agencies. */
export async function statusAudience(tx: Db, task: TaskRow & { supports: { agencyId: string }[] }) {
  const managers = await agencyRecipients(
    tx,
    [task.agencyId, ...task.supports.map((s) => s.agencyId)],
    ["manager"],
  );
  return task.assigneeId ? [task.assigneeId, ...managers] : managers;
}
