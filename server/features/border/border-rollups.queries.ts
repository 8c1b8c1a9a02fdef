import { and, sql, type SQL } from "drizzle-orm";
import { BORDER_FIGURES, type BorderFigure, type BorderReportStatus } from "../../../common/enums";
import type { PeriodUnit } from "../../../common/periods";
import { queryRows, type Db } from "../../db/client";
import { borderDayFigures } from "./border-rollups.table";

/** Which reports a figure sums: the border reports list's filters of the same names, over [from, to]. */
export type BorderFigureFilter = {
  from: string;
  to: string;
  crossingId?: string | null;
  status?: BorderReportStatus | null;
};

/** `crossingId` is "" unless the figures are asked per crossing. */
export type BorderFigures = { period: string; crossingId: string; reports: number } & Record<
  BorderFigure,
  number
>;

const column = (f: string) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The reports that match and the sum of each figure, per period (`unit`; "all" for one total), from the day rollup.
 * Every signed-in user may list border reports: no visibility condition is needed.
 */
export async function borderFigures(
  db: Db,
  filter: BorderFigureFilter,
  unit: PeriodUnit | "all",
  options: { byCrossing?: boolean } = {},
): Promise<BorderFigures[]> {
  const crossing = options.byCrossing ? sql`crossing_id::text` : sql`''`;
  const period =
    unit === "all"
      ? sql`${filter.from}::text`
      : sql.raw(`to_char(date_trunc('${unit}', day::timestamp), 'YYYY-MM-DD')`);
  const where: SQL | undefined = and(
    sql`${borderDayFigures.day} >= ${filter.from}::date`,
    sql`${borderDayFigures.day} <= ${filter.to}::date`,
    filter.crossingId ? sql`${borderDayFigures.crossingId} = ${filter.crossingId}` : undefined,
    filter.status ? sql`${borderDayFigures.status} = ${filter.status}` : undefined,
  );
  const sums = sql.raw(
    ["reports", ...BORDER_FIGURES].map((f) => `sum(${column(f)})::float8 as "${f}"`).join(", "),
  );
  const rows = await queryRows<Record<string, number | string>>(
    db,
    sql`select ${period} as period, ${crossing} as crossing_id, ${sums} from ${borderDayFigures} where ${where}
        group by 1, 2 having sum(reports) > 0 order by 1, 2`,
  );
  return rows.map((r) => {
    const out = {
      period: String(r.period),
      crossingId: String(r.crossing_id),
      reports: Number(r.reports),
    } as BorderFigures;
    for (const f of BORDER_FIGURES) out[f] = Number(r[f]);
    return out;
  });
}
