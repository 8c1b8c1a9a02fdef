import { and, asc, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { BORDER_FIGURES, type BorderFigure } from "../../../common/enums";
import type { BorderReportListQuery, FigureWarning } from "../../../common/schemas/border";
import { queryRows, type Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { matchesSearch, pageWindow } from "../../http/pagination";
import type { BorderReportSubject, CrossingSubject } from "./border.policy";
import { borderReports, crossingAgencies, crossings, type CrossingRow } from "./border.table";

export type CrossingWithAgencies = CrossingRow & CrossingSubject;

/** Crossings with the agencies that work at each, in two queries. */
export async function listCrossings(db: Db, ids?: string[]): Promise<CrossingWithAgencies[]> {
  if (ids && ids.length === 0) return [];
  const rows = await db
    .select()
    .from(crossings)
    .where(ids ? inArray(crossings.id, ids) : undefined)
    .orderBy(asc(crossings.nameAr));
  if (rows.length === 0) return [];
  const links = await db
    .select()
    .from(crossingAgencies)
    .where(
      inArray(
        crossingAgencies.crossingId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({
    ...r,
    workingAgencyIds: links.filter((l) => l.crossingId === r.id).map((l) => l.agencyId),
  }));
}

/** A crossing by id; unknown → 404. */
export async function findCrossing(db: Db, id: string): Promise<CrossingWithAgencies> {
  const [row] = await listCrossings(db, [id]);
  if (!row) throw new AppError("not_found");
  return row;
}

/** An active crossing a report names: unknown or closed → a validation error naming the field. */
export async function findActiveCrossing(db: Db, id: string): Promise<CrossingWithAgencies> {
  const [row] = await listCrossings(db, [id]);
  if (!row || !row.isActive)
    throw new AppError("validation_failed", { fields: [{ field: "crossingId", issue: "invalid_value" }] });
  return row;
}

/** A daily report with its crossing (locked for the rest of the transaction when asked); unknown → 404. */
export async function findReport(
  db: Db,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<BorderReportSubject> {
  const query = db.select().from(borderReports).where(eq(borderReports.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw new AppError("not_found");
  const crossing = await findCrossing(db, row.crossingId);
  return { ...row, crossing };
}

export async function listReports(db: Db, query: BorderReportListQuery) {
  const where = and(
    query.crossingId ? eq(borderReports.crossingId, query.crossingId) : undefined,
    query.from ? gte(borderReports.day, query.from) : undefined,
    query.to ? lte(borderReports.day, query.to) : undefined,
    query.shift ? eq(borderReports.shift, query.shift) : undefined,
    query.status ? eq(borderReports.status, query.status) : undefined,
    matchesSearch(borderReports.searchKey, query.q),
  );
  const { limit, offset } = pageWindow(query);
  const rows = await db
    .select()
    .from(borderReports)
    .where(where)
    .orderBy(desc(borderReports.day), asc(borderReports.shift), asc(borderReports.id))
    .limit(limit)
    .offset(offset);
  const [counted] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(borderReports)
    .where(where);
  const crossingRows = await listCrossings(db, [...new Set(rows.map((r) => r.crossingId))]);
  const crossingOf = new Map(crossingRows.map((c) => [c.id, c]));
  return {
    rows: rows.map((r) => ({ ...r, crossing: crossingOf.get(r.crossingId)! })),
    total: counted?.total ?? 0,
  };
}

const column = (f: BorderFigure) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** Warn from this many earlier reports in the window; fewer say nothing reliable. */
const MIN_HISTORY = 7;
const HIGH = 3;

/**
 * The figures far from the crossing's usual level: each compared with the median of the same figure over the
 * crossing's reports of the 30 days before the report's day (the report itself left out). At least three times
 * the median, or at most a third of it (for a median of 10 or more), gives a warning with the ratio.
 */
export async function figureWarnings(
  db: Db,
  report: { id?: string; crossingId: string; day: string } & Record<BorderFigure, number>,
): Promise<FigureWarning[]> {
  const medians = BORDER_FIGURES.map(
    (f) => `percentile_cont(0.5) within group (order by ${column(f)})::float8 as "${f}"`,
  ).join(", ");
  const [row] = await queryRows<Record<BorderFigure, number | null> & { n: number | string }>(
    db,
    sql`select count(*) as n, ${sql.raw(medians)} from border_reports
        where crossing_id = ${report.crossingId}
          and day >= ${report.day}::date - 30 and day < ${report.day}::date
          and id <> ${report.id ?? "00000000-0000-0000-0000-000000000000"}::uuid`,
  );
  if (!row || Number(row.n) < MIN_HISTORY) return [];
  const warnings: FigureWarning[] = [];
  for (const field of BORDER_FIGURES) {
    const median = Number(row[field] ?? 0);
    const value = report[field];
    if (median < 1) continue;
    const ratio = value / median;
    if (ratio >= HIGH || (median >= 10 && ratio <= 1 / HIGH))
      warnings.push({ field, value, median, ratio: Math.round(ratio * 10) / 10 });
  }
  return warnings;
}
