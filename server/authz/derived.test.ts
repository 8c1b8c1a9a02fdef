import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { needs } from "../features/needs";
import { tasks } from "../features/tasks";
import type { AgencyRow } from "../features/agencies";
import { call, createTestApp, type Session, type TestApp } from "../test/app";
import { auditCount, buildAgency, signedIn } from "../test/factories";
import { buildCommitment } from "../test/meetings-factories";

// A record made from a restricted one is restricted, unless the actor asks otherwise and may (leadership, or a
// manager of the owning agency). One rule, server/authz/derived.ts, for every conversion.
let t: TestApp;
let home: AgencyRow;
let other: AgencyRow;
let officer: Session;
let manager: Session;
let outsider: Session;
let observer: Session;
let otherManager: Session;
beforeAll(async () => {
  t = await createTestApp({ config: { demoMode: true } });
  home = await buildAgency(t.db);
  other = await buildAgency(t.db);
  officer = (await signedIn(t.app, t.db, "officer", home.id)).session;
  manager = (await signedIn(t.app, t.db, "manager", home.id)).session;
  outsider = (await signedIn(t.app, t.db, "officer", other.id)).session;
  otherManager = (await signedIn(t.app, t.db, "manager", other.id)).session;
  observer = (await signedIn(t.app, t.db, "observer", other.id)).session;
});
afterAll(() => t.close());

const needBody = () => ({
  category: "equipment",
  quantity: 2,
  unit: "جهاز",
  unitCost: 10,
  responsibleAgencyId: home.id,
});
const counts = async () => ({
  needs: (await t.db.select({ n: count() }).from(needs))[0]!.n,
  tasks: (await t.db.select({ n: count() }).from(tasks))[0]!.n,
  audit: await auditCount(t.db),
});

async function restrictedProblem(title: string) {
  const r = await call(t.app, officer, "POST", "/api/v1/problems", {
    agencyId: home.id,
    title,
    description: `${title} — تفاصيل مقيدة`,
    sensitivity: "restricted",
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().data as { id: string };
}

async function hiddenFromOthers(url: string) {
  for (const s of [outsider, observer]) expect((await call(t.app, s, "GET", url)).statusCode).toBe(404);
}

describe("records derived from restricted ones", () => {
  it("a restricted problem turned into a need gives a restricted need that other agencies and observers cannot read", async () => {
    const problem = await restrictedProblem("مشكلة مقيدة أولى");
    const r = await call(
      t.app,
      officer,
      "POST",
      `/api/v1/problems/${problem.id}/convert-to-need`,
      needBody(),
    );
    expect(r.statusCode, r.body).toBe(201);
    const need = r.json().data.need;
    expect(need.sensitivity).toBe("restricted");
    await hiddenFromOthers(`/api/v1/needs/${need.id}`);
    const list = (await call(t.app, outsider, "GET", "/api/v1/needs?q=مشكلة مقيدة أولى")).json();
    expect(list.data).toHaveLength(0);
  });

  it("an officer may not make it internal (403 naming the field, nothing written); the agency's manager may", async () => {
    const problem = await restrictedProblem("مشكلة مقيدة ثانية");
    const before = await counts();
    const refused = await call(t.app, officer, "POST", `/api/v1/problems/${problem.id}/convert-to-need`, {
      ...needBody(),
      sensitivity: "internal",
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.fields[0].field).toBe("sensitivity");
    expect(await counts()).toEqual(before);
    const asManager = await call(t.app, manager, "POST", `/api/v1/problems/${problem.id}/convert-to-need`, {
      ...needBody(),
      sensitivity: "internal",
    });
    expect(asManager.statusCode, asManager.body).toBe(201);
    expect(asManager.json().data.need.sensitivity).toBe("internal");
  });

  it("a restricted problem turned into a task gives a restricted task; an officer may not widen it", async () => {
    const problem = await restrictedProblem("مشكلة مقيدة ثالثة");
    const before = await counts();
    const refused = await call(t.app, officer, "POST", `/api/v1/problems/${problem.id}/convert-to-task`, {
      sensitivity: "internal",
    });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(await counts()).toEqual(before);
    const r = await call(t.app, officer, "POST", `/api/v1/problems/${problem.id}/convert-to-task`, {});
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().data.task.sensitivity).toBe("restricted");
    await hiddenFromOthers(`/api/v1/tasks/${r.json().data.task.id}`);
  });

  it("a commitment of a restricted meeting gives a restricted task and need; only the meeting agency's manager may widen", async () => {
    const forTask = await buildCommitment(t.db, {
      agencyId: home.id,
      ownerAgencyId: other.id,
      sensitivity: "restricted",
    });
    const before = await counts();
    // The owner agency's manager converts, but the meeting is not theirs to declassify.
    const refused = await call(
      t.app,
      otherManager,
      "POST",
      `/api/v1/commitments/${forTask.id}/convert-to-task`,
      {
        sensitivity: "internal",
      },
    );
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().error.fields[0].field).toBe("sensitivity");
    expect(await counts()).toEqual(before);
    const task = await call(
      t.app,
      otherManager,
      "POST",
      `/api/v1/commitments/${forTask.id}/convert-to-task`,
      {},
    );
    expect(task.statusCode, task.body).toBe(201);
    expect(task.json().data.task.sensitivity).toBe("restricted");

    const forNeed = await buildCommitment(t.db, { agencyId: home.id, sensitivity: "restricted" });
    const need = await call(t.app, manager, "POST", `/api/v1/commitments/${forNeed.id}/convert-to-need`, {
      unit: "قانون",
    });
    expect(need.statusCode, need.body).toBe(201);
    expect(need.json().data.need.sensitivity).toBe("restricted");
    await hiddenFromOthers(`/api/v1/needs/${need.json().data.need.id}`);
    const stored = await t.db.select().from(needs).where(eq(needs.id, need.json().data.need.id));
    expect(stored[0]?.sensitivity).toBe("restricted");

    const widened = await buildCommitment(t.db, { agencyId: home.id, sensitivity: "restricted" });
    const internal = await call(t.app, manager, "POST", `/api/v1/commitments/${widened.id}/convert-to-need`, {
      unit: "قانون",
      sensitivity: "internal",
    });
    expect(internal.statusCode, internal.body).toBe(201);
    expect(internal.json().data.need.sensitivity).toBe("internal");
  });
});
