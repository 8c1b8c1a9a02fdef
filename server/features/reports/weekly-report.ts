import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { zonedDay } from "../../../common/dates";
import { DISTRICTS } from "../../../common/districts";
import { addDays, isoWeekDays, isoWeekOf } from "../../../common/periods";
import type { WeeklyReport, WeeklyReportQuery } from "../../../common/schemas/reports";
import { auditChainHead } from "../../audit/chain-events";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { agencies } from "../agencies";
import { borderFigures, crossings } from "../border";
import { incidentFigures, incidentSourceCounts, incidentTypes } from "../incidents";
import { listCommitments } from "../meetings";
import { unmetNeedFigures } from "../needs";
import { indicatorStandings } from "../plans";
import { dueCountsByAgency } from "../tasks";

const MEASURES = ["arrests", "rescued", "intercepted", "dead", "missing"] as const;

/** The week a report is of when none is asked: the last whole week before today (Africa/Tripoli). */
export const defaultReportWeek = (now: Date) => isoWeekOf(addDays(zonedDay(now), -7));

/**
 * The weekly security report of one reader, from the same queries as the dashboard and the lists: incidents of the
 * week (by type, by district, with their casualties and seizures) and the crossings' daily reports, both within the
 * district when one is asked; overdue tasks by lead agency, commitments overdue and due soon, and unmet needs by
 * category as they stand when the report is drawn. Every figure is what its linked list totals for this reader.
 */
export async function weeklyReportOf(
  db: Db,
  actor: Actor,
  query: WeeklyReportQuery,
  now: Date,
): Promise<WeeklyReport> {
  const week = query.week ?? defaultReportWeek(now);
  const { from, to } = isoWeekDays(week)!;
  const districtPcode = query.district ?? null;
  const district = districtPcode ? DISTRICTS.find((d) => d.pcode === districtPcode)! : null;
  const span = { from, to };
  const inDistrict: Record<string, string> = districtPcode ? { district: districtPcode } : {};
  const filter = { ...span, district: districtPcode };
  const previous = { from: addDays(from, -7), to: addDays(to, -7), district: districtPcode };
  const total = (rows: { value: number }[]) => rows.reduce((s, r) => s + r.value, 0);

  const [
    byType,
    byDistrict,
    before,
    seized,
    measures,
    types,
    crossingRows,
    overdue,
    commitmentsOverdue,
    commitmentsDueSoon,
    needFigures,
    head,
    indicators,
  ] = await Promise.all([
    incidentFigures(db, actor, filter, "count", { unit: "all", byType: true }),
    incidentFigures(db, actor, filter, "count", { unit: "all", byDistrict: true }),
    incidentFigures(db, actor, previous, "count", { unit: "all" }),
    incidentFigures(db, actor, filter, "withSeizures", { unit: "all" }),
    Promise.all(MEASURES.map((m) => incidentFigures(db, actor, filter, m, { unit: "all" }))),
    db.select().from(incidentTypes).orderBy(asc(incidentTypes.sortOrder)),
    db
      .select()
      .from(crossings)
      .where(
        and(
          eq(crossings.isActive, true),
          districtPcode ? sql`left(${crossings.pcode}, 6) = ${districtPcode}` : undefined,
        ),
      )
      .orderBy(asc(crossings.code)),
    dueCountsByAgency(db, actor, now),
    listCommitments(db, actor, { due: "overdue", pageSize: 1 }, now),
    listCommitments(db, actor, { due: "dueSoon", pageSize: 1 }, now),
    unmetNeedFigures(db, actor),
    auditChainHead(db),
    indicatorStandings(db, actor, now),
  ]);
  const sources = await incidentSourceCounts(db, actor, filter, total(byType));
  const border = crossingRows.length
    ? await borderFigures(db, { ...span, crossingId: null }, "all", { byCrossing: true })
    : [];
  const overdueAgencies = overdue.filter((o) => o.overdue > 0);
  const names = overdueAgencies.length
    ? await db
        .select({ id: agencies.id, nameAr: agencies.nameAr, nameEn: agencies.nameEn })
        .from(agencies)
        .where(
          inArray(
            agencies.id,
            overdueAgencies.map((o) => o.agencyId),
          ),
        )
    : [];
  const typeValues = new Map(byType.map((r) => [r.typeId, r.value]));

  return {
    week,
    from,
    to,
    district: district ? { pcode: district.pcode, nameAr: district.nameAr, nameEn: district.nameEn } : null,
    generatedAt: now.toISOString(),
    incidents: {
      value: total(byType),
      link: { list: "incidents", query: { ...inDistrict, ...span } },
      previousWeek: total(before),
      ...(Object.fromEntries(MEASURES.map((m, i) => [m, total(measures[i]!)])) as Record<
        (typeof MEASURES)[number],
        number
      >),
      withSeizures: {
        value: total(seized),
        link: { list: "incidents", query: { ...inDistrict, hasSeizures: "true", ...span } },
      },
    },
    byType: types
      .filter((t) => typeValues.has(t.id))
      .map((t) => ({
        typeId: t.id,
        nameAr: t.nameAr,
        nameEn: t.nameEn,
        value: typeValues.get(t.id)!,
        link: { list: "incidents", query: { ...inDistrict, typeId: t.id, ...span } },
      })),
    byDistrict: DISTRICTS.flatMap((d) => {
      const value = byDistrict.find((r) => r.district === d.pcode)?.value;
      return value
        ? [
            {
              pcode: d.pcode,
              nameAr: d.nameAr,
              nameEn: d.nameEn,
              value,
              link: { list: "incidents" as const, query: { district: d.pcode, ...span } },
            },
          ]
        : [];
    }).sort((a, b) => b.value - a.value),
    crossings: crossingRows.map((c) => {
      const f = border.find((b) => b.crossingId === c.id);
      return {
        id: c.id,
        nameAr: c.nameAr,
        nameEn: c.nameEn,
        reports: {
          value: f?.reports ?? 0,
          link: { list: "border-reports", query: { crossingId: c.id, ...span } },
        },
        arrivals: f ? f.arrivalsLibyan + f.arrivalsForeign : 0,
        departures: f ? f.departuresLibyan + f.departuresForeign : 0,
        vehicles: f ? f.vehiclesIn + f.vehiclesOut : 0,
        migrantsIntercepted: f?.migrantsIntercepted ?? 0,
      };
    }),
    indicators: indicators.map((i) => ({
      planId: i.planId,
      planTitleAr: i.planTitleAr,
      planTitleEn: i.planTitleEn,
      indicatorId: i.indicatorId,
      nameAr: i.nameAr,
      nameEn: i.nameEn,
      unit: i.unit,
      baseline: i.baseline,
      target: i.target,
      current: i.current,
      achievement: i.achievement,
    })),
    overdueByAgency: overdueAgencies.map((o) => {
      const name = names.find((n) => n.id === o.agencyId);
      return {
        agencyId: o.agencyId,
        nameAr: name?.nameAr ?? "",
        nameEn: name?.nameEn ?? name?.nameAr ?? "",
        value: o.overdue,
        link: { list: "tasks", query: { agencyId: o.agencyId, role: "lead", due: "overdue" } },
      };
    }),
    commitmentsOverdue: {
      value: commitmentsOverdue.total,
      link: { list: "commitments", query: { due: "overdue" } },
    },
    commitmentsDueSoon: {
      value: commitmentsDueSoon.total,
      link: { list: "commitments", query: { due: "dueSoon" } },
    },
    openNeeds: needFigures,
    sources,
    auditHead: head ? { position: head.position, link: head.link } : null,
  };
}
