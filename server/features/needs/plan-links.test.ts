import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, type Session, type TestApp } from "../../test/app";
import { buildAgency, buildPlan, buildTask, signedIn } from "../../test/factories";
import type { AgencyRow } from "../agencies";

describe("a need names the plan objective or task it serves", () => {
  let t: TestApp;
  let own: AgencyRow;
  let officer: Session;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    own = await buildAgency(t.db);
    officer = (await signedIn(t.app, t.db, "officer", own.id)).session;
  });
  afterAll(() => t.close());

  const file = (links: Record<string, unknown>) =>
    call(t.app, officer, "POST", "/api/v1/needs", {
      agencyId: own.id,
      responsibleAgencyId: own.id,
      category: "equipment",
      title: "أجهزة لاسلكي",
      quantity: 4,
      unit: "جهاز",
      unitCost: 1200,
      priority: "high",
      ...links,
    });

  it("links to a visible task and objective", async () => {
    const task = await buildTask(t.db, { agencyId: own.id });
    const plan = await buildPlan(t.db, { agencyId: own.id });
    const objective = (await call(t.app, officer, "GET", `/api/v1/plans/${plan.id}`)).json().data
      .objectives?.[0];
    const response = await file({ taskId: task.id, ...(objective ? { objectiveId: objective.id } : {}) });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().data.taskId).toBe(task.id);
  });

  it("refuses a task that does not exist or that the filer may not see, naming the field", async () => {
    const other = await buildAgency(t.db);
    const hidden = await buildTask(t.db, { agencyId: other.id, sensitivity: "restricted" });
    for (const taskId of [hidden.id, "01a2259e-b9c0-71d9-b81c-6443174ae7c3"]) {
      const response = await file({ taskId });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        expect.objectContaining({ field: "taskId", issue: "invalid_value" }),
      ]);
    }
    const ghost = await file({ objectiveId: "01a2259e-b9c0-71d9-b81c-6443174ae7c3" });
    expect(ghost.json().error.fields[0].field).toBe("objectiveId");
  });
});
