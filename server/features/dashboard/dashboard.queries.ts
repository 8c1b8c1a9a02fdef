import { asc, eq, sql } from "drizzle-orm";
import { zonedDay } from "../../../common/dates";
import { addDays, periodsBetween, periodStart } from "../../../common/periods";
import type { Dashboard, DashboardQuery } from "../../../common/schemas/dashboard";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { borderFigures, crossings } from "../border";
import { incidentFigures, incidentSourceCounts, incidentTypes } from "../incidents";
import { listCommitments } from "../meetings";
import { unmetNeedFigures } from "../needs";
import { listPlans, rollupOf, rollups } from "../plans";
import { dueCountsByAgency } from "../tasks";

const SPAN = 12;
/** The crossing the dashboard follows (the meeting asked for a plan at Emsaed); another active one otherwise. */
const CROSSING_CODE = "EMSAED";

/**
 * The region dashboard of one reader. Each figure is what the list it links to would total for them: the same
 * filters, the same visibility (plans, tasks, commitments and needs through their lists' own conditions; incidents
 * and border figures from the day rollups, scoped by agency and sensitivity — incident-rollups.queries.ts).
 */
export async function dashboardOf(
  db: Db,
  actor: Actor,
  query: DashboardQuery,
  now: Date,
): Promise<Dashboard> {
  const unit = query.unit;
  const to = zonedDay(now);
  let from = periodStart(to, unit);
  for (let i = 1; i < SPAN; i++) from = periodStart(addDays(from, -1), unit);
  const periods = periodsBetween(from, to, unit).slice(-SPAN);
  const start = periods[0]!.from;
  const index = new Map(periods.map((p, i) => [periodStart(p.from, unit), i]));
  const spread = (rows: { period: string; value: number }[]) => {
    const values = periods.map(() => 0);
    for (const r of rows) {
      const i = index.get(r.period);
      if (i !== undefined) values[i] = r.value;
    }
    return values;
  };

  const [plansPage, overdue, commitments, needFigures, byType, types, crossing] = await Promise.all([
    listPlans(db, actor, { page: 1, pageSize: 100, status: "active", sort: "endsOn", dir: "asc" }),
    dueCountsByAgency(db, actor, now),
    listCommitments(db, actor, { due: "dueSoon", pageSize: 1 }, now),
    unmetNeedFigures(db, actor),
    incidentFigures(db, actor, { from: start, to }, "count", { unit, byType: true }),
    db.select().from(incidentTypes).orderBy(asc(incidentTypes.sortOrder)),
    db
      .select()
      .from(crossings)
      .where(eq(crossings.isActive, true))
      .orderBy(sql`${crossings.code} = ${CROSSING_CODE} desc`, asc(crossings.code))
      .limit(1)
      .then((rows) => rows[0] ?? null),
  ]);
  const incidentTotal = byType.reduce((s, r) => s + r.value, 0);
  const sources = await incidentSourceCounts(db, actor, { from: start, to, district: null }, incidentTotal);
  const sums = await rollups(
    db,
    actor,
    "planId",
    plansPage.rows.map((p) => p.id),
    now,
  );
  const typeTotals = new Map<string, number>();
  for (const r of byType) typeTotals.set(r.typeId, (typeTotals.get(r.typeId) ?? 0) + r.value);
  const span = { from: start, to };

  return {
    unit,
    from: start,
    to,
    periods: periods.map((p) => ({ from: p.from, to: p.to })),
    activePlans: { value: plansPage.total, link: { list: "plans", query: { status: "active" } } },
    plans: plansPage.rows.map((p) => {
      const r = rollupOf(sums, p.id);
      return { id: p.id, titleAr: p.titleAr, titleEn: p.titleEn, ...r };
    }),
    overdueByAgency: overdue
      .filter((o) => o.overdue > 0)
      .map((o) => ({
        agencyId: o.agencyId,
        value: o.overdue,
        link: { list: "tasks", query: { agencyId: o.agencyId, role: "lead", due: "overdue" } },
      })),
    commitmentsDueSoon: {
      value: commitments.total,
      link: { list: "commitments", query: { due: "dueSoon" } },
    },
    openNeeds: needFigures,
    incidentsByType: types
      .filter((t) => typeTotals.has(t.id))
      .map((t) => ({
        typeId: t.id,
        nameAr: t.nameAr,
        nameEn: t.nameEn,
        values: spread(byType.filter((r) => r.typeId === t.id)),
        value: typeTotals.get(t.id)!,
        link: { list: "incidents", query: { typeId: t.id, ...span } },
      })),
    incidentSources: sources,
    crossing: crossing ? await crossingFigures(db, actor, crossing, span, unit, spread) : null,
  };
}

async function crossingFigures(
  db: Db,
  actor: Actor,
  crossing: typeof crossings.$inferSelect,
  span: { from: string; to: string },
  unit: DashboardQuery["unit"],
  spread: (rows: { period: string; value: number }[]) => number[],
): Promise<NonNullable<Dashboard["crossing"]>> {
  const district = crossing.pcode ? crossing.pcode.slice(0, 6) : null;
  const [figures, [total], seized, seizedTotal] = await Promise.all([
    borderFigures(db, { ...span, crossingId: crossing.id }, unit),
    borderFigures(db, { ...span, crossingId: crossing.id }, "all"),
    incidentFigures(db, actor, { ...span, district }, "withSeizures", { unit }),
    incidentFigures(db, actor, { ...span, district }, "withSeizures", { unit: "all" }),
  ]);
  const series = (pick: (f: (typeof figures)[number]) => number) =>
    spread(figures.map((f) => ({ period: f.period, value: pick(f) })));
  return {
    id: crossing.id,
    nameAr: crossing.nameAr,
    nameEn: crossing.nameEn,
    reports: {
      value: total?.reports ?? 0,
      link: { list: "border-reports", query: { crossingId: crossing.id, ...span } },
    },
    arrivals: series((f) => f.arrivalsLibyan + f.arrivalsForeign),
    departures: series((f) => f.departuresLibyan + f.departuresForeign),
    vehicles: series((f) => f.vehiclesIn + f.vehiclesOut),
    migrantsIntercepted: series((f) => f.migrantsIntercepted),
    seizures: spread(seized),
    seizureIncidents: {
      value: seizedTotal[0]?.value ?? 0,
      link: {
        list: "incidents",
        query: { ...(district ? { district } : {}), hasSeizures: "true", ...span },
      },
    },
  };
}
