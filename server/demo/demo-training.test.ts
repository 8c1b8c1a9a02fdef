import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, login, type TestApp } from "../test/app";
import { seedDemo } from "./seed-demo";

describe("demo training", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await seedDemo(t.db, t.clock.now(), "demo-password-1", "recent");
  });
  afterAll(() => t.close());

  it("has the Emsaed course done with two certificates, and the workshop open with nominations in every state", async () => {
    const trainer = await login(t.app, "trainer", "demo-password-1");
    const list = (await call(t.app, trainer, "GET", "/api/v1/courses")).json().data;
    const byTitle = Object.fromEntries(list.map((c: { titleAr: string }) => [c.titleAr, c]));
    const course = byTitle["دورة مكافحة التهريب لعناصر منفذ أمساعد"];
    const workshop = byTitle["ورشة عمل تحديد ضحايا الاتجار بالبشر"];
    expect(course).toMatchObject({ status: "completed", acceptedCount: 3 });
    expect(workshop).toMatchObject({ status: "open", acceptedCount: 2, waitlistedCount: 1 });
    expect(workshop.needId).not.toBeNull();
    const detail = (await call(t.app, trainer, "GET", `/api/v1/courses/${workshop.id}`)).json().data;
    expect(new Set(detail.nominations.map((n: { status: string }) => n.status))).toEqual(
      new Set(["nominated", "accepted", "waitlisted", "declined", "withdrawn"]),
    );
    const done = (await call(t.app, trainer, "GET", `/api/v1/courses/${course.id}`)).json().data;
    expect(done.nominations.every((n: { attendance: unknown[] }) => n.attendance.length === 3)).toBe(true);
    const certificates = (
      await call(t.app, trainer, "GET", `/api/v1/certificates?courseId=${course.id}`)
    ).json();
    expect(certificates.data.map((c: { personNameAr: string }) => c.personNameAr).sort()).toEqual([
      "ملازم أول سالم الفيتوري",
      "نقيب عبد السلام بوخطوة",
    ]);
    const coverage = (await call(t.app, trainer, "GET", "/api/v1/training/coverage")).json().data;
    const emsaed = coverage.rows.find(
      (r: { agencyId: string }) => r.agencyId === certificates.data[0].agencyId,
    );
    expect(emsaed.cells.find((c: { topic: string }) => c.topic === "anti_smuggling")).toMatchObject({
      holders: 2,
      target: 4,
    });
  });
});
