import { and, asc, desc, eq, getTableColumns, gte, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import { districtsNamed } from "../../../common/district-names";
import type { DistrictPcode } from "../../../common/districts";
import { INCIDENT_SOURCES, type IncidentSource } from "../../../common/enums";
import {
  NO_DISTRICT,
  parseBbox,
  type IncidentFilterQuery,
  type IncidentListQuery,
} from "../../../common/schemas/incidents";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { inline } from "../../db/inline";
import { keptStatement } from "../../db/kept-statements";
import {
  literalLimit,
  literalOffset,
  matchesSearch,
  pageWindow,
  type AlsoMatches,
} from "../../http/pagination";
import { asRollupFigure, incidentFigures } from "./incident-rollups.queries";
import {
  incidentVisibilityKey,
  incidentsVisibleTo,
  referralVisibilityKey,
  referralsVisibleTo,
  type IncidentSubject,
} from "./incidents.policy";
import { users } from "../users";
import {
  incidentHistory,
  incidentTypes,
  incidents,
  seizureCustody,
  seizures,
  victimReferrals,
  type CustodyRow,
  type IncidentTypeRow,
} from "./incidents.table";

/**
 * A word of a search that names a district («طبرق», «Tobruk») also finds the incidents placed in it, though their
 * own text does not say it (the list's search and the search across Tansiq alike).
 */
export const inNamedDistrict: AlsoMatches = (word) => {
  const pcodes = districtsNamed(word);
  if (pcodes.length === 0) return undefined;
  return sql`${incidents.districtPcode} in (${sql.join(
    pcodes.map((p) => inline(p)),
    sql`, `,
  )})`;
};

/**
 * An incident's row with its type's group, as lists and pages present it: without its search key (a folded copy of
 * its texts that nothing presents; on PGlite each byte read costs the server, which is also the database).
 */
const { searchKey: _searchKey, ...presentedColumns } = getTableColumns(incidents);
const subjectColumns = { ...presentedColumns, typeGroup: incidentTypes.group };

export async function findIncident(
  db: Db,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<IncidentSubject> {
  const query = () =>
    db
      .select(subjectColumns)
      .from(incidents)
      .innerJoin(incidentTypes, eq(incidentTypes.id, incidents.typeId))
      .where(and(eq(incidents.id, sql.placeholder("id")), incidentsVisibleTo(actor)));
  // Read (not locked): the statement is built once per visibility class and kept, the id its only parameter.
  const [row] = options.forUpdate
    ? await query().for("update", { of: incidents }).execute({ id })
    : await keptStatement(db, `incidents.one:${incidentVisibilityKey(actor)}`, query).execute({ id });
  if (!row) throw new AppError("not_found");
  return row;
}

/** An active type, or a refusal naming the field (an unknown or retired type cannot be chosen). */
export async function findActiveType(db: Db, typeId: string): Promise<IncidentTypeRow> {
  const [row] = await db.select().from(incidentTypes).where(eq(incidentTypes.id, typeId));
  if (!row || !row.isActive)
    throw new AppError("validation_failed", { fields: [{ field: "typeId", issue: "invalid_value" }] });
  return row;
}

export const tripoliDay = (day: string) => sql`${day}::date`;

/** The list's filters, visibility included, as one condition (the exports and the map take the same). */
export function incidentFilters(actor: Actor, f: IncidentFilterQuery): SQL | undefined {
  const typesOfGroup = f.group
    ? sql`${incidents.typeId} in (select ${incidentTypes.id} from ${incidentTypes} where ${incidentTypes.group} = ${inline(f.group)})`
    : undefined;
  return and(
    incidentsVisibleTo(actor),
    // Values that pick rows by an index are written into the statement (inline): one plan per list, kept.
    eq(incidents.isActive, inline(true)),
    f.typeId ? eq(incidents.typeId, inline(f.typeId)) : undefined,
    typesOfGroup,
    f.district === NO_DISTRICT
      ? isNull(incidents.districtPcode)
      : f.district
        ? eq(incidents.districtPcode, inline(f.district))
        : undefined,
    f.place ? matchesSearch(incidents.searchKey, f.place, inNamedDistrict) : undefined,
    f.from ? sql`${incidents.occurredOn} >= ${tripoliDay(f.from)}` : undefined,
    f.to ? sql`${incidents.occurredOn} <= ${tripoliDay(f.to)}` : undefined,
    f.status ? eq(incidents.status, inline(f.status)) : undefined,
    f.agencyId ? eq(incidents.agencyId, inline(f.agencyId)) : undefined,
    f.sensitivity ? eq(incidents.sensitivity, inline(f.sensitivity)) : undefined,
    f.hasSeizures ? eq(incidents.hasSeizures, inline(f.hasSeizures === "true")) : undefined,
    f.bbox ? withinArea(f.bbox) : undefined,
    matchesSearch(incidents.searchKey, f.q, inNamedDistrict),
  );
}

/** Incidents whose coordinates lie in the area "west,south,east,north" (by incidents_location_idx). */
export function withinArea(bbox: string): SQL {
  const [west, south, east, north] = parseBbox(bbox);
  return sql`${incidents.latitude} is not null and ${incidents.longitude} between ${west} and ${east}
    and ${incidents.latitude} between ${south} and ${north}`;
}

const ORDERS = {
  occurred_desc: [desc(incidents.occurredOn), desc(incidents.id)],
  occurred_asc: [asc(incidents.occurredOn), asc(incidents.id)],
  reported_desc: [desc(incidents.reportedAt), desc(incidents.id)],
} as const;

/**
 * How many incidents the actor may list match the filters: from the day rollup when the filters are its dimensions
 * (a sum over days, not a count over rows: 600 ms → a few ms at a million incidents), else counted from the rows.
 */
export async function countIncidents(db: Db, actor: Actor, f: IncidentFilterQuery): Promise<number> {
  const rollup = asRollupFigure(f);
  if (rollup) {
    const figures = await incidentFigures(db, actor, rollup.filter, rollup.measure, { unit: "all" });
    return figures.reduce((sum, figure) => sum + figure.value, 0);
  }
  const [counted] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(incidents)
    .where(incidentFilters(actor, f));
  return counted?.total ?? 0;
}

/**
 * One page of the filtered list and its total. `total` computes the total, given how (the route keeps it in the
 * figures cache: many readers page through the same list).
 */
export async function listIncidents(
  db: Db,
  actor: Actor,
  query: IncidentListQuery,
  total: (compute: () => Promise<number>) => Promise<number> = (compute) => compute(),
) {
  const { sort: _sort, page: _page, pageSize: _pageSize, ...filters } = query;
  const { limit, offset } = pageWindow(query);
  // The page's statement depends only on the reader's visibility class and the query: built once, kept.
  const page = keptStatement(
    db,
    `incidents.list:${incidentVisibilityKey(actor)}:${JSON.stringify(query)}`,
    () =>
      db
        .select(subjectColumns)
        .from(incidents)
        .innerJoin(incidentTypes, eq(incidentTypes.id, incidents.typeId))
        .where(incidentFilters(actor, query))
        .orderBy(...ORDERS[query.sort])
        .limit(literalLimit(limit))
        .offset(literalOffset(offset, limit)),
  );
  const [rows, counted] = await Promise.all([
    page.execute(),
    total(() => countIncidents(db, actor, filters)),
  ]);
  return { rows, total: counted };
}

/** The incident page's parts: its timeline, its seizures with their custody logs, and the referrals the actor may see. */
export async function incidentDetailParts(db: Db, actor: Actor, incidentId: string) {
  // Each statement built once (per referral visibility class) and kept, the incident's id its parameter.
  const id = sql.placeholder("id");
  const [history, seizureRows, referrals] = await Promise.all([
    keptStatement(db, "incidents.history", () =>
      db
        .select({ ...getTableColumns(incidentHistory), actorName: ACTOR_NAME })
        .from(incidentHistory)
        .leftJoin(users, eq(users.id, incidentHistory.actorId))
        .where(eq(incidentHistory.incidentId, id))
        .orderBy(asc(incidentHistory.at), asc(incidentHistory.id)),
    ).execute({ id: incidentId }),
    keptStatement(db, "incidents.seizures", () =>
      db
        .select()
        .from(seizures)
        .where(eq(seizures.incidentId, id))
        .orderBy(asc(seizures.createdAt), asc(seizures.id)),
    ).execute({ id: incidentId }),
    keptStatement(db, `incidents.referrals:${referralVisibilityKey(actor)}`, () =>
      db
        .select()
        .from(victimReferrals)
        .where(and(eq(victimReferrals.incidentId, id), referralsVisibleTo(actor)))
        .orderBy(asc(victimReferrals.referredOn), asc(victimReferrals.id)),
    ).execute({ id: incidentId }),
  ]);
  const custody = await custodyOf(
    db,
    seizureRows.map((s) => s.id),
  );
  return { history, seizures: seizureRows, custody, referrals };
}

/** Who acted, as the reader names them: the person's names (null for an automatic process or a removed account). */
const ACTOR_NAME = sql<{ ar: string; en: string } | null>`case when ${users.id} is null then null
  else json_build_object('ar', ${users.displayNameAr}, 'en', ${users.displayNameEn}) end`;

export type Named<T> = T & { actorName: { ar: string; en: string } | null };

/** Custody logs of several seizures in one query, grouped by seizure. */
export async function custodyOf(db: Db, seizureIds: string[]): Promise<Map<string, Named<CustodyRow>[]>> {
  const out = new Map<string, Named<CustodyRow>[]>();
  if (seizureIds.length === 0) return out;
  const rows = await db
    .select({ ...getTableColumns(seizureCustody), actorName: ACTOR_NAME })
    .from(seizureCustody)
    .leftJoin(users, eq(users.id, seizureCustody.actorId))
    .where(inArray(seizureCustody.seizureId, seizureIds))
    .orderBy(asc(seizureCustody.createdAt), asc(seizureCustody.id));
  for (const row of rows) out.set(row.seizureId, [...(out.get(row.seizureId) ?? []), row]);
  return out;
}

/**
 * How many of the `total` incidents the reader may list over [from, to] (and a district) came from each source.
 * Only the imported ones (IOM, ACLED, community reports: few) are read, by their partial index; the rest of the
 * total, which the caller has from the rollup, is Tansiq's own — no scan of a million rows on the dashboard.
 */
export async function incidentSourceCounts(
  db: Db,
  actor: Actor,
  filter: { from: string; to: string; district: DistrictPcode | null },
  total: number,
): Promise<{ source: IncidentSource; count: number }[]> {
  const rows = await db
    .select({ source: incidents.source, count: sql<number>`count(*)::int` })
    .from(incidents)
    .where(
      and(
        eq(incidents.isActive, true),
        sql`${incidents.source} <> 'tansiq'`,
        gte(incidents.occurredOn, filter.from),
        lte(incidents.occurredOn, filter.to),
        filter.district ? eq(incidents.districtPcode, filter.district) : undefined,
        incidentsVisibleTo(actor),
      ),
    )
    .groupBy(incidents.source);
  const imported = rows.reduce((s, r) => s + Number(r.count), 0);
  return INCIDENT_SOURCES.flatMap((source) => {
    const count =
      source === "tansiq" ? total - imported : Number(rows.find((r) => r.source === source)?.count ?? 0);
    return count ? [{ source, count }] : [];
  });
}
