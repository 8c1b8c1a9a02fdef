import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../db/client";
import { call, createTestApp, login, type TestApp } from "../test/app";
import { seedDemo } from "./seed-demo";

const PASSWORD = "demo-password-1";

// Issue 12, item 10: what `npm start` seeds — a year of incidents around Tobruk and Emsaed (fuel and goods
// smuggling, migrant interceptions, a trafficking case with a referral), plus IOM's Missing Migrants rows.
describe("demo incidents: a year, a trafficking case and IOM's rows", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await seedDemo(t.db, t.clock.now(), PASSWORD);
  });
  afterAll(() => t.close());

  it("spreads Tansiq's incidents over the last twelve months, each kind in each quarter, most older cases closed", async () => {
    const today = t.clock.now().toISOString().slice(0, 10);
    const [span] = await queryRows<{
      months: number;
      first: string;
      incidents: number;
      closed_old: number;
      old: number;
      stepped_late: number;
    }>(
      t.db,
      sql`select count(distinct date_trunc('month', occurred_on))::int as months, min(occurred_on)::text as first,
                 count(*)::int as incidents,
                 (count(*) filter (where occurred_on < ${today}::date - 60 and status = 'closed'))::int as closed_old,
                 (count(*) filter (where occurred_on < ${today}::date - 60))::int as old,
                 (count(*) filter (where occurred_on < ${today}::date - 60 and updated_at::date > occurred_on + 30))::int as stepped_late
          from incidents where source = 'tansiq'`,
    );
    expect(span!.months).toBeGreaterThanOrEqual(12);
    expect(span!.incidents).toBeGreaterThan(350);
    expect(span!.closed_old / span!.old).toBeGreaterThan(0.6);
    // Recorded and stepped in the days after they happened, not all today.
    expect(span!.stepped_late).toBe(0);
    const kinds = await queryRows<{ code: string; quarters: number }>(
      t.db,
      sql`select t.code, count(distinct date_trunc('quarter', i.occurred_on))::int as quarters
          from incidents i join incident_types t on t.id = i.type_id where i.source = 'tansiq' group by t.code`,
    );
    for (const code of ["smuggling_fuel", "smuggling_goods", "migration_interception", "human_trafficking"])
      expect(kinds.find((k) => k.code === code)?.quarters, code).toBeGreaterThanOrEqual(4);

    // The minister's list over the year counts them all (IOM's rows are older than a year).
    const minister = await login(t.app, "minister", PASSWORD);
    const list = (await call(t.app, minister, "GET", `/api/v1/incidents?from=${span!.first}`)).json();
    expect(list.page.total).toBe(span!.incidents);
  });

  it("holds a restricted trafficking case of internal security whose victims were referred, seen only by ISA and leadership", async () => {
    const [row] = await queryRows<{
      id: string;
      sensitivity: string;
      women: number;
      girls: number;
      referred_to: string;
    }>(
      t.db,
      sql`select i.id, i.sensitivity, r.women, r.girls, r.referred_to from incidents i
          join victim_referrals r on r.incident_id = i.id
          join agencies a on a.id = i.agency_id
          where a.code = 'ISA-TBK' and r.referred_to like '%الهلال الأحمر%'`,
    );
    expect(row).toMatchObject({ sensitivity: "restricted", women: 3, girls: 2 });
    const path = `/api/v1/incidents/${row!.id}`;
    for (const [username, status] of [
      ["minister", 200],
      ["liaison.isa", 200],
      ["director.tobruk", 404],
      ["officer.emsaed", 404],
      ["observer.mp", 404],
    ] as const) {
      const session = await login(t.app, username, PASSWORD);
      expect((await call(t.app, session, "GET", path)).statusCode, username).toBe(status);
    }
  });

  it("imports IOM's Libya-wide rows as the ministry's, once, with the source's id and link", async () => {
    const [iom] = await queryRows<{ rows: number; agencies: number; code: string; with_url: number }>(
      t.db,
      sql`select count(*)::int as rows, count(distinct i.agency_id)::int as agencies, min(a.code) as code,
                 (count(*) filter (where i.source_url is not null))::int as with_url
          from incidents i join agencies a on a.id = i.agency_id where i.source = 'iom'`,
    );
    expect(iom).toMatchObject({ rows: 911, agencies: 1, code: "MOI" });
    expect(iom!.with_url).toBeGreaterThan(0);
    const [event] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_events where action = 'incident.import'`,
    );
    expect(event!.n).toBe(1);
  });
});
