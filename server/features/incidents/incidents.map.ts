import { and, sql, type SQL } from "drizzle-orm";
import { DISTRICT_CENTRES } from "../../../common/district-centres";
import { DISTRICT_PCODES, type DistrictPcode } from "../../../common/districts";
import type {
  IncidentFilterQuery,
  IncidentMapQuery,
  IncidentMapResponse,
} from "../../../common/schemas/incidents";
import type { Actor } from "../../authz/actor";
import { queryRows, type Db } from "../../db/client";
import { asRollupFigure, incidentFigures } from "./incident-rollups.queries";
import { incidentFilters } from "./incidents.queries";
import { incidents } from "./incidents.table";

/** Below this zoom the map shows the country: one count per district, at its centre. */
export const COUNTRY_ZOOM = 6;
/** At most this many clusters travel to the browser; the densest are kept. */
export const CLUSTERS_MAX = 2_000;
/** A cluster gathers the incidents of a square about this many pixels wide at the asked zoom (MapLibre's: 512-pixel tiles). */
const CELL_PIXELS = 60;

type Cluster = IncidentMapResponse["clusters"][number];
const isDistrict = (code: string): code is DistrictPcode =>
  (DISTRICT_PCODES as readonly string[]).includes(code);

/**
 * The map's data for the incidents list's filters, as the actor may list them: counts by district over all of Libya
 * (the choropleth), and clusters — per district in the country view, per square of the visible area closer in.
 * Never the incidents themselves: a million of them stay on the server.
 */
export async function incidentMap(
  db: Db,
  actor: Actor,
  query: IncidentMapQuery,
): Promise<IncidentMapResponse> {
  const { bbox, zoom, ...filters } = query;
  const { districts, withoutDistrict } = await districtCounts(db, actor, filters);
  const imported = await importedCounts(db, actor, filters);
  if (zoom < COUNTRY_ZOOM) {
    // Each district's count at its centre, and the located incidents outside every district (at sea, across a
    // border) in squares: together every incident the choropleth counts that has a place on the map.
    const offMap = await squares(
      db,
      and(incidentFilters(actor, filters), sql`${incidents.districtPcode} is null`),
      zoom,
    );
    const byDistrict: Cluster[] = districts.map(({ pcode, count }) => ({
      longitude: DISTRICT_CENTRES[pcode][0],
      latitude: DISTRICT_CENTRES[pcode][1],
      count,
      district: pcode,
      bbox: null,
      incidentId: null,
      reference: null,
    }));
    return { districts, withoutDistrict, mode: "districts", ...joined(byDistrict, offMap), imported };
  }
  const located = await squares(db, incidentFilters(actor, { ...filters, bbox }), zoom);
  return { districts, withoutDistrict, mode: "points", ...joined([], located), imported };
}

function joined(first: Cluster[], rest: Cluster[]) {
  const all = [...first, ...rest];
  return { clusters: all.slice(0, CLUSTERS_MAX), truncated: all.length > CLUSTERS_MAX };
}

/**
 * How many of the incidents the filters count came from IOM's or ACLED's data (their licences ask for attribution):
 * the rows not typed in Tansiq, by incidents_imported_idx, so a million typed incidents are never read for it.
 */
async function importedCounts(
  db: Db,
  actor: Actor,
  f: IncidentFilterQuery,
): Promise<IncidentMapResponse["imported"]> {
  const rows = await queryRows<{ source: "acled" | "iom"; count: number }>(
    db,
    sql`select ${incidents.source} as source, count(*)::int as count from ${incidents}
        where ${and(incidentFilters(actor, f), sql`${incidents.source} in ('acled', 'iom')`, sql`${incidents.source} <> 'tansiq'`)}
        group by 1 order by 1`,
  );
  return rows.map((r) => ({ source: r.source, count: Number(r.count) }));
}

/**
 * How many incidents match per district. Read from the day rollup when the filters are its dimensions (a text
 * search or a place name needs the rows); "with seizures" is the rollup's own tally.
 */
async function districtCounts(db: Db, actor: Actor, f: IncidentFilterQuery) {
  const rollup = asRollupFigure(f);
  const counts: { district: string | null; count: number }[] = rollup
    ? (
        await incidentFigures(db, actor, rollup.filter, rollup.measure, { unit: "all", byDistrict: true })
      ).map((figure) => ({ district: figure.district, count: figure.value }))
    : await queryRows<{ district: string | null; count: number }>(
        db,
        sql`select ${incidents.districtPcode} as district, count(*)::int as count from ${incidents}
            where ${incidentFilters(actor, f)} group by 1`,
      );
  const byPcode = new Map<DistrictPcode, number>();
  let withoutDistrict = 0;
  for (const { district, count } of counts) {
    if (district && isDistrict(district)) byPcode.set(district, (byPcode.get(district) ?? 0) + Number(count));
    else withoutDistrict += Number(count);
  }
  const districts = [...byPcode].map(([pcode, count]) => ({ pcode, count })).filter((d) => d.count > 0);
  return { districts, withoutDistrict };
}

/** The located incidents matching `where`, gathered per square of the grid for `zoom`, densest first. */
async function squares(db: Db, where: SQL | undefined, zoom: number): Promise<Cluster[]> {
  const cell = (360 / 2 ** zoom) * (CELL_PIXELS / 512);
  const rows = await queryRows<{
    count: number;
    latitude: number;
    longitude: number;
    west: number;
    south: number;
    east: number;
    north: number;
    incident_id: string | null;
    reference: string | null;
  }>(
    db,
    sql`select count(*)::int as count, avg(${incidents.latitude})::float8 as latitude,
          avg(${incidents.longitude})::float8 as longitude,
          min(${incidents.longitude})::float8 as west, min(${incidents.latitude})::float8 as south,
          max(${incidents.longitude})::float8 as east, max(${incidents.latitude})::float8 as north,
          case when count(*) = 1 then min(${incidents.id}::text) end as incident_id,
          case when count(*) = 1 then min(${incidents.reference}) end as reference
        from ${incidents}
        where ${and(where, sql`${incidents.latitude} is not null`)}
        group by floor(${incidents.longitude} / ${cell}), floor(${incidents.latitude} / ${cell})
        order by count(*) desc
        limit ${CLUSTERS_MAX + 1}`,
  );
  return rows.map((r) => ({
    longitude: Number(r.longitude),
    latitude: Number(r.latitude),
    count: Number(r.count),
    district: null,
    bbox: areaAround(Number(r.west), Number(r.south), Number(r.east), Number(r.north)),
    incidentId: r.incident_id,
    reference: r.reference,
  }));
}

/** The list filter for a cluster's incidents: their extent, widened a little so that a single point is an area. */
function areaAround(west: number, south: number, east: number, north: number): string {
  const pad = 0.00001;
  return [west - pad, south - pad, east + pad, north + pad].map((n) => n.toFixed(5)).join(",");
}
