import { and, eq, ne, or, sql, type SQL } from "drizzle-orm";
import type { TaskStatus } from "../../../common/enums";
import type { Actor } from "../../authz/actor";
import { definePolicy } from "../../authz/engine";
import { isLeadership, visibleWhere } from "../../authz/visibility";
import { plansPolicy } from "../plans/plans.policy";
import type { PlanRow } from "../plans/plans.table";
import { recordShares } from "../../authz/shares.table";
import { taskDueCounts } from "./task-rollups.table";
import { tasks, taskSupports, type SupportRow, type TaskRow } from "./tasks.table";

export type TaskRecord = TaskRow & { supports: SupportRow[] };

const isStaff = (actor: Actor) => actor.role === "manager" || actor.role === "officer";
const isOpen = (t: Pick<TaskRow, "status">) =>
  t.status === "todo" || t.status === "in_progress" || t.status === "blocked";
/** The lead agency's officers and managers update their tasks. */
export const isLeadStaff = (actor: Actor, t: Pick<TaskRow, "agencyId">) =>
  isStaff(actor) && t.agencyId === actor.agencyId;
export const isSupportStaff = (actor: Actor, t: TaskRecord) =>
  isStaff(actor) && t.supports.some((s) => s.agencyId === actor.agencyId);
const mayWork = (actor: Actor, t: Pick<TaskRow, "agencyId">) => isLeadership(actor) || isLeadStaff(actor, t);
const mayWorkOpen = (actor: Actor, t: TaskRecord) => mayWork(actor, t) && isOpen(t);

/** Reopening a done or cancelled task: the lead agency's manager, or leadership. */
export const mayReopen = (actor: Actor, t: TaskRecord) =>
  (isLeadership(actor) || (actor.role === "manager" && t.agencyId === actor.agencyId)) &&
  (t.status === "done" || t.status === "cancelled");

export const tasksPolicy = definePolicy({
  entity: "tasks",
  routes: {
    read: () => true,
    create: (actor: Actor) => isLeadership(actor) || isStaff(actor),
    update: (actor: Actor) => isLeadership(actor) || isStaff(actor),
    comment: (actor: Actor) => isLeadership(actor) || isStaff(actor),
    contribute: (actor: Actor) => isLeadership(actor) || isStaff(actor),
  },
  record: {
    update: mayWorkOpen,
    assign: mayWorkOpen,
    start: (actor: Actor, t: TaskRecord) =>
      mayWork(actor, t) && (t.status === "todo" || t.status === "blocked"),
    block: (actor: Actor, t: TaskRecord) =>
      mayWork(actor, t) && (t.status === "todo" || t.status === "in_progress"),
    complete: (actor: Actor, t: TaskRecord) =>
      mayWork(actor, t) && (t.status === "todo" || t.status === "in_progress"),
    cancel: mayWorkOpen,
    reopen: mayReopen,
    comment: (actor: Actor, t: TaskRecord) =>
      isLeadership(actor) || isLeadStaff(actor, t) || isSupportStaff(actor, t),
    manageSupports: mayWorkOpen,
    /** Moving it through its workflow at all (which transitions, the actions above say). */
    changeStatus: mayWork,
  },
});

/**
 * Creating a task: for leadership, or the staff of the agency that will lead it; in a plan, also whoever may add
 * tasks to that plan (plansPolicy). The plan's state (archived) is checked after this.
 */
export function mayCreateTask(actor: Actor, task: { agencyId: string; plan: PlanRow | null }): boolean {
  if (mayWork(actor, task)) return true;
  return task.plan !== null && plansPolicy.record.addTask(actor, task.plan);
}

/** A supporting agency's officers and managers update only their own contribution. */
export const contributionsPolicy = definePolicy({
  entity: "contributions",
  routes: {},
  record: {
    update: (actor: Actor, c: { task: TaskRecord; support: SupportRow }) =>
      isOpen(c.task) && (isLeadership(actor) || (isStaff(actor) && c.support.agencyId === actor.agencyId)),
  },
});

export type TaskAction = "update" | "start" | "block" | "complete" | "cancel" | "reopen";
const CLOSED: TaskStatus[] = ["done", "cancelled"];

/** The workflow: which action a status change is, or null when the change is not a valid transition. */
export function transitionAction(from: TaskStatus, to: TaskStatus): TaskAction | null {
  if (from === to) return null;
  if (CLOSED.includes(from)) return to === "todo" || to === "in_progress" ? "reopen" : null;
  switch (to) {
    case "blocked":
      return from === "blocked" ? null : "block";
    case "cancelled":
      return "cancel";
    case "done":
      return from === "blocked" ? null : "complete";
    case "in_progress":
      return "start";
    case "todo":
      return from === "blocked" ? "start" : "update";
  }
}

/**
 * Tasks an agency leads or supports, as the actor sees them: all of them on one's own agency's board and list
 * (observers excepted), otherwise those tasksVisibleTo allows.
 */
export function agencyTasksVisibleTo(
  actor: Actor,
  agencyId: string | undefined,
  checked: TasksChecked = "many",
): SQL | undefined {
  return agencyId === actor.agencyId && actor.role !== "observer"
    ? undefined
    : tasksVisibleTo(actor, checked);
}

/**
 * Readers who see the same tasks under `tasksVisibleTo`, `agencyTasksVisibleTo` and the open-task rollup's rules
 * share this key (leadership; observers; each other agency's staff): statements built for one of them are kept for
 * the others.
 */
export function taskVisibilityKey(actor: Actor): string {
  if (isLeadership(actor)) return "all";
  if (actor.role === "observer") return "internal";
  return `agency:${actor.agencyId}`;
}

/**
 * How many tasks the condition will be checked on. "few": a page read in order under a limit, where PostgreSQL,
 * expecting to check every matching task, would hash all the supports of the actor's agency (3,000 in bench:tasks)
 * to check the 20-odd restricted ones it reads; each is looked up by its key instead (`offset 0` keeps PostgreSQL
 * from turning the lookup into that hash).
 */
export type TasksChecked = "few" | "many";

/**
 * Who sees a task: the one visibility rule (internal to all; restricted to the lead agency, agencies it is
 * shared with, leadership), widened to its supporting agencies — observers excepted.
 */
export function tasksVisibleTo(actor: Actor, checked: TasksChecked = "many"): SQL | undefined {
  const base = visibleWhere(actor, tasks, "tasks");
  if (!base || actor.role === "observer") return base;
  return or(
    base,
    sql`exists (select 1 from ${taskSupports} where ${and(eq(taskSupports.taskId, tasks.id), eq(taskSupports.agencyId, actor.agencyId))}${sql.raw(checked === "few" ? " offset 0" : "")})`,
  );
}

/**
 * tasksVisibleTo on the open-task rollup (task_due_counts), whose lead agency and sensitivity are dimensions. The
 * restricted tasks of another agency that the actor's agency supports or has been shared are not in it:
 * `tasksSeenThroughAgency` gives them from rows.
 */
export function taskDueCountsVisibleTo(actor: Actor): SQL | undefined {
  if (isLeadership(actor)) return undefined;
  const internal = eq(taskDueCounts.sensitivity, "internal");
  if (actor.role === "observer") return internal;
  return or(internal, eq(taskDueCounts.agencyId, actor.agencyId));
}

/**
 * The part of tasksVisibleTo that taskDueCountsVisibleTo cannot hold, or null: the restricted tasks of another agency
 * that the actor's agency supports or has been shared. The supported ones straight from the supports (their copies of
 * the task's lead agency, sensitivity, status and due day: `supports`, a condition on those copies, narrows them), as
 * rows `supported(agency_id, due_on)`; the shared ones not also supported as ids `shared(id)`, with the condition on
 * those tasks that keeps them apart from what the rollup counts (restricted, led by another agency).
 */
export function tasksSeenThroughAgency(
  actor: Actor,
  supports?: SQL,
  /** Only tasks led by this agency: none when it is the actor's own (what is seen this way is led by others). */
  leadAgencyId?: string,
): { supported: SQL; sharedIds: SQL; condition: SQL } | null {
  if (isLeadership(actor) || actor.role === "observer" || leadAgencyId === actor.agencyId) return null;
  return {
    supported: sql`(select ${taskSupports.taskAgencyId}, ${taskSupports.taskDueOn} from ${taskSupports}
              where ${and(
                eq(taskSupports.agencyId, actor.agencyId),
                // Written out, not a parameter: a prepared statement's generic plan can then use the partial index of
                // the open restricted supports (a parameter could be any sensitivity).
                sql`${taskSupports.taskSensitivity} = 'restricted'`,
                ne(taskSupports.taskAgencyId, actor.agencyId),
                supports,
              )}) as supported(agency_id, due_on)`,
    sharedIds: sql`(select ${recordShares.entityId} from ${recordShares}
              where ${and(eq(recordShares.entity, "tasks"), eq(recordShares.agencyId, actor.agencyId))}
                and not exists (select 1 from ${taskSupports} where ${taskSupports.taskId} = ${recordShares.entityId}
                  and ${taskSupports.agencyId} = ${actor.agencyId})) as shared(id)`,
    condition: and(eq(tasks.sensitivity, "restricted"), ne(tasks.agencyId, actor.agencyId))!,
  };
}
