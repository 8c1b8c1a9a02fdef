import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, login, type Session, type TestApp } from "../test/app";
import { seedDemo } from "./seed-demo";

describe("demo meetings", () => {
  let t: TestApp;
  let minister: Session;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await seedDemo(t.db, t.clock.now(), "demo-password-1", "recent");
    minister = await login(t.app, "minister", "demo-password-1");
  });
  afterAll(() => t.close());

  it("holds the Tobruk meeting of the press release: personnel, statements, commitments, two shields", async () => {
    const list = (await call(t.app, minister, "GET", "/api/v1/meetings?q=طبرق")).json();
    const tobruk = list.data.find((m: { startsAt: string }) => m.startsAt === "2024-01-14T07:00:00.000Z");
    const m = (await call(t.app, minister, "GET", `/api/v1/meetings/${tobruk.id}`)).json().data;
    expect(m.hostName).toBe("عصام أبوزريبة");
    expect(m.attendees.filter((a: { personnelId: string | null }) => a.personnelId)).toHaveLength(6);
    expect(m.statements).toHaveLength(9);
    expect(m.honours.map((h: { recipientName: string; kind: string }) => [h.kind, h.recipientName])).toEqual([
      ["shield", "عصام أبوزريبة"],
      ["shield", "أسامة الدرسي"],
    ]);
    const [law, pledge, plan] = m.commitments;
    expect(law).toMatchObject({ ownerName: "الصالحين عبد النبي", status: "in_progress", isOverdue: true });
    const need = (await call(t.app, minister, "GET", `/api/v1/needs/${law.needId}`)).json().data;
    expect(need).toMatchObject({ category: "legislation", origin: { id: law.id, parent: { id: m.id } } });
    expect(pledge).toMatchObject({ ownerName: "عصام أبوزريبة", status: "in_progress" });
    expect(pledge.needId).not.toBeNull();
    expect(plan).toMatchObject({ status: "done" });
    const task = (await call(t.app, minister, "GET", `/api/v1/tasks/${plan.taskId}`)).json().data;
    expect(task).toMatchObject({ status: "done", origin: { id: plan.id } });
  });

  it("follows commitments up: some overdue; the restricted meeting only for its agency and leadership", async () => {
    const overdue = (await call(t.app, minister, "GET", "/api/v1/commitments?due=overdue")).json();
    expect(overdue.page.total).toBeGreaterThanOrEqual(3);
    const officer = await login(t.app, "officer.tobruk", "demo-password-1");
    const isa = await login(t.app, "liaison.isa", "demo-password-1");
    const titles = async (s: Session) =>
      (await call(t.app, s, "GET", "/api/v1/meetings"))
        .json()
        .data.map((x: { titleAr: string }) => x.titleAr);
    expect(await titles(minister)).toContain("اجتماع تقييم التهديدات في المنطقة الشرقية");
    expect(await titles(isa)).toContain("اجتماع تقييم التهديدات في المنطقة الشرقية");
    expect(await titles(officer)).not.toContain("اجتماع تقييم التهديدات في المنطقة الشرقية");
    expect(await titles(officer)).toHaveLength(2);
    const honours = (await call(t.app, officer, "GET", "/api/v1/honours")).json();
    expect(honours.data.map((h: { kind: string }) => h.kind).sort()).toEqual([
      "certificate",
      "shield",
      "shield",
    ]);
  });
});
