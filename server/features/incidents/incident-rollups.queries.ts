import { and, eq, sql, type SQL } from "drizzle-orm";
import type { IncidentMeasure, IncidentStatus, IncidentTypeGroup, Sensitivity } from "../../../common/enums";
import { NO_DISTRICT, type IncidentFilterQuery } from "../../../common/schemas/incidents";
import { addDays, nextPeriod, periodStart, type PeriodUnit } from "../../../common/periods";
import type { Actor } from "../../authz/actor";
import { queryRows, type Db } from "../../db/client";
import { incidentRollupVisibleTo, readsEveryIncident, sharedIncidentsVisibleTo } from "./incidents.policy";
import { incidentDayCounts, incidentTypeDayCounts, incidentTypeMonthCounts } from "./incident-rollups.table";
import { incidentTypes, incidents } from "./incidents.table";

/** Which incidents a figure counts: the incidents list's filters of the same names, over [from, to]. */
export type IncidentFigureFilter = {
  from: string;
  to: string;
  typeId?: string | null;
  group?: IncidentTypeGroup | null;
  district?: string | null;
  agencyId?: string | null;
  status?: IncidentStatus | null;
  sensitivity?: Sensitivity | null;
};

/**
 * The incidents list's filters as a figure of the day rollup — the same incidents, counted from the rollup — or null
 * when a filter needs the rows: a text or a place search, an area of the map, "without seizures".
 */
export function asRollupFigure(
  f: IncidentFilterQuery,
): { filter: IncidentFigureFilter; measure: "count" | "withSeizures" } | null {
  if (f.q || f.place || f.bbox || f.hasSeizures === "false") return null;
  return {
    filter: {
      from: f.from ?? "1900-01-01",
      to: f.to ?? "2999-12-31",
      typeId: f.typeId,
      group: f.group,
      district: f.district,
      agencyId: f.agencyId,
      status: f.status,
      sensitivity: f.sensitivity,
    },
    measure: f.hasSeizures === "true" ? "withSeizures" : "count",
  };
}

const ROLLUP_COLUMN: Record<IncidentMeasure, SQL> = {
  count: sql`${incidentDayCounts.incidents}`,
  arrests: sql`${incidentDayCounts.arrests}`,
  rescued: sql`${incidentDayCounts.rescued}`,
  intercepted: sql`${incidentDayCounts.intercepted}`,
  dead: sql`${incidentDayCounts.dead}`,
  missing: sql`${incidentDayCounts.missing}`,
  withSeizures: sql`${incidentDayCounts.withSeizures}`,
};
const ROW_VALUE: Record<IncidentMeasure, SQL> = {
  count: sql`1`,
  arrests: sql`${incidents.arrests}`,
  rescued: sql`${incidents.rescued}`,
  intercepted: sql`${incidents.intercepted}`,
  dead: sql`${incidents.dead}`,
  missing: sql`${incidents.missing}`,
  withSeizures: sql`${incidents.hasSeizures}::int`,
};

type Columns = {
  day: SQL;
  typeId: SQL;
  district: SQL;
  agencyId: SQL;
  status: SQL;
  sensitivity: SQL;
};
const ROLLUP: Columns = {
  day: sql`${incidentDayCounts.day}`,
  typeId: sql`${incidentDayCounts.typeId}`,
  district: sql`${incidentDayCounts.districtPcode}`,
  agencyId: sql`${incidentDayCounts.agencyId}`,
  status: sql`${incidentDayCounts.status}`,
  sensitivity: sql`${incidentDayCounts.sensitivity}`,
};
const ROWS: Columns = {
  day: sql`${incidents.occurredOn}`,
  typeId: sql`${incidents.typeId}`,
  district: sql`${incidents.districtPcode}`,
  agencyId: sql`${incidents.agencyId}`,
  status: sql`${incidents.status}`,
  sensitivity: sql`${incidents.sensitivity}`,
};

function filterOn(c: Columns, f: IncidentFigureFilter): SQL | undefined {
  return and(
    sql`${c.day} >= ${f.from}::date`,
    sql`${c.day} <= ${f.to}::date`,
    f.typeId ? sql`${c.typeId} = ${f.typeId}` : undefined,
    f.group
      ? sql`${c.typeId} in (select ${incidentTypes.id} from ${incidentTypes} where ${incidentTypes.group} = ${f.group})`
      : undefined,
    // The rollup keeps "no district" as '' and the rows as null: coalesce reads both.
    f.district === NO_DISTRICT
      ? sql`coalesce(${c.district}, '') = ''`
      : f.district
        ? sql`${c.district} = ${f.district}`
        : undefined,
    f.agencyId ? sql`${c.agencyId} = ${f.agencyId}` : undefined,
    f.status ? sql`${c.status} = ${f.status}` : undefined,
    f.sensitivity ? sql`${c.sensitivity} = ${f.sensitivity}` : undefined,
  );
}

/** `typeId` is "" unless figures are asked by type, `district` "" unless by district ("-" for none). */
export type IncidentFigure = { period: string; typeId: string; district: string; value: number };

/**
 * A measure of the incidents the actor may list that match `filter`, per period (`unit`; "all" for one total) and,
 * when asked, per type and per district. Read from the day rollup, where the actor's share is a condition on its agency and
 * sensitivity dimensions; restricted incidents of other agencies shared with the actor's agency are the one part a
 * rollup cannot hold (a share names a record), so they are added from their rows (few, by the shares' index).
 */
export async function incidentFigures(
  db: Db,
  actor: Actor,
  filter: IncidentFigureFilter,
  measure: IncidentMeasure,
  options: { unit: PeriodUnit | "all"; byType?: boolean; byDistrict?: boolean },
): Promise<IncidentFigure[]> {
  if (
    measure === "count" &&
    !options.byDistrict &&
    !filter.district &&
    !filter.agencyId &&
    !filter.status &&
    !filter.sensitivity &&
    readsEveryIncident(actor)
  )
    return countsByType(db, filter, options);
  const period =
    options.unit === "all"
      ? sql`${filter.from}::text`
      : sql.raw(`to_char(date_trunc('${options.unit}', x.day::timestamp), 'YYYY-MM-DD')`);
  const type = options.byType ? sql`x.type_id::text` : sql`''`;
  const district = options.byDistrict ? sql`coalesce(x.district, '-')` : sql`''`;
  const shared = sharedIncidentsVisibleTo(actor);
  const fromRows = shared
    ? sql`union all select ${incidents.occurredOn} as day, ${incidents.typeId} as type_id,
            ${incidents.districtPcode} as district, ${ROW_VALUE[measure]} as v
          from ${incidents} where ${and(eq(incidents.isActive, true), shared, filterOn(ROWS, filter))}`
    : sql``;
  const rows = await queryRows<{ period: string; type_id: string; district: string; value: number | string }>(
    db,
    sql`select ${period} as period, ${type} as type_id, ${district} as district, sum(x.v)::float8 as value from (
          select ${incidentDayCounts.day} as day, ${incidentDayCounts.typeId} as type_id,
            ${incidentDayCounts.districtPcode} as district, ${ROLLUP_COLUMN[measure]} as v
          from ${incidentDayCounts} where ${and(incidentRollupVisibleTo(actor), filterOn(ROLLUP, filter)) ?? sql`true`}
          ${fromRows}
        ) x group by 1, 2, 3 having sum(x.v) <> 0 order by 1, 2, 3`,
  );
  return rows.map((r) => ({
    period: r.period,
    typeId: r.type_id,
    district: r.district,
    value: Number(r.value),
  }));
}

/**
 * How many incidents match a filter of span and type only, for a reader who may list every incident: from the
 * per-type rollups — the span's whole months from the month rollup, its days before and after them from the day
 * one — about 30 rows per type for 90 days instead of the day rollup's ~250 per day.
 */
async function countsByType(
  db: Db,
  filter: IncidentFigureFilter,
  options: { unit: PeriodUnit | "all"; byType?: boolean },
): Promise<IncidentFigure[]> {
  const typeOf = (column: SQL) =>
    and(
      filter.typeId ? sql`${column} = ${filter.typeId}` : undefined,
      filter.group
        ? sql`${column} in (select ${incidentTypes.id} from ${incidentTypes} where ${incidentTypes.group} = ${filter.group})`
        : undefined,
    );
  const days = (from: string, to: string) =>
    sql`select ${incidentTypeDayCounts.day} as day, ${incidentTypeDayCounts.typeId} as type_id,
          ${incidentTypeDayCounts.incidents} as v
        from ${incidentTypeDayCounts}
        where ${and(
          sql`${incidentTypeDayCounts.day} >= ${from}::date`,
          sql`${incidentTypeDayCounts.day} <= ${to}::date`,
          typeOf(sql`${incidentTypeDayCounts.typeId}`),
        )}`;
  let source: SQL;
  // Whole months only for one total over the span (a week or a day of a period may not be a whole month).
  const month = periodStart(filter.from, "month");
  const firstMonth = month === filter.from ? month : nextPeriod(month, "month");
  const afterLastMonth = periodStart(addDays(filter.to, 1), "month");
  if (options.unit === "all" && firstMonth < afterLastMonth) {
    const months = sql`select ${incidentTypeMonthCounts.month} as day, ${incidentTypeMonthCounts.typeId} as type_id,
          ${incidentTypeMonthCounts.incidents} as v
        from ${incidentTypeMonthCounts}
        where ${and(
          sql`${incidentTypeMonthCounts.month} >= ${firstMonth}::date`,
          sql`${incidentTypeMonthCounts.month} < ${afterLastMonth}::date`,
          typeOf(sql`${incidentTypeMonthCounts.typeId}`),
        )}`;
    source = sql`${months} union all ${days(filter.from, addDays(firstMonth, -1))}
      union all ${days(afterLastMonth, filter.to)}`;
  } else source = days(filter.from, filter.to);
  // Summed by the period's first day and the type's uuid, then named as text: grouping on the text casts sorted
  // every row (a third of the query's time).
  const start =
    options.unit === "all"
      ? sql`null::timestamp`
      : sql.raw(`date_trunc('${options.unit}', x.day::timestamp)`);
  const period = options.unit === "all" ? sql`${filter.from}::text` : sql`to_char(x.start, 'YYYY-MM-DD')`;
  const type = options.byType ? sql`x.type_id` : sql`null::uuid`;
  const rows = await queryRows<{ period: string; type_id: string; value: number | string }>(
    db,
    sql`select ${period} as period, coalesce(x.type_id::text, '') as type_id, x.v::float8 as value from (
          select ${start} as start, ${type} as type_id, sum(x.v) as v from (${source}) x group by 1, 2
        ) x where x.v <> 0 order by 1, 2`,
  );
  return rows.map((r) => ({ period: r.period, typeId: r.type_id, district: "", value: Number(r.value) }));
}
