import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, call, type Session, type TestApp } from "../../test/app";
import { auditCount, buildAgency, buildPlan, signedIn } from "../../test/factories";
import { tasks } from "./tasks.table";

// The board's "new task" form sends a plan and one of its objectives: the server takes only a plan the
// user may see (a hidden plan is refused exactly like an id that does not exist) and only an objective
// of that plan.
describe("a new task in a plan and objective (the board's form)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
  });
  afterAll(() => t.close());

  const taskCount = async () => (await t.db.select({ n: count() }).from(tasks))[0]!.n;
  const objective = async (session: Session, planId: string, titleAr: string) => {
    const response = await call(t.app, session, "POST", `/api/v1/plans/${planId}/objectives`, { titleAr });
    expect(response.statusCode).toBe(201);
    return (response.json().data as { id: string }).id;
  };

  it("links the task to the plan and objective, and lists it under both", async () => {
    const agency = await buildAgency(t.db);
    const { session } = await signedIn(t.app, t.db, "manager", agency.id);
    const plan = await buildPlan(t.db, { agencyId: agency.id, status: "active" });
    const objectiveId = await objective(session, plan.id, "تأمين المنفذ");
    const created = await call(t.app, session, "POST", "/api/v1/tasks", {
      titleAr: "دوريات مشتركة",
      agencyId: agency.id,
      planId: plan.id,
      objectiveId,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().data).toMatchObject({ planId: plan.id, objectiveId });
    const listed = await call(t.app, session, "GET", `/api/v1/tasks?objectiveId=${objectiveId}`);
    expect(listed.json().data.map((r: { id: string }) => r.id)).toEqual([created.json().data.id]);
  });

  it("refuses an objective of another plan, or an objective without its plan, naming the field", async () => {
    const agency = await buildAgency(t.db);
    const { session } = await signedIn(t.app, t.db, "manager", agency.id);
    const plan = await buildPlan(t.db, { agencyId: agency.id, status: "active" });
    const other = await buildPlan(t.db, { agencyId: agency.id, status: "active" });
    const foreign = await objective(session, other.id, "هدف خطة أخرى");
    const [tasksBefore, auditsBefore] = [await taskCount(), await auditCount(t.db)];
    for (const planId of [plan.id, null]) {
      const response = await call(t.app, session, "POST", "/api/v1/tasks", {
        titleAr: "مهمة",
        agencyId: agency.id,
        planId,
        objectiveId: foreign,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({
        code: "validation_failed",
        fields: [expect.objectContaining({ field: "objectiveId" })],
      });
    }
    expect([await taskCount(), await auditCount(t.db)]).toEqual([tasksBefore, auditsBefore]);
  });

  it("refuses a restricted plan of another agency exactly as an unknown id, and writes nothing", async () => {
    const mine = await buildAgency(t.db);
    const theirs = await buildAgency(t.db);
    const { session } = await signedIn(t.app, t.db, "officer", mine.id);
    const hidden = await buildPlan(t.db, {
      agencyId: theirs.id,
      status: "active",
      sensitivity: "restricted",
    });
    const { session: owner } = await signedIn(t.app, t.db, "manager", theirs.id);
    const hiddenObjective = await objective(owner, hidden.id, "هدف مقيد");
    expect((await call(t.app, session, "GET", `/api/v1/plans/${hidden.id}`)).statusCode).toBe(404);
    const listed = await call(t.app, session, "GET", "/api/v1/plans?pageSize=100");
    expect(listed.json().data.map((p: { id: string }) => p.id)).not.toContain(hidden.id);

    const [tasksBefore, auditsBefore] = [await taskCount(), await auditCount(t.db)];
    const attempt = (planId: string, objectiveId: string | null) =>
      call(t.app, session, "POST", "/api/v1/tasks", {
        titleAr: "مهمة في خطة لا أراها",
        agencyId: mine.id,
        planId,
        objectiveId,
      });
    const unknownId = "01900000-0000-7000-8000-000000000000";
    const unknown = await attempt(unknownId, null);
    for (const response of [
      await attempt(hidden.id, null),
      await attempt(hidden.id, hiddenObjective),
      unknown,
    ]) {
      expect(response.statusCode).toBe(unknown.statusCode);
      expect(response.json()).toEqual(unknown.json());
    }
    expect(unknown.statusCode).toBe(404);
    expect([await taskCount(), await auditCount(t.db)]).toEqual([tasksBefore, auditsBefore]);
  });
});
