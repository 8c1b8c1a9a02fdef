import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { PlanListQuery } from "../../../common/schemas/plans";
import { zonedDay } from "../../../common/dates";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { matchesSearch, pageWindow } from "../../http/pagination";
import { tasks } from "../tasks/tasks.table";
import { tasksVisibleTo } from "../tasks/tasks.policy";
import { plansVisibleTo } from "./plans.policy";
import {
  indicatorMeasurements,
  planIndicators,
  planObjectives,
  plans,
  type IndicatorRow,
  type ObjectiveRow,
  type PlanRow,
} from "./plans.table";

export type Rollup = { progress: number; taskCount: number; overdueCount: number };
const EMPTY: Rollup = { progress: 0, taskCount: 0, overdueCount: 0 };

export async function findPlan(db: Db, actor: Actor, id: string): Promise<PlanRow> {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.id, id), plansVisibleTo(actor)));
  if (!row) throw new AppError("not_found");
  return row;
}

export async function findObjective(db: Db, actor: Actor, id: string) {
  const [row] = await db.select().from(planObjectives).where(eq(planObjectives.id, id));
  if (!row) throw new AppError("not_found");
  return { objective: row, plan: await findPlan(db, actor, row.planId) };
}

export async function findIndicator(db: Db, actor: Actor, id: string) {
  const [row] = await db.select().from(planIndicators).where(eq(planIndicators.id, id));
  if (!row) throw new AppError("not_found");
  const { objective, plan } = await findObjective(db, actor, row.objectiveId);
  return { indicator: row, objective, plan };
}

/** Roll-up of the tasks the actor may see, per plan (or per objective): mean progress of tasks not cancelled. */
export async function rollups(
  db: Db,
  actor: Actor,
  key: "planId" | "objectiveId",
  ids: string[],
  now: Date,
): Promise<Map<string, Rollup>> {
  if (ids.length === 0) return new Map();
  const column = key === "planId" ? tasks.planId : tasks.objectiveId;
  const today = zonedDay(now);
  const rows = await db
    .select({
      id: column,
      progress: sql<number>`coalesce(round(avg(${tasks.progress}) filter (where ${tasks.status} <> 'cancelled')), 0)::int`,
      taskCount: sql<number>`count(*)::int`,
      overdueCount: sql<number>`(count(*) filter (where ${tasks.status} in ('todo','in_progress','blocked') and ${tasks.dueOn} < ${today}))::int`,
    })
    .from(tasks)
    .where(and(inArray(column, ids), tasksVisibleTo(actor)))
    .groupBy(column);
  return new Map(
    rows.map((r) => [
      r.id ?? "",
      { progress: r.progress, taskCount: r.taskCount, overdueCount: r.overdueCount },
    ]),
  );
}
export const rollupOf = (map: Map<string, Rollup>, id: string) => map.get(id) ?? EMPTY;

export async function listPlans(db: Db, actor: Actor, query: PlanListQuery) {
  const where = and(
    plansVisibleTo(actor),
    query.status ? eq(plans.status, query.status) : undefined,
    query.agencyId ? eq(plans.agencyId, query.agencyId) : undefined,
    matchesSearch(plans.searchKey, query.q),
  );
  const order = query.dir === "asc" ? asc : desc;
  const sortColumn = {
    startsOn: plans.startsOn,
    endsOn: plans.endsOn,
    title: plans.titleAr,
    progress: plans.startsOn,
  }[query.sort];
  const { limit, offset } = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(plans)
      .where(where)
      .orderBy(order(sortColumn), asc(plans.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(plans).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export type IndicatorWithMeasurements = IndicatorRow & {
  measurements: (typeof indicatorMeasurements.$inferSelect)[];
};

export async function planTree(db: Db, planId: string) {
  const objectives: ObjectiveRow[] = await db
    .select()
    .from(planObjectives)
    .where(eq(planObjectives.planId, planId))
    .orderBy(asc(planObjectives.position));
  const objectiveIds = objectives.map((o) => o.id);
  const indicators = objectiveIds.length
    ? await db
        .select()
        .from(planIndicators)
        .where(inArray(planIndicators.objectiveId, objectiveIds))
        .orderBy(asc(planIndicators.createdAt))
    : [];
  const measurements = indicators.length
    ? await db
        .select()
        .from(indicatorMeasurements)
        .where(
          inArray(
            indicatorMeasurements.indicatorId,
            indicators.map((i) => i.id),
          ),
        )
        .orderBy(asc(indicatorMeasurements.measuredOn), asc(indicatorMeasurements.createdAt))
    : [];
  return objectives.map((o) => ({
    ...o,
    indicators: indicators
      .filter((i) => i.objectiveId === o.id)
      .map((i) => ({ ...i, measurements: measurements.filter((m) => m.indicatorId === i.id) })),
  }));
}
