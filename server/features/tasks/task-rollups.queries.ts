import { and, eq, sql, type SQL } from "drizzle-orm";
import { addDays, zonedDay } from "../../../common/dates";
import { LIMITS } from "../../../common/limits";
import type { Actor } from "../../authz/actor";
import { queryRows, type Db } from "../../db/client";
import { taskDueCountsVisibleTo, tasksSeenThroughAgency } from "./tasks.policy";
import { taskDueCounts } from "./task-rollups.table";
import { taskSupports, tasks } from "./tasks.table";

export type OpenTaskCounts = { agencyId: string; open: number; overdue: number; dueSoon: number };

const OPEN = sql`${tasks.status} in ('todo', 'in_progress', 'blocked')`;
const SUPPORT_OPEN = sql`${taskSupports.taskStatus} in ('todo', 'in_progress', 'blocked')`;

/**
 * The open tasks the actor may list, per lead agency: how many, how many overdue, how many due within the due-soon
 * window — the tasks list's totals for `status=open` / `due=overdue|dueSoon` (optionally led by `agencyId`). Read
 * from the day rollup under the actor's agency and sensitivity; restricted tasks of other agencies that the actor's
 * agency supports or has been shared are added from their rows (their number is bounded by that agency's work).
 * `due` narrows both parts to the days that matter (every count outside it is then 0).
 */
export async function openTaskCounts(
  db: Db,
  actor: Actor,
  now: Date,
  options: OpenTaskCountsOptions = {},
): Promise<OpenTaskCounts[]> {
  const rows = await queryRows<{ agency_id: string; open: string; overdue: string; due_soon: string }>(
    db,
    openTaskCountsQuery(actor, now, options),
  );
  return rows.map((r) => ({
    agencyId: r.agency_id,
    open: Number(r.open),
    overdue: Number(r.overdue),
    dueSoon: Number(r.due_soon),
  }));
}

type OpenTaskCountsOptions = { agencyId?: string; due?: "overdue" | "dueSoon" };

/**
 * The sum over every lead agency of one of openTaskCounts' figures, as a scalar subquery: a list's page carries its
 * total in the same round trip (each query costs the server a socket write; at 20 clients writev was 29 % of its CPU).
 */
export function openTaskTotal(
  actor: Actor,
  now: Date,
  options: OpenTaskCountsOptions,
  figure: "open" | "overdue" | "due_soon",
): SQL<number> {
  const { today, soon } = dueDays(now);
  const counted =
    figure === "overdue"
      ? sql`x.due_on < ${today}::date`
      : figure === "due_soon"
        ? sql`x.due_on >= ${today}::date and x.due_on < ${soon}::date`
        : sql`true`;
  // One sum, not a sum of openTaskCounts' lines: no grouping by agency to plan and run on every page.
  return sql<number>`(select coalesce(sum(x.n) filter (where ${counted}), 0)::int from ${openTaskRows(actor, now, options)})`;
}

function dueDays(now: Date) {
  const today = zonedDay(now);
  return { today, soon: addDays(today, LIMITS.dueSoonDays) };
}

function openTaskCountsQuery(actor: Actor, now: Date, options: OpenTaskCountsOptions): SQL {
  const { today, soon } = dueDays(now);
  return sql`select x.agency_id::text, sum(x.n) as open,
               coalesce(sum(x.n) filter (where x.due_on < ${today}::date), 0) as overdue,
               coalesce(sum(x.n) filter (where x.due_on >= ${today}::date and x.due_on < ${soon}::date), 0) as due_soon
        from ${openTaskRows(actor, now, options)}
        group by 1 having sum(x.n) > 0`;
}

/** The open tasks the actor may list as a derived table `x(agency_id, due_on, n)`: rollup lines and single tasks. */
function openTaskRows(actor: Actor, now: Date, options: OpenTaskCountsOptions): SQL {
  const { today, soon } = dueDays(now);
  const days = (column: SQL | typeof taskDueCounts.dueOn): SQL | undefined =>
    options.due === "overdue"
      ? sql`${column} < ${today}::date`
      : options.due === "dueSoon"
        ? sql`${column} >= ${today}::date and ${column} < ${soon}::date`
        : undefined;
  const seen = tasksSeenThroughAgency(
    actor,
    and(
      SUPPORT_OPEN,
      days(sql`${taskSupports.taskDueOn}`),
      options.agencyId ? eq(taskSupports.taskAgencyId, options.agencyId) : undefined,
    ),
    options.agencyId,
  );
  // What the agency supports from the supports' copies (an index of its open restricted ones); what it was shared
  // and does not support, each task by its primary key (few: a lateral join, no hash of every restricted task).
  const fromRows = seen
    ? sql`union all select supported.agency_id, coalesce(supported.due_on, 'infinity'::date), 1 from ${seen.supported}
        union all select t.agency_id, coalesce(t.due_on, 'infinity'::date), 1 from ${seen.sharedIds}
          cross join lateral (select ${tasks.agencyId} as agency_id, ${tasks.dueOn} as due_on from ${tasks}
            where ${and(
              sql`${tasks.id} = shared.id`,
              seen.condition,
              OPEN,
              options.agencyId ? eq(tasks.agencyId, options.agencyId) : undefined,
              days(sql`${tasks.dueOn}`),
            )}) t`
    : sql``;
  const rollupWhere = and(
    taskDueCountsVisibleTo(actor),
    options.agencyId ? eq(taskDueCounts.agencyId, options.agencyId) : undefined,
    days(taskDueCounts.dueOn),
  );
  return sql`(select ${taskDueCounts.agencyId} as agency_id, ${taskDueCounts.dueOn} as due_on, ${taskDueCounts.tasks} as n
              from ${taskDueCounts} where ${rollupWhere ?? sql`true`}
              ${fromRows}) x`;
}
