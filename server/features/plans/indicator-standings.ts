import { asc, desc, eq, inArray } from "drizzle-orm";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { indicatorSeries } from "./indicator-series";
import { achievement } from "./plans.present";
import { listPlans } from "./plans.queries";
import { indicatorMeasurements, planIndicators, planObjectives } from "./plans.table";

export type IndicatorStanding = {
  planId: string;
  planTitleAr: string;
  planTitleEn: string | null;
  indicatorId: string;
  nameAr: string;
  nameEn: string | null;
  unit: string;
  source: string;
  baseline: number;
  target: number;
  current: number | null;
  achievement: number | null;
};

/**
 * Where each indicator of the active plans the reader may list stands against its target, as the plan page shows it:
 * a typed indicator's latest measurement, a computed one's latest period (of what the reader may list). Three queries
 * and one rollup query per computed indicator (a region has a handful).
 */
export async function indicatorStandings(db: Db, actor: Actor, now: Date): Promise<IndicatorStanding[]> {
  const active = await listPlans(db, actor, {
    page: 1,
    pageSize: 100,
    status: "active",
    sort: "endsOn",
    dir: "asc",
  });
  if (active.rows.length === 0) return [];
  const plansById = new Map(active.rows.map((p) => [p.id, p]));
  const rows = await db
    .select({ indicator: planIndicators, planId: planObjectives.planId })
    .from(planIndicators)
    .innerJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId))
    .where(inArray(planObjectives.planId, [...plansById.keys()]))
    .orderBy(asc(planObjectives.planId), asc(planObjectives.position), asc(planIndicators.createdAt));
  if (rows.length === 0) return [];
  const manual = rows.filter((r) => r.indicator.source === "manual").map((r) => r.indicator.id);
  const latest = manual.length
    ? await db
        .selectDistinctOn([indicatorMeasurements.indicatorId], {
          indicatorId: indicatorMeasurements.indicatorId,
          value: indicatorMeasurements.value,
        })
        .from(indicatorMeasurements)
        .where(inArray(indicatorMeasurements.indicatorId, manual))
        .orderBy(
          asc(indicatorMeasurements.indicatorId),
          desc(indicatorMeasurements.measuredOn),
          desc(indicatorMeasurements.createdAt),
        )
    : [];
  const computed = await Promise.all(
    rows.map((r) =>
      r.indicator.source === "manual"
        ? Promise.resolve(null)
        : indicatorSeries(db, actor, r.indicator, plansById.get(r.planId)!, now),
    ),
  );
  return rows.map((r, i) => {
    const plan = plansById.get(r.planId)!;
    const series = computed[i];
    const current = series
      ? (series.at(-1)?.value ?? null)
      : (latest.find((m) => m.indicatorId === r.indicator.id)?.value ?? null);
    return {
      planId: plan.id,
      planTitleAr: plan.titleAr,
      planTitleEn: plan.titleEn,
      indicatorId: r.indicator.id,
      nameAr: r.indicator.nameAr,
      nameEn: r.indicator.nameEn,
      unit: r.indicator.unit,
      source: r.indicator.source,
      baseline: r.indicator.baseline,
      target: r.indicator.target,
      current,
      achievement: achievement(r.indicator, current),
    };
  });
}
