import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, type Session, type TestApp } from "../../test/app";
import { auditCount, buildAgency, signedIn } from "../../test/factories";
import type { AgencyRow } from "../agencies";

describe("a problem turned into a task", () => {
  let t: TestApp;
  let agency: AgencyRow;
  let officer: Session;
  let outsider: Session;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    agency = await buildAgency(t.db);
    officer = (await signedIn(t.app, t.db, "officer", agency.id)).session;
    outsider = (await signedIn(t.app, t.db, "officer")).session;
  });
  afterAll(() => t.close());

  const raise = async () => {
    const r = await call(t.app, officer, "POST", "/api/v1/problems", {
      agencyId: agency.id,
      title: "انقطاع الاتصال اللاسلكي على طريق أمساعد",
      location: "الطريق الساحلي",
      impact: "high",
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().data as { id: string; abilities: Record<string, boolean> };
  };

  it("opens a task led by the problem's agency and links both ways", async () => {
    const problem = await raise();
    expect(problem.abilities.convertToTask).toBe(true);
    const r = await call(t.app, officer, "POST", `/api/v1/problems/${problem.id}/convert-to-task`, {
      dueOn: "2026-12-15",
      priority: "high",
    });
    expect(r.statusCode, r.body).toBe(201);
    const { problem: after, task } = r.json().data;
    expect(task.agencyId).toBe(agency.id);
    expect(task.titleAr).toBe("انقطاع الاتصال اللاسلكي على طريق أمساعد");
    expect(after).toMatchObject({ status: "converted", taskId: task.id });
    const again = await call(t.app, officer, "GET", `/api/v1/tasks/${task.id}`);
    expect(again.statusCode).toBe(200);
  });

  it("is refused to another agency's officer and to a problem already converted, writing nothing", async () => {
    const problem = await raise();
    const before = await auditCount(t.db);
    const foreign = await call(t.app, outsider, "POST", `/api/v1/problems/${problem.id}/convert-to-task`, {});
    expect(foreign.statusCode).toBe(403);
    expect(await auditCount(t.db)).toBe(before);
    expect(
      (await call(t.app, officer, "POST", `/api/v1/problems/${problem.id}/convert-to-task`, {})).statusCode,
    ).toBe(201);
    const twice = await call(t.app, officer, "POST", `/api/v1/problems/${problem.id}/convert-to-task`, {});
    expect(twice.statusCode).toBe(403);
  });
});
