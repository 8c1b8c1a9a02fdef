import { zonedDay } from "../../../common/dates";
import type { Task } from "../../../common/schemas/tasks";
import type { Actor } from "../../authz/actor";
import { abilitiesFor } from "../../authz/engine";
import { contributionsPolicy, tasksPolicy, type TaskRecord } from "./tasks.policy";
import type { TaskUpdateRow } from "./tasks.table";

export function isOverdue(task: Pick<TaskRecord, "status" | "dueOn">, now: Date) {
  const open = task.status === "todo" || task.status === "in_progress" || task.status === "blocked";
  return open && task.dueOn !== null && task.dueOn < zonedDay(now);
}

export function presentTask(task: TaskRecord, actor: Actor, now: Date): Task {
  return {
    id: task.id,
    reference: task.reference,
    titleAr: task.titleAr,
    titleEn: task.titleEn,
    description: task.description,
    planId: task.planId,
    objectiveId: task.objectiveId,
    agencyId: task.agencyId,
    assigneeId: task.assigneeId,
    priority: task.priority,
    dueOn: task.dueOn,
    status: task.status,
    statusReason: task.statusReason,
    progress: task.progress,
    sensitivity: task.sensitivity,
    isOverdue: isOverdue(task, now),
    supports: task.supports.map((s) => ({
      agencyId: s.agencyId,
      contribution: s.contribution,
      status: s.status,
      note: s.note,
      updatedAt: s.updatedAt.toISOString(),
      abilities: abilitiesFor(actor, contributionsPolicy, { task, support: s }),
    })),
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
    abilities: abilitiesFor(actor, tasksPolicy, task),
  };
}

export function presentUpdate(row: TaskUpdateRow & { actorName: { ar: string; en: string } | null }) {
  return {
    id: row.id,
    kind: row.kind,
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    actorName: row.actorName,
    agencyId: row.agencyId,
    data: row.data,
    at: row.at.toISOString(),
  };
}
