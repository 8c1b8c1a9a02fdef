import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { addDays, zonedDay } from "../../../common/dates";
import { LIMITS } from "../../../common/limits";
import { TASK_STATUSES, type TaskStatus } from "../../../common/enums";
import type { TaskListQuery } from "../../../common/schemas/tasks";
import type { Actor } from "../../authz/actor";
import { queryRows, type Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { matchesSearch, pageWindow } from "../../http/pagination";
import { users } from "../users/users.table";
import { tasksVisibleTo, type TaskRecord } from "./tasks.policy";
import { taskSupports, taskUpdates, tasks, type TaskRow } from "./tasks.table";

const OPEN = sql`${tasks.status} in ('todo', 'in_progress', 'blocked')`;

export async function withSupports(db: Db, rows: TaskRow[]): Promise<TaskRecord[]> {
  if (rows.length === 0) return [];
  const supports = await db
    .select()
    .from(taskSupports)
    .where(
      inArray(
        taskSupports.taskId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(taskSupports.agencyId));
  return rows.map((r) => ({ ...r, supports: supports.filter((s) => s.taskId === r.id) }));
}

export async function findTask(
  db: Db,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<TaskRecord> {
  const query = db
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, id), tasksVisibleTo(actor)));
  const [row] = options.forUpdate ? await query.for("update", { of: tasks }) : await query;
  if (!row) throw new AppError("not_found");
  const [record] = await withSupports(db, [row]);
  return record!;
}

const supportedBy = (agencyId: string) =>
  sql`exists (select 1 from ${taskSupports} where ${taskSupports.taskId} = ${tasks.id} and ${taskSupports.agencyId} = ${agencyId})`;

function dueFilter(due: TaskListQuery["due"], now: Date): SQL | undefined {
  if (!due) return undefined;
  const today = zonedDay(now);
  if (due === "overdue") return and(OPEN, sql`${tasks.dueOn} < ${today}`);
  return and(
    OPEN,
    sql`${tasks.dueOn} >= ${today}`,
    sql`${tasks.dueOn} < ${addDays(today, LIMITS.dueSoonDays)}`,
  );
}

export async function listTasks(db: Db, actor: Actor, query: TaskListQuery, now: Date) {
  const agency = query.agencyId;
  // What one's own agency leads or supports is visible to it (observers excepted): the rule is implied.
  const implied = agency === actor.agencyId && actor.role !== "observer";
  const where = and(
    implied ? undefined : tasksVisibleTo(actor),
    agency
      ? query.role === "lead"
        ? eq(tasks.agencyId, agency)
        : query.role === "support"
          ? supportedBy(agency)
          : or(eq(tasks.agencyId, agency), supportedBy(agency))
      : undefined,
    query.planId ? eq(tasks.planId, query.planId) : undefined,
    query.objectiveId ? eq(tasks.objectiveId, query.objectiveId) : undefined,
    query.status === "open" ? OPEN : query.status ? eq(tasks.status, query.status) : undefined,
    query.priority ? eq(tasks.priority, query.priority) : undefined,
    query.assigneeId ? eq(tasks.assigneeId, query.assigneeId) : undefined,
    dueFilter(query.due, now),
    matchesSearch(tasks.searchKey, query.q),
  );
  const order = query.dir === "desc" ? desc : asc;
  const column = {
    dueOn: tasks.dueOn,
    priority: tasks.priorityRank,
    updatedAt: tasks.updatedAt,
    title: tasks.titleAr,
    progress: tasks.progress,
  }[query.sort];
  const { limit, offset } = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(tasks)
      .where(where)
      .orderBy(
        query.sort === "dueOn" ? sql`${tasks.dueOn} ${sql.raw(query.dir)} nulls last` : order(column),
        asc(tasks.id),
      )
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(tasks).where(where),
  ]);
  return { rows: await withSupports(db, rows), total: total?.n ?? 0 };
}

type Counts = Record<TaskStatus, number>;
const zero = (): Counts => Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Counts;

/** The agency board: what it leads and what it supports, by status, and its overdue and due-soon work. */
export async function agencyBoard(db: Db, actor: Actor, agencyId: string, now: Date) {
  // On one's own board every task is visible (led or supported by one's agency): the rule is implied.
  const visible =
    agencyId === actor.agencyId && actor.role !== "observer" ? undefined : tasksVisibleTo(actor);
  const today = zonedDay(now);
  const soon = addDays(today, LIMITS.dueSoonDays);
  const [lead, support, due] = await Promise.all([
    db
      .select({ status: tasks.status, n: sql<number>`count(*)::int` })
      .from(tasks)
      .where(and(eq(tasks.agencyId, agencyId), visible))
      .groupBy(tasks.status),
    visible
      ? db
          .select({ status: tasks.status, n: sql<number>`count(*)::int` })
          .from(taskSupports)
          .innerJoin(tasks, eq(tasks.id, taskSupports.taskId))
          .where(and(eq(taskSupports.agencyId, agencyId), visible))
          .groupBy(tasks.status)
      : db // one's own board: counted from the supports alone (their copy of the task's status)
          .select({ status: taskSupports.taskStatus, n: sql<number>`count(*)::int` })
          .from(taskSupports)
          .where(eq(taskSupports.agencyId, agencyId))
          .groupBy(taskSupports.taskStatus),
    db
      .select({
        overdue: sql<number>`(count(*) filter (where ${tasks.dueOn} < ${today}))::int`,
        dueSoon: sql<number>`(count(*) filter (where ${tasks.dueOn} >= ${today} and ${tasks.dueOn} < ${soon}))::int`,
      })
      .from(tasks)
      .where(and(eq(tasks.agencyId, agencyId), OPEN, sql`${tasks.dueOn} < ${soon}`, visible)),
  ]);
  const leadCounts = zero();
  for (const r of lead) leadCounts[r.status] = r.n;
  const supportCounts = zero();
  for (const r of support) supportCounts[r.status] = r.n;
  return {
    agencyId,
    lead: leadCounts,
    support: supportCounts,
    overdue: due[0]?.overdue ?? 0,
    dueSoon: due[0]?.dueSoon ?? 0,
  };
}

/** Region-wide: open, overdue and due-soon tasks per lead agency (what the actor may see). */
export async function dueCountsByAgency(db: Db, actor: Actor, now: Date) {
  const today = zonedDay(now);
  const soon = addDays(today, LIMITS.dueSoonDays);
  return db
    .select({
      agencyId: tasks.agencyId,
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${tasks.dueOn} < ${today}))::int`,
      dueSoon: sql<number>`(count(*) filter (where ${tasks.dueOn} >= ${today} and ${tasks.dueOn} < ${soon}))::int`,
    })
    .from(tasks)
    .where(and(OPEN, tasksVisibleTo(actor)))
    .groupBy(tasks.agencyId)
    .orderBy(desc(sql`3`));
}

export async function timeline(db: Db, taskId: string) {
  return db
    .select()
    .from(taskUpdates)
    .where(eq(taskUpdates.taskId, taskId))
    .orderBy(asc(taskUpdates.at), asc(taskUpdates.id));
}

/** The assignee must be an active user of the lead agency. */
export async function assertAssignee(db: Db, assigneeId: string | null, agencyId: string) {
  if (!assigneeId) return;
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, assigneeId), eq(users.agencyId, agencyId), eq(users.isActive, true)));
  if (!row)
    throw new AppError("invalid_assignee", { fields: [{ field: "assigneeId", issue: "invalid_value" }] });
}

export { queryRows };

/** Keeps the supports' copy of a task's status in step (the board reads it); call on every status write. */
export async function syncSupportStatus(db: Db, taskId: string, status: TaskStatus) {
  await db.update(taskSupports).set({ taskStatus: status }).where(eq(taskSupports.taskId, taskId));
}
