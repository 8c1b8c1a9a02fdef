import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Indicator } from "../../../common/schemas/plans";
import { call, createTestApp, type Session, type TestApp } from "../../test/app";
import { buildAgency, buildPlan, signedIn } from "../../test/factories";
import { buildCrossing } from "../../test/border-factories";
import { buildIncident, buildSeizure, typeId } from "../../test/incidents-factories";
import type { AgencyRow } from "../agencies";
import type { PlanRow } from "./plans.table";

// Indicators computed from incidents and border reports: their values appear by themselves, move with each write,
// and count only what the reader may list.

describe("computed indicators", () => {
  let t: TestApp;
  let own: AgencyRow;
  let other: AgencyRow;
  let plan: PlanRow;
  let manager: Session;
  let otherOfficer: Session;
  let minister: Session;
  let crossingId: string;
  let fuel: string;

  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    own = await buildAgency(t.db);
    other = await buildAgency(t.db);
    plan = await buildPlan(t.db, { agencyId: own.id, status: "active" });
    manager = (await signedIn(t.app, t.db, "manager", own.id)).session;
    otherOfficer = (await signedIn(t.app, t.db, "officer", other.id)).session;
    minister = (await signedIn(t.app, t.db, "leadership", own.id)).session;
    crossingId = (await buildCrossing(t.db, { agencyId: own.id, workingAgencyIds: [other.id] })).id;
    fuel = await typeId(t.db, "smuggling_fuel");
  });
  afterAll(() => t.close());

  const indicatorOf = async (session: Session, id: string): Promise<Indicator> => {
    const res = await call(t.app, session, "GET", `/api/v1/plans/${plan.id}`);
    expect(res.statusCode).toBe(200);
    const objectives = res.json().data.objectives as { indicators: Indicator[] }[];
    return objectives.flatMap((o) => o.indicators).find((i) => i.id === id)!;
  };
  const monthOf = (i: Indicator, from: string) => i.series.find((p) => p.from === from)?.value;

  it("counts the incidents of its type per month, for what each reader may list", async () => {
    const objective = await call(t.app, manager, "POST", `/api/v1/plans/${plan.id}/objectives`, {
      titleAr: "الحد من تهريب الوقود",
    });
    expect(objective.statusCode).toBe(201);
    const created = await call(
      t.app,
      manager,
      "POST",
      `/api/v1/objectives/${objective.json().data.id}/indicators`,
      {
        nameAr: "وقائع تهريب الوقود",
        unit: "واقعة",
        baseline: 10,
        target: 2,
        direction: "decrease",
        frequency: "monthly",
        source: "incidents",
        spec: { measure: "count", typeId: fuel },
      },
    );
    expect(created.statusCode).toBe(201);
    const indicator = created.json().data as Indicator;
    expect(indicator.source).toBe("incidents");
    expect(indicator.abilities.measure).toBe(false);
    // January to November 2026 (the plan's start to the test's today): eleven months, all zero so far.
    expect(indicator.series).toHaveLength(11);
    expect(indicator.series.every((p) => p.value === 0)).toBe(true);

    const first = await buildIncident(t.db, { agencyId: own.id, occurredOn: "2026-11-03" });
    await buildIncident(t.db, { agencyId: own.id, occurredOn: "2026-11-20", sensitivity: "restricted" });
    const seized = await buildIncident(t.db, { agencyId: other.id, occurredOn: "2026-10-10" });
    await buildSeizure(t.db, seized);
    await buildIncident(t.db, { agencyId: own.id, occurredOn: "2026-11-21", type: "human_trafficking" });

    const forMinister = await indicatorOf(minister, indicator.id);
    expect(monthOf(forMinister, "2026-11-01")).toBe(2);
    expect(monthOf(forMinister, "2026-10-01")).toBe(1);
    expect(forMinister.current).toBe(2);
    // The other agency's officer may not list the restricted incident of this agency: it does not count for them.
    const forOther = await indicatorOf(otherOfficer, indicator.id);
    expect(monthOf(forOther, "2026-11-01")).toBe(1);

    // An edit that re-dates an incident moves it between months at once.
    const edit = await call(t.app, manager, "PATCH", `/api/v1/incidents/${first.id}`, {
      occurredOn: "2026-10-05",
    });
    expect(edit.statusCode).toBe(200);
    const moved = await indicatorOf(minister, indicator.id);
    expect([monthOf(moved, "2026-10-01"), monthOf(moved, "2026-11-01")]).toEqual([2, 1]);

    // Typing a measurement into a computed indicator is refused.
    const typed = await call(t.app, manager, "POST", `/api/v1/indicators/${indicator.id}/measurements`, {
      measuredOn: "2026-11-01",
      value: 3,
    });
    expect(typed.statusCode).toBe(403);
  });

  it("sums a border figure of a crossing, and refuses a spec that does not fit its source", async () => {
    const objective = await call(t.app, manager, "POST", `/api/v1/plans/${plan.id}/objectives`, {
      titleAr: "ضبط الهجرة غير النظامية عبر المنفذ",
    });
    const objectiveId = objective.json().data.id as string;
    const body = {
      nameAr: "مهاجرون معترضون في المنفذ",
      unit: "شخص",
      baseline: 0,
      target: 100,
      direction: "increase",
      frequency: "weekly",
      source: "border",
      spec: { crossingId, figure: "migrantsIntercepted" },
    };
    const created = await call(t.app, manager, "POST", `/api/v1/objectives/${objectiveId}/indicators`, body);
    expect(created.statusCode).toBe(201);
    const id = created.json().data.id as string;

    const officer = (await signedIn(t.app, t.db, "officer", other.id)).session;
    const report = await call(t.app, officer, "POST", "/api/v1/border-reports", {
      crossingId,
      day: "2026-11-25",
      shift: "morning",
      migrantsIntercepted: 7,
      personsHandedOver: 3,
    });
    expect(report.statusCode).toBe(201);
    const after = await indicatorOf(manager, id);
    expect(monthOf(after, "2026-11-23")).toBe(7);
    const fix = await call(t.app, officer, "PATCH", `/api/v1/border-reports/${report.json().data.id}`, {
      migrantsIntercepted: 9,
    });
    expect(fix.statusCode).toBe(200);
    expect(monthOf(await indicatorOf(manager, id), "2026-11-23")).toBe(9);

    const mismatched = await call(t.app, manager, "POST", `/api/v1/objectives/${objectiveId}/indicators`, {
      ...body,
      source: "incidents",
    });
    expect(mismatched.statusCode).toBe(400);
    expect(JSON.stringify(mismatched.json().error.fields)).toContain("spec");
    const unknown = await call(t.app, manager, "POST", `/api/v1/objectives/${objectiveId}/indicators`, {
      ...body,
      spec: { crossingId: "01930000-0000-7000-8000-000000000000", figure: "vehiclesIn" },
    });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json().error.fields)).toContain("spec.crossingId");
  });
});
