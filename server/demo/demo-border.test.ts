import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../db/client";
import { call, createTestApp, login, type TestApp } from "../test/app";
import { seedDemo } from "./seed-demo";

/** The object with this id anywhere in a response. */
function find(value: unknown, id: string): Record<string, unknown> | undefined {
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = find(v, id);
      if (found) return found;
    }
  } else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (o.id === id) return o;
    for (const v of Object.values(o)) {
      const found = find(v, id);
      if (found) return found;
    }
  }
  return undefined;
}

// Issue 13, item 7: a year of Emsaed daily reports in the demo, and the two computed plan indicators.
describe("demo border year", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await seedDemo(t.db, t.clock.now(), "demo-password-1", "recent");
  });
  afterAll(() => t.close());

  it("holds a year of Emsaed reports with the weekly rhythm, a few outliers with warnings, in the list's total", async () => {
    const [span] = await queryRows<{ days: number; reports: number; warned: number; first: string }>(
      t.db,
      sql`select count(distinct day)::int as days, count(*)::int as reports, min(day)::text as first,
                 (count(*) filter (where jsonb_array_length(warnings) > 0))::int as warned
          from border_reports r join crossings c on c.id = r.crossing_id where c.code = 'EMSAED'`,
    );
    expect(span!.days).toBeGreaterThanOrEqual(365);
    expect(span!.reports).toBe(span!.days * 2);
    expect(span!.warned).toBeGreaterThanOrEqual(4);
    expect(span!.warned).toBeLessThan(20);
    // Thursdays and Fridays busiest: their mean arrivals at least 40 % above Sunday to Wednesday's.
    const [rhythm] = await queryRows<{ busy: number; usual: number }>(
      t.db,
      sql`select avg(arrivals_libyan + arrivals_foreign) filter (where extract(dow from day) in (4, 5))::float8 as busy,
                 avg(arrivals_libyan + arrivals_foreign) filter (where extract(dow from day) in (0, 1, 2, 3))::float8 as usual
          from border_reports`,
    );
    expect(rhythm!.busy / rhythm!.usual).toBeGreaterThan(1.4);

    const minister = await login(t.app, "minister", "demo-password-1");
    const list = (await call(t.app, minister, "GET", `/api/v1/border-reports?from=${span!.first}`)).json();
    expect(list.page.total).toBe(span!.reports);
    console.log(
      `demo border year: ${span!.days} days, ${span!.reports} reports from ${span!.first}, ${span!.warned} with warnings; Thu/Fri ÷ Sun–Wed arrivals ${(rhythm!.busy / rhythm!.usual).toFixed(2)}`,
    );
  });

  it("has the two computed plan indicators, one from incidents and one from border figures, with values", async () => {
    const rows = await queryRows<{ id: string; source: string; plan_id: string }>(
      t.db,
      sql`select i.id, i.source, o.plan_id from plan_indicators i join plan_objectives o on o.id = i.objective_id
          where i.source <> 'manual' order by i.source`,
    );
    expect(rows.map((r) => r.source)).toEqual(["border", "incidents"]);
    const minister = await login(t.app, "minister", "demo-password-1");
    for (const r of rows) {
      const plan = (await call(t.app, minister, "GET", `/api/v1/plans/${r.plan_id}`)).json();
      const indicator = find(plan, r.id);
      expect(indicator, r.source).toBeDefined();
      const values = (indicator!.series as { value: number }[]).map((p) => p.value);
      // Measured by themselves from the rows: at least a few periods, something counted.
      expect(values.length, r.source).toBeGreaterThan(2);
      expect(Math.max(...values), r.source).toBeGreaterThan(0);
    }
  });
});
