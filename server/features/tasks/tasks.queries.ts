import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import { addDays, zonedDay } from "../../../common/dates";
import { LIMITS } from "../../../common/limits";
import { TASK_STATUSES, type TaskStatus } from "../../../common/enums";
import type { TaskListQuery } from "../../../common/schemas/tasks";
import type { Actor } from "../../authz/actor";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { queryRows, type Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { keptStatement } from "../../db/kept-statements";
import { literalLimit, literalOffset, matchesSearch, pageWindow } from "../../http/pagination";
import { users } from "../users/users.table";
import { agencyTasksVisibleTo, taskVisibilityKey, tasksVisibleTo, type TaskRecord } from "./tasks.policy";
import { openTaskCounts, openTaskTotal } from "./task-rollups.queries";
import { taskSupports, taskUpdates, tasks, type SupportRow, type TaskRow } from "./tasks.table";

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

const SUPPORT_OPEN = sql`${taskSupports.taskStatus} in ('todo', 'in_progress', 'blocked')`;

/** The due window of a list, on the tasks or on the supports' copies (the same condition, for each one's index). */
function dueFilter(
  due: TaskListQuery["due"],
  now: Date,
  on: "tasks" | "supports" = "tasks",
): SQL | undefined {
  if (!due) return undefined;
  const [open, dueOn] = on === "tasks" ? [OPEN, tasks.dueOn] : [SUPPORT_OPEN, taskSupports.taskDueOn];
  const today = zonedDay(now);
  if (due === "overdue") return and(open, sql`${dueOn} < ${today}`);
  return and(open, sql`${dueOn} >= ${today}`, sql`${dueOn} < ${addDays(today, LIMITS.dueSoonDays)}`);
}

/**
 * The ids (with due day) of what an agency leads and/or supports, as a derived table `member(id, due_on)`: one
 * side from the lead agency's index on tasks, the other from the supports' own index (with their copies of the
 * task's status and due day). An OR of the two conditions on tasks made PostgreSQL read every open task of the
 * region, and joining the whole union to tasks visited every match (bench/tasks.bench.ts, 100k tasks). With
 * `first`, each side is cut to its first rows by due day straight from its index, so one page of a due list
 * reads at most that many entries of each index, whatever the agency's backlog.
 */
function memberIds(
  agencyId: string,
  role: "any" | "support",
  query: TaskListQuery,
  now: Date,
  first?: { rows: number; dir: SQL },
): SQL {
  const firstBy = (dueOn: AnyPgColumn, id: AnyPgColumn) =>
    first ? sql` order by ${dueOn} ${first.dir} nulls last, ${id} ${first.dir} limit ${first.rows}` : sql``;
  const lead = sql`(select ${tasks.id}, ${tasks.dueOn} from ${tasks} where ${and(
    eq(tasks.agencyId, agencyId),
    dueFilter(query.due, now),
    query.status === "open" ? OPEN : query.status ? eq(tasks.status, query.status) : undefined,
  )}${firstBy(tasks.dueOn, tasks.id)})`;
  const support = sql`(select ${taskSupports.taskId}, ${taskSupports.taskDueOn} from ${taskSupports} where ${and(
    eq(taskSupports.agencyId, agencyId),
    dueFilter(query.due, now, "supports"),
    query.status === "open"
      ? SUPPORT_OPEN
      : query.status
        ? eq(taskSupports.taskStatus, query.status)
        : undefined,
  )}${firstBy(taskSupports.taskDueOn, taskSupports.taskId)})`;
  return role === "support"
    ? sql`(${support}) as member(id, due_on)`
    : sql`(${lead} union all ${support}) as member(id, due_on)`;
}

export async function listTasks(db: Db, actor: Actor, query: TaskListQuery, now: Date) {
  const agency = query.agencyId;
  const byMembership = agency !== undefined && query.role !== "lead";
  const fromRollup = rollupCovers(query);
  // From the rollup, the page is the only read of the tasks: its first rows in due order, each checked on its own.
  const filters = [
    agencyTasksVisibleTo(actor, agency, fromRollup && query.sort === "dueOn" ? "few" : "many"),
    query.planId ? eq(tasks.planId, query.planId) : undefined,
    query.objectiveId ? eq(tasks.objectiveId, query.objectiveId) : undefined,
    query.priority ? eq(tasks.priority, query.priority) : undefined,
    query.assigneeId ? eq(tasks.assigneeId, query.assigneeId) : undefined,
    matchesSearch(tasks.searchKey, query.q),
  ].filter((f) => f !== undefined);
  const where = and(
    ...filters,
    agency && query.role === "lead" ? eq(tasks.agencyId, agency) : undefined,
    query.status === "open" ? OPEN : query.status ? eq(tasks.status, query.status) : undefined,
    dueFilter(query.due, now),
  );
  const order = query.dir === "desc" ? desc : asc;
  const column = {
    dueOn: tasks.dueOn,
    priority: tasks.priorityRank,
    updatedAt: tasks.updatedAt,
    title: tasks.titleAr,
    progress: tasks.progress,
  }[query.sort];
  const direction = sql.raw(query.dir);
  const orderBy = (dueOn: SQL | typeof tasks.dueOn, id: SQL | typeof tasks.id) =>
    query.sort === "dueOn"
      ? [sql`${dueOn} ${direction} nulls last`, sql`${id} ${direction}`]
      : [order(column), asc(tasks.id)];
  const { limit, offset } = pageWindow(query);

  // One round trip per page: the supports ride along as JSON and the total as a scalar subquery (each query
  // costs the server a socket write and a wake-up of PostgreSQL; at 20 clients that was a quarter of its CPU).
  const columns = { ...getTableColumns(tasks), supports: SUPPORTS_JSON };
  type PageRow = TaskRow & { supports: SupportJson[]; total: number };
  // The page's statement depends only on the reader's visibility class, the day (overdue and due soon count from
  // it) and the query: built once, kept (drizzle's building of it cost as much of the server's CPU as the reading).
  const kept = (build: () => { prepare(name: string): { execute(): Promise<PageRow[]> } }) =>
    keptStatement(
      db,
      `tasks.list:${taskVisibilityKey(actor)}:${zonedDay(now)}:${JSON.stringify(query)}`,
      build,
    );
  /** The page read from the tasks themselves, its total riding along. */
  const tasksPage = (total: SQL<number>) =>
    kept(() =>
      db
        .select({ ...columns, total })
        .from(tasks)
        .where(where)
        .orderBy(...orderBy(tasks.dueOn, tasks.id))
        .limit(literalLimit(limit))
        .offset(literalOffset(offset, limit)),
    ).execute();
  let pageRows: PageRow[];
  let countQuery: () => Promise<number>;
  if (byMembership) {
    const role = query.role === "support" ? "support" : "any";
    const member = memberIds(agency, role, query, now);
    // A due list by due day with no other filter: each side's first rows are enough for the page.
    const paged =
      filters.length === 0 && query.sort === "dueOn"
        ? memberIds(agency, role, query, now, { rows: offset + limit, dir: direction })
        : member;
    // With no filter beyond what the member ids already express, they are the count (no visit of the tasks).
    const counted =
      filters.length === 0
        ? sql`select count(*)::int from ${member}`
        : sql`select count(*)::int from ${member} inner join ${tasks} on ${tasks.id} = member.id where ${where ?? sql`true`}`;
    pageRows = await kept(() =>
      db
        .select({ ...columns, total: sql<number>`(${counted})` })
        .from(paged)
        .innerJoin(tasks, sql`${tasks.id} = member.id`)
        .where(where)
        .orderBy(...orderBy(sql`member.due_on`, sql`member.id`))
        .limit(literalLimit(limit))
        .offset(literalOffset(offset, limit)),
    ).execute();
    countQuery = async () => (await queryRows<{ count: number }>(db, counted))[0]?.count ?? 0;
  } else if (fromRollup) {
    // Open, overdue or due-soon tasks of the region (or led by one agency): the total is the rollup's (riding with the
    // page as a scalar subquery), so the page reads only its rows (from the open tasks' due index) and never counts
    // the matching ones.
    const options = { agencyId: agency, due: query.due };
    const figure = query.due === "overdue" ? "overdue" : query.due === "dueSoon" ? "due_soon" : "open";
    pageRows = await tasksPage(openTaskTotal(actor, now, options, figure));
    countQuery = async () => {
      const key = figure === "due_soon" ? "dueSoon" : figure;
      return (await openTaskCounts(db, actor, now, options)).reduce((n, c) => n + c[key], 0);
    };
  } else {
    const counted = sql`select count(*)::int from ${tasks} where ${where ?? sql`true`}`;
    pageRows = await tasksPage(sql<number>`(${counted})`);
    countQuery = async () => (await queryRows<{ count: number }>(db, counted))[0]?.count ?? 0;
  }
  // Past the last page there is no row to carry the total: ask for it alone.
  const total = pageRows[0]?.total ?? (offset > 0 ? await countQuery() : 0);
  return { rows: pageRows.map(({ total: _, ...row }) => withSupportRows(row)), total };
}

/**
 * Does the open-task rollup hold this list's total? Open (or overdue, or due soon) tasks of the region or led by
 * one agency, with no other filter: the rollup has lead agency, sensitivity and due day, nothing else.
 */
function rollupCovers(query: TaskListQuery): boolean {
  const open = query.status === "open" || (query.status === undefined && query.due !== undefined);
  const byLead = query.agencyId === undefined || query.role === "lead";
  const otherFilters = query.planId ?? query.objectiveId ?? query.priority ?? query.assigneeId ?? query.q;
  return open && byLead && !otherFilters;
}

type SupportJson = Omit<SupportRow, "updatedAt"> & { updatedAt: string };

/** A task's supports as one JSON array (ordered by agency), for lists. */
const SUPPORTS_JSON = sql<SupportJson[]>`coalesce((select json_agg(json_build_object(
    'taskId', ${taskSupports.taskId}, 'agencyId', ${taskSupports.agencyId}, 'contribution', ${taskSupports.contribution},
    'status', ${taskSupports.status}, 'note', ${taskSupports.note}, 'taskStatus', ${taskSupports.taskStatus},
    'taskDueOn', ${taskSupports.taskDueOn}, 'updatedAt', ${taskSupports.updatedAt}
  ) order by ${taskSupports.agencyId}) from ${taskSupports} where ${taskSupports.taskId} = ${tasks.id}), '[]'::json)`;

function withSupportRows(row: TaskRow & { supports: SupportJson[] }): TaskRecord {
  return { ...row, supports: row.supports.map((s) => ({ ...s, updatedAt: new Date(s.updatedAt) })) };
}

type Counts = Record<TaskStatus, number>;
const zero = (): Counts => Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Counts;

/**
 * The agency board: what it leads and what it supports, by status, and its overdue and due-soon work — the totals of
 * the lists its cards open (`listTasks`, the agency leading or supporting), so a card and its list agree.
 */
export async function agencyBoard(db: Db, actor: Actor, agencyId: string, now: Date) {
  const visible = agencyTasksVisibleTo(actor, agencyId);
  const dueTotal = (due: "overdue" | "dueSoon") =>
    listTasks(
      db,
      actor,
      { agencyId, role: "any", due, sort: "dueOn", dir: "asc", page: 1, pageSize: 1 },
      now,
    ).then((r) => r.total);
  const [lead, support, overdue, dueSoon] = await Promise.all([
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
    dueTotal("overdue"),
    dueTotal("dueSoon"),
  ]);
  const leadCounts = zero();
  for (const r of lead) leadCounts[r.status] = r.n;
  const supportCounts = zero();
  for (const r of support) supportCounts[r.status] = r.n;
  return {
    agencyId,
    lead: leadCounts,
    support: supportCounts,
    overdue,
    dueSoon,
  };
}

/** Region-wide: open, overdue and due-soon tasks per lead agency (what the actor may see), from the rollup. */
export async function dueCountsByAgency(db: Db, actor: Actor, now: Date) {
  const counts = await openTaskCounts(db, actor, now);
  return counts.sort((a, b) => b.overdue - a.overdue || a.agencyId.localeCompare(b.agencyId));
}

/** A task's timeline, each entry with the name of the person who made it (null for automatic processes). */
export async function timeline(db: Db, taskId: string) {
  const rows = await db
    .select({ update: taskUpdates, ar: users.displayNameAr, en: users.displayNameEn })
    .from(taskUpdates)
    .leftJoin(users, eq(users.id, taskUpdates.actorId))
    .where(eq(taskUpdates.taskId, taskId))
    .orderBy(asc(taskUpdates.at), asc(taskUpdates.id));
  return rows.map((r) => ({
    ...r.update,
    actorName: r.ar !== null && r.en !== null ? { ar: r.ar, en: r.en } : null,
  }));
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

/** Keeps the supports' copies of a task's status and due day in step; call on every write of either. */
export async function syncSupportCopy(
  db: Db,
  task: { id: string; status: TaskStatus; dueOn: string | null },
) {
  await db
    .update(taskSupports)
    .set({ taskStatus: task.status, taskDueOn: task.dueOn })
    .where(eq(taskSupports.taskId, task.id));
}
