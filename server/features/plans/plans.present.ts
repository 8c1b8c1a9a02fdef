import type { Indicator, IndicatorPoint, Objective, Plan } from "../../../common/schemas/plans";
import type { Actor } from "../../authz/actor";
import { abilitiesFor } from "../../authz/engine";
import { indicatorsPolicy, objectivesPolicy, plansPolicy } from "./plans.policy";
import type { IndicatorWithMeasurements, Rollup } from "./plans.queries";
import type { ObjectiveRow, PlanRow } from "./plans.table";

export function presentPlan(row: PlanRow, actor: Actor, rollup: Rollup): Plan {
  return {
    id: row.id,
    reference: row.reference,
    titleAr: row.titleAr,
    titleEn: row.titleEn,
    description: row.description,
    districtPcode: row.districtPcode,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    agencyId: row.agencyId,
    status: row.status,
    sensitivity: row.sensitivity,
    ...rollup,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: abilitiesFor(actor, plansPolicy, row),
  };
}

/** How far the latest value stands from baseline to target, 0–100 (direction-aware). Source seam: `manual` only. */
export function achievement(
  i: Pick<IndicatorWithMeasurements, "baseline" | "target">,
  current: number | null,
) {
  if (current === null) return null;
  const span = i.target - i.baseline;
  if (span === 0) return current === i.target ? 100 : 0;
  return Math.max(0, Math.min(100, Math.round(((current - i.baseline) / span) * 100)));
}

/** An indicator; a computed one with its series (its latest period is its current value). */
export function presentIndicator(
  i: IndicatorWithMeasurements,
  plan: PlanRow,
  actor: Actor,
  series: IndicatorPoint[] = [],
): Indicator {
  const computed = i.source !== "manual";
  const last = computed ? series.at(-1) : i.measurements.at(-1);
  const current = last ? last.value : null;
  return {
    id: i.id,
    objectiveId: i.objectiveId,
    nameAr: i.nameAr,
    nameEn: i.nameEn,
    unit: i.unit,
    baseline: i.baseline,
    target: i.target,
    direction: i.direction,
    frequency: i.frequency,
    source: i.source,
    spec: i.spec ?? null,
    series,
    current,
    achievement: achievement(i, current),
    measurements: i.measurements.map((m) => ({
      id: m.id,
      measuredOn: m.measuredOn,
      value: m.value,
      note: m.note,
      recordedBy: m.recordedBy,
      createdAt: m.createdAt.toISOString(),
    })),
    abilities: abilitiesFor(actor, indicatorsPolicy, { plan, source: i.source }),
  };
}

export function presentObjective(
  o: ObjectiveRow & { indicators: IndicatorWithMeasurements[] },
  plan: PlanRow,
  actor: Actor,
  rollup: Rollup,
  series: Map<string, IndicatorPoint[]> = new Map(),
): Objective {
  return {
    id: o.id,
    planId: o.planId,
    position: o.position,
    titleAr: o.titleAr,
    titleEn: o.titleEn,
    description: o.description,
    progress: rollup.progress,
    taskCount: rollup.taskCount,
    indicators: o.indicators.map((i) => presentIndicator(i, plan, actor, series.get(i.id))),
    abilities: abilitiesFor(actor, objectivesPolicy, { plan }),
  };
}
