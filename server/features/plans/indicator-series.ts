import { eq } from "drizzle-orm";
import type { IndicatorFrequency } from "../../../common/enums";
import { zonedDay } from "../../../common/dates";
import { periodsBetween, type PeriodUnit } from "../../../common/periods";
import type { IndicatorPoint, IndicatorSpec } from "../../../common/schemas/plans";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { agencies } from "../agencies";
import { borderFigures, crossings } from "../border";
import { incidentFigures, incidentTypes } from "../incidents";
import type { IndicatorRow, PlanRow } from "./plans.table";

const UNIT: Record<IndicatorFrequency, PeriodUnit> = {
  daily: "day",
  weekly: "week",
  monthly: "month",
  quarterly: "quarter",
  yearly: "year",
};
/** A daily indicator of a long plan charts its last year. */
const MAX_POINTS = 366;

/**
 * A computed indicator's values: one point per period of its frequency from the plan's start to today (or the
 * plan's end), each the figure of the period read from the rollups — of what the reader may list, so a restricted
 * incident they may not see never moves it. Manual indicators have no series (their measurements are typed in).
 */
export async function indicatorSeries(
  db: Db,
  actor: Actor,
  indicator: Pick<IndicatorRow, "source" | "spec" | "frequency">,
  plan: Pick<PlanRow, "startsOn" | "endsOn">,
  now: Date,
): Promise<IndicatorPoint[]> {
  const spec = indicator.spec;
  if (indicator.source === "manual" || !spec) return [];
  const today = zonedDay(now);
  const to = plan.endsOn < today ? plan.endsOn : today;
  if (to < plan.startsOn) return [];
  const unit = UNIT[indicator.frequency];
  const periods = periodsBetween(plan.startsOn, to, unit).slice(-MAX_POINTS);
  const from = periods[0]!.from;
  const values = new Map<string, number>();
  if ("measure" in spec) {
    const rows = await incidentFigures(db, actor, { ...spec, from, to }, spec.measure, { unit });
    for (const r of rows) values.set(r.period, r.value);
  } else {
    const rows = await borderFigures(db, { from, to, crossingId: spec.crossingId }, unit);
    for (const r of rows) values.set(r.period, r[spec.figure]);
  }
  return periods.map((p) => ({ from: p.from, to: p.to, value: values.get(p.start) ?? 0 }));
}

/** The series of each computed indicator of a plan (one rollup query each; a plan has a handful). */
export async function seriesOf(
  db: Db,
  actor: Actor,
  indicators: IndicatorRow[],
  plan: PlanRow,
  now: Date,
): Promise<Map<string, IndicatorPoint[]>> {
  const computed = indicators.filter((i) => i.source !== "manual");
  const all = await Promise.all(computed.map((i) => indicatorSeries(db, actor, i, plan, now)));
  return new Map(computed.map((i, n) => [i.id, all[n]!]));
}

const invalid = (field: string) =>
  new AppError("validation_failed", { fields: [{ field: `spec.${field}`, issue: "invalid_value" }] });

/** The records a spec names exist (an unknown type, agency or crossing is refused naming the field). */
export async function assertSpecReferences(db: Db, spec: IndicatorSpec | null): Promise<void> {
  if (!spec) return;
  if ("figure" in spec) {
    const [c] = await db
      .select({ id: crossings.id })
      .from(crossings)
      .where(eq(crossings.id, spec.crossingId));
    if (!c) throw invalid("crossingId");
    return;
  }
  if (spec.typeId) {
    const [t] = await db
      .select({ id: incidentTypes.id })
      .from(incidentTypes)
      .where(eq(incidentTypes.id, spec.typeId));
    if (!t) throw invalid("typeId");
  }
  if (spec.agencyId) {
    const [a] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, spec.agencyId));
    if (!a) throw invalid("agencyId");
  }
}
