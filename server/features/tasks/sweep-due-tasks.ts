import { inArray, sql } from "drizzle-orm";
import { addDays, zonedDay } from "../../../common/dates";
import { LIMITS } from "../../../common/limits";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import { queryRows, type Db } from "../../db/client";
import { agencyRecipients } from "../../notifications";
import { notifyAboutTask } from "./task-events";
import { tasks } from "./tasks.table";

/**
 * Notifies due-soon (within 3 days) and overdue open tasks. `task_alerts` remembers each (task, condition, due
 * date) it has notified, so the sweep may run as often as wanted, on as many instances as wanted: each task is
 * notified once per condition (again only if its due date moves). Returns how many alerts it raised.
 */
export async function sweepDueTasks(db: Db, now: Date): Promise<{ dueSoon: number; overdue: number }> {
  const ctx: Ctx = { actor: null, now, actorLabel: "due-sweep" };
  const today = zonedDay(now);
  const horizon = addDays(today, LIMITS.dueSoonNotifyDays);
  return db.transaction(async (tx) => {
    const raised = await queryRows<{ task_id: string; condition: "due_soon" | "overdue" }>(
      tx,
      sql`insert into task_alerts (task_id, condition, due_on, at)
          select id, case when due_on < ${today}::date then 'overdue' else 'due_soon' end, due_on, ${now.toISOString()}::timestamptz
          from tasks
          where status in ('todo', 'in_progress', 'blocked') and due_on is not null and due_on <= ${horizon}::date
          on conflict do nothing
          returning task_id, condition`,
    );
    if (raised.length === 0) return { dueSoon: 0, overdue: 0 };
    const rows = await tx
      .select()
      .from(tasks)
      .where(
        inArray(
          tasks.id,
          raised.map((r) => r.task_id),
        ),
      );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const managers = new Map<string, string[]>();
    for (const alert of raised) {
      const task = byId.get(alert.task_id);
      if (!task) continue;
      if (!managers.has(task.agencyId))
        managers.set(task.agencyId, await agencyRecipients(tx, [task.agencyId], ["manager"]));
      const audience = [
        ...(task.assigneeId ? [task.assigneeId] : []),
        ...(managers.get(task.agencyId) ?? []),
      ];
      await notifyAboutTask(
        tx,
        ctx,
        task,
        alert.condition === "overdue" ? "task_overdue" : "task_due_soon",
        audience,
      );
    }
    const counts = {
      dueSoon: raised.filter((r) => r.condition === "due_soon").length,
      overdue: raised.filter((r) => r.condition === "overdue").length,
    };
    await recordEvent(tx, ctx, "tasks.sweep", "task", null, null, { day: today, ...counts });
    return counts;
  });
}
