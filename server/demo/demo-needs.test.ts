import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, login, type TestApp } from "../test/app";
import { seedDemo } from "./seed-demo";

describe("demo needs", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await seedDemo(t.db, t.clock.now(), "demo-password-1", "recent");
  });
  afterAll(() => t.close());

  it("lists the directorate's needs at different workflow steps, the restricted one hidden from others", async () => {
    const minister = await login(t.app, "minister", "demo-password-1");
    const all = (await call(t.app, minister, "GET", "/api/v1/needs?pageSize=100")).json();
    const statuses = Object.fromEntries(
      all.data.map((n: { title: string; status: string }) => [n.title, n.status]),
    );
    expect(statuses).toMatchObject({
      "سيارات دورية رباعية الدفع لطريق أمساعد": "in_progress",
      "أجهزة لاسلكي محمولة لعناصر المنفذ": "under_review",
      "صيانة مبنى الجوازات في منفذ أمساعد": "approved",
      "دورة في كشف الوثائق المزورة ومكافحة الاتجار بالبشر لعناصر المنفذ": "submitted",
      "تعديل قانون مكافحة الاتجار بالبشر لتشديد العقوبات": "endorsed",
      "سترات واقية للدوريات": "fulfilled",
      "معدات رصد ومتابعة": "draft",
    });
    const mp = await login(t.app, "observer.mp", "demo-password-1");
    const seen = (await call(t.app, mp, "GET", "/api/v1/needs?category=legislation")).json();
    expect(seen.data).toHaveLength(1);
    expect((await call(t.app, mp, "GET", "/api/v1/needs")).json().totals.count).toBe(all.totals.count - 1);
  });
});
