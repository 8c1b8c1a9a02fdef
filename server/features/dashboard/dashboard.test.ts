import { and, eq, gte } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dashboard, ListLink } from "../../../common/schemas/dashboard";
import type { Indicator } from "../../../common/schemas/plans";
import { recordShares } from "../../authz/shares.table";
import { seedDemo } from "../../demo/seed-demo";
import { call, createTestApp, login, type Session, type TestApp } from "../../test/app";
import { buildUser, TEST_PASSWORD } from "../../test/factories";
import { agencies } from "../agencies";
import { incidents } from "../incidents";

// Issue 13, item 4: every dashboard figure equals the total of the list it links to, for every reader — restricted
// incidents of another agency (and one shared with the reader's) included in the demo data.

const PASSWORD = "demo-password-1";
const DEMO_USERS = [
  "admin",
  "minister",
  "director.tobruk",
  "officer.tobruk",
  "officer.emsaed",
  "liaison.isa",
  "observer.mp",
  "trainer",
];

type Figure = { name: string; value: number; link: ListLink };

function figuresOf(d: Dashboard): Figure[] {
  const out: Figure[] = [
    { name: "activePlans", ...d.activePlans },
    { name: "commitmentsDueSoon", ...d.commitmentsDueSoon },
    ...d.overdueByAgency.map((f) => ({ name: `overdue ${f.agencyId}`, ...f })),
    ...d.openNeeds.map((f) => ({ name: `needs ${f.category}`, ...f })),
    ...d.incidentsByType.map((f) => ({ name: `incidents ${f.nameEn}`, ...f })),
  ];
  if (d.crossing) {
    out.push({ name: "crossing reports", ...d.crossing.reports });
    out.push({ name: "seizure incidents", ...d.crossing.seizureIncidents });
  }
  return out;
}

describe("region dashboard", () => {
  let t: TestApp;
  const sessions = new Map<string, Session>();

  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await seedDemo(t.db, t.clock.now(), PASSWORD);
    // A manager of the Internal Security Agency (its restricted trafficking and weapons cases are theirs), and one
    // restricted ISA incident shared with the Tobruk directorate.
    const [isa] = await t.db.select().from(agencies).where(eq(agencies.code, "ISA-TBK"));
    const [tbk] = await t.db.select().from(agencies).where(eq(agencies.code, "TBK-SD"));
    const isaManager = await buildUser(t.db, { role: "manager", agencyId: isa!.id, isDemo: true });
    const [shared] = await t.db
      .select()
      .from(incidents)
      .where(and(eq(incidents.agencyId, isa!.id), eq(incidents.sensitivity, "restricted")))
      .limit(1);
    await t.db.insert(recordShares).values({ entity: "incidents", entityId: shared!.id, agencyId: tbk!.id });
    for (const u of DEMO_USERS) sessions.set(u, await login(t.app, u, PASSWORD));
    sessions.set("isa manager", await login(t.app, isaManager.username, TEST_PASSWORD));
  });
  afterAll(() => t.close());

  it("opens to leadership and managers only", async () => {
    const codes = await Promise.all(
      [...sessions].map(async ([name, s]) => [
        name,
        (await call(t.app, s, "GET", "/api/v1/dashboard")).statusCode,
      ]),
    );
    expect(Object.fromEntries(codes)).toEqual({
      admin: 403,
      minister: 200,
      "director.tobruk": 200,
      "officer.tobruk": 403,
      "officer.emsaed": 403,
      "liaison.isa": 403,
      "observer.mp": 403,
      trainer: 403,
      "isa manager": 200,
    });
  });

  it("gives each reader figures equal to the totals of the lists they link to", async () => {
    const report: string[] = [];
    const incidentTotals = new Map<string, number>();
    for (const name of ["minister", "director.tobruk", "isa manager"]) {
      const session = sessions.get(name)!;
      for (const unit of ["week", "month"]) {
        const res = await call(t.app, session, "GET", `/api/v1/dashboard?unit=${unit}`);
        expect(res.statusCode).toBe(200);
        const d = res.json().data as Dashboard;
        expect(d.periods).toHaveLength(12);
        const figures = figuresOf(d);
        for (const f of figures) {
          const query = new URLSearchParams({ ...f.link.query, pageSize: "1" });
          const list = await call(t.app, session, "GET", `/api/v1/${f.link.list}?${query}`);
          expect(list.statusCode, `${name} ${f.name}`).toBe(200);
          expect(list.json().page.total, `${name} ${unit} ${f.name}`).toBe(f.value);
        }
        for (const f of d.incidentsByType) expect(f.values.reduce((a, b) => a + b, 0)).toBe(f.value);
        // One period's point links to the same list over that period.
        const busiest = d.incidentsByType[0];
        if (busiest) {
          const i = busiest.values.findIndex((v) => v > 0);
          const p = d.periods[i]!;
          const q = new URLSearchParams({ typeId: busiest.typeId, from: p.from, to: p.to, pageSize: "1" });
          const list = await call(t.app, session, "GET", `/api/v1/incidents?${q}`);
          expect(list.json().page.total).toBe(busiest.values[i]);
        }
        const incidentsSeen = d.incidentsByType.reduce((s, f) => s + f.value, 0);
        if (unit === "month") incidentTotals.set(name, incidentsSeen);
        report.push(`${name}/${unit}: ${figures.length} figures = list totals (incidents ${incidentsSeen})`);
      }
    }
    console.log(report.join("\n"));
    // Restricted incidents of another agency move only the figures of those who may list them.
    expect(incidentTotals.get("minister")!).toBeGreaterThan(incidentTotals.get("director.tobruk")!);
    // The demo's restricted incidents are all the Internal Security Agency's: its manager sees them all.
    expect(incidentTotals.get("isa manager")).toBe(incidentTotals.get("minister"));
  });

  it("names the sources of the span's incidents, so that IOM's and ACLED's rows are attributed", async () => {
    const minister = sessions.get("minister")!;
    const before = (await call(t.app, minister, "GET", "/api/v1/dashboard")).json().data as Dashboard;
    expect(before.incidentSources.map((s) => s.source)).toEqual(["tansiq"]);
    const [row] = await t.db
      .select()
      .from(incidents)
      .where(and(eq(incidents.sensitivity, "internal"), gte(incidents.occurredOn, before.from)))
      .limit(1);
    await t.db
      .update(incidents)
      .set({ source: "iom", sourceId: "iom-test-1" })
      .where(eq(incidents.id, row!.id));
    // Written here straight to the table: an import publishes the change that drops the kept figures.
    t.app.figures.invalidate();
    const after = (await call(t.app, minister, "GET", "/api/v1/dashboard")).json().data as Dashboard;
    const total = before.incidentSources[0]!.count;
    expect(after.incidentSources).toEqual([
      { source: "tansiq", count: total - 1 },
      { source: "iom", count: 1 },
    ]);
    expect(total).toBe(before.incidentsByType.reduce((s, f) => s + f.value, 0));
  });

  it("charts the demo plan's two computed indicators from the record", async () => {
    const minister = sessions.get("minister")!;
    const plans = (await call(t.app, minister, "GET", "/api/v1/plans?status=active")).json().data;
    const plan = (await call(t.app, minister, "GET", `/api/v1/plans/${plans[0].id}`)).json().data;
    const computed = (plan.objectives as { indicators: Indicator[] }[])
      .flatMap((o) => o.indicators)
      .filter((i) => i.source !== "manual");
    expect(computed.map((i) => i.source).sort()).toEqual(["border", "incidents"]);
    for (const i of computed) expect(i.series.reduce((s, p) => s + p.value, 0)).toBeGreaterThan(0);
  });
});
