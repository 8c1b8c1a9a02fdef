import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Database } from "../../db/client";
import { createTestDatabase } from "../../test/database";
import { buildAgency } from "../../test/factories";
import { buildIncident } from "../../test/incidents-factories";

// Migration 0016: the incident rollups follow each writing statement (transition tables) instead of each row. The
// property test (plans/rollups-equality.test.ts) writes one incident per statement; here statements write many rows at
// once — rows swapping keys, rows updated without a counted change, rows leaving and joining, deletes — and the day
// rollup and the per-type tables must still equal what the rows say.

async function rollupsAndRows(db: Database["db"]) {
  const lines = (rows: Record<string, unknown>[]) =>
    rows.map((r) => Object.values(r).map(String).join("|")).sort();
  const [day, dayDirect, types, typesDirect] = await Promise.all([
    queryRows<Record<string, unknown>>(
      db,
      sql`select day::text, type_id, district_pcode, agency_id, status, sensitivity, incidents, arrests, rescued,
                 intercepted, dead, missing, with_seizures
          from incident_day_counts
          where incidents <> 0 or arrests <> 0 or rescued <> 0 or intercepted <> 0 or dead <> 0 or missing <> 0
             or with_seizures <> 0`,
    ),
    queryRows<Record<string, unknown>>(
      db,
      sql`select occurred_on::text as d, type_id, coalesce(district_pcode, '') as p, agency_id, status, sensitivity,
                 count(*)::int as n, sum(arrests)::int as a, sum(rescued)::int as r, sum(intercepted)::int as i,
                 sum(dead)::int as k, sum(missing)::int as m, (count(*) filter (where has_seizures))::int as s
          from incidents where is_active group by 1, 2, 3, 4, 5, 6`,
    ),
    queryRows<Record<string, unknown>>(
      db,
      sql`select 'd' as g, day::text as d, type_id, incidents from incident_type_day_counts where incidents <> 0
          union all
          select 'm', month::text, type_id, incidents from incident_type_month_counts where incidents <> 0`,
    ),
    queryRows<Record<string, unknown>>(
      db,
      sql`select 'd' as g, occurred_on::text as d, type_id, count(*)::int as n from incidents where is_active
          group by 2, 3
          union all
          select 'm', date_trunc('month', occurred_on)::date::text, type_id, count(*)::int from incidents
          where is_active group by 2, 3`,
    ),
  ]);
  return { rollup: [lines(day), lines(types)], rows: [lines(dayDirect), lines(typesDirect)] };
}

describe("incident rollups follow statements that write many rows (migration 0016)", () => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
    const agencies = [(await buildAgency(database.db)).id, (await buildAgency(database.db)).id];
    const types = ["smuggling_fuel", "smuggling_goods", "migration_interception"];
    for (let i = 0; i < 12; i++)
      await buildIncident(database.db, {
        agencyId: agencies[i % 2],
        type: types[i % 3],
        occurredOn: `2026-${i % 4 < 2 ? "10" : "11"}-${String(10 + (i % 5)).padStart(2, "0")}`,
        districtPcode: i % 3 === 0 ? null : "LY0104",
        status: i % 4 === 0 ? "closed" : "open",
      });
  });
  afterAll(() => database.close());

  const statements: [string, ReturnType<typeof sql>][] = [
    ["nothing counted changes", sql`update incidents set updated_at = updated_at + interval '1 second'`],
    [
      "rows swap days, counts change on some, others are left as they were",
      sql`update incidents as i set occurred_on = o.occurred_on, arrests = i.arrests + (o.n % 2)
          from (select id, n, lead(occurred_on, 1, occurred_on) over (order by id) as occurred_on
                from (select id, occurred_on, row_number() over (order by id) as n from incidents) x) o
          where o.id = i.id and o.n % 3 <> 0`,
    ],
    [
      "a type moves to another, some rows leave, some change district and status",
      sql`update incidents set
            type_id = case when type_id = (select id from incident_types where code = 'smuggling_goods')
                      then (select id from incident_types where code = 'smuggling_fuel') else type_id end,
            is_active = reference not like '%1',
            district_pcode = case when district_pcode is null then 'LY0103' else district_pcode end,
            status = case when status = 'open' then 'under_investigation' else status end`,
    ],
    ["rows come back", sql`update incidents set is_active = true, has_seizures = not has_seizures`],
    [
      "a copy of every row in one statement",
      sql`insert into incidents (id, reference, sensitivity, agency_id, type_id, occurred_on, reported_at,
            district_pcode, place_name, status, arrests, source, search_key, created_at, updated_at)
          select gen_random_uuid(), reference || '-c', sensitivity, agency_id, type_id, occurred_on + 40, reported_at,
            district_pcode, place_name, status, arrests, source, search_key, created_at, updated_at
          from incidents`,
    ],
    [
      "rows deleted in one statement",
      sql`with gone as (select id from incidents where reference like '%-c' or reference like '%2')
          , history as (delete from incident_history where incident_id in (select id from gone))
          delete from incidents where id in (select id from gone)`,
    ],
  ];

  it.each(statements.map(([name], i) => [name, i] as const))("%s", async (_name, i) => {
    await database.db.execute(statements[i]![1]);
    const { rollup, rows } = await rollupsAndRows(database.db);
    expect(rows[0]!.length).toBeGreaterThan(0);
    expect(rollup).toEqual(rows);
  });
});
