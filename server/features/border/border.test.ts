import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgencyRow } from "../agencies";
import { auditEvents } from "../../audit/audit.table";
import { call, createTestApp, type Session, type TestApp } from "../../test/app";
import { auditCount, buildAgency, signedIn } from "../../test/factories";
import { buildCrossing, buildReport } from "../../test/border-factories";
import type { CrossingWithAgencies } from "./border.queries";
import { borderReports } from "./border.table";

describe("border crossings' daily reports", () => {
  let t: TestApp;
  let directorate: AgencyRow;
  let crossingAgency: AgencyRow;
  let crossing: CrossingWithAgencies;
  let officer: Session;
  let director: Session;
  let minister: Session;

  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    directorate = await buildAgency(t.db);
    crossingAgency = await buildAgency(t.db);
    crossing = await buildCrossing(t.db, { agencyId: directorate.id, workingAgencyIds: [crossingAgency.id] });
    officer = (await signedIn(t.app, t.db, "officer", crossingAgency.id)).session;
    director = (await signedIn(t.app, t.db, "manager", directorate.id)).session;
    minister = (await signedIn(t.app, t.db, "leadership", directorate.id)).session;
  });
  afterAll(() => t.close());

  const figures = {
    arrivalsLibyan: 310,
    arrivalsForeign: 190,
    departuresLibyan: 290,
    departuresForeign: 240,
    vehiclesIn: 150,
    vehiclesOut: 140,
    trucksIn: 42,
    trucksOut: 38,
    refusedEntries: 2,
    migrantsIntercepted: 5,
    personsHandedOver: 3,
  };
  const enter = (day: string, extra: Record<string, unknown> = {}, session = officer) =>
    call(t.app, session, "POST", "/api/v1/border-reports", {
      crossingId: crossing.id,
      day,
      shift: "morning",
      ...figures,
      ...extra,
    });

  it("walks draft → submitted → approved, locks the day, and lets only leadership correct it with a reason", async () => {
    const created = await enter("2026-11-28");
    expect(created.statusCode, created.body).toBe(201);
    const report = created.json().data;
    expect(report).toMatchObject({ status: "draft", reference: expect.stringMatching(/^BRD-2026-\d{6}$/) });
    expect(report.can).toMatchObject({ update: true, submit: true, approve: false });

    // The same crossing, day and shift a second time: refused, naming the shift; nothing written.
    const audits = await auditCount(t.db);
    const again = await enter("2026-11-28");
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: "duplicate", fields: [{ field: "shift" }] });
    expect(await auditCount(t.db)).toBe(audits);

    const edited = await call(t.app, officer, "PATCH", `/api/v1/border-reports/${report.id}`, {
      refusedEntries: 4,
    });
    expect(edited.json().data.refusedEntries).toBe(4);
    // The director cannot approve a draft (not now), and the officer cannot approve at all (not his).
    expect(
      (await call(t.app, director, "POST", `/api/v1/border-reports/${report.id}/approve`, {})).statusCode,
    ).toBe(409);
    expect(
      (await call(t.app, officer, "POST", `/api/v1/border-reports/${report.id}/submit`, {})).statusCode,
    ).toBe(200);
    expect(
      (await call(t.app, officer, "POST", `/api/v1/border-reports/${report.id}/approve`, {})).statusCode,
    ).toBe(403);
    // A submitted report changes only after it is returned, and a return needs a reason.
    expect(
      (await call(t.app, officer, "PATCH", `/api/v1/border-reports/${report.id}`, { refusedEntries: 5 }))
        .statusCode,
    ).toBe(409);
    const noReason = await call(t.app, director, "POST", `/api/v1/border-reports/${report.id}/return`, {});
    expect(noReason.json().error.code).toBe("reason_required");
    const approved = await call(t.app, director, "POST", `/api/v1/border-reports/${report.id}/approve`, {});
    expect(approved.json().data).toMatchObject({
      status: "approved",
      can: { update: false, correct: false },
    });

    // Locked: the officer and the director can no longer change it; leadership corrects with a reason.
    const locked = await call(t.app, officer, "PATCH", `/api/v1/border-reports/${report.id}`, {
      refusedEntries: 9,
    });
    expect(locked.statusCode).toBe(403);
    expect(
      (await call(t.app, director, "PATCH", `/api/v1/border-reports/${report.id}`, { refusedEntries: 9 }))
        .statusCode,
    ).toBe(403);
    const unexplained = await call(t.app, minister, "PATCH", `/api/v1/border-reports/${report.id}`, {
      refusedEntries: 9,
    });
    expect(unexplained.json().error.code).toBe("reason_required");
    const corrected = await call(t.app, minister, "PATCH", `/api/v1/border-reports/${report.id}`, {
      refusedEntries: 9,
      reason: "خطأ في النقل من السجل الورقي",
    });
    expect(corrected.json().data).toMatchObject({
      status: "approved",
      refusedEntries: 9,
      statusReason: "خطأ في النقل من السجل الورقي",
    });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "border_report.correct"));
    expect(event).toMatchObject({ entityId: report.id });
    expect((event!.before as { refusedEntries: number }).refusedEntries).toBe(4);
    expect((event!.after as { refusedEntries: number }).refusedEntries).toBe(9);
  });

  it("refuses figures that count twice or a day to come, naming the field, in the user's language", async () => {
    const trucks = await enter("2026-11-20", { trucksIn: 151 });
    expect(trucks.statusCode).toBe(400);
    expect(trucks.json().error.fields).toEqual([
      expect.objectContaining({
        field: "trucksIn",
        issue: "trucks_over_vehicles",
        message: expect.stringContaining("الشاحنات"),
      }),
    ]);
    const handed = await enter("2026-11-20", { personsHandedOver: 6 });
    expect(handed.json().error.fields[0]).toMatchObject({ field: "personsHandedOver" });
    const negative = await enter("2026-11-20", { arrivalsLibyan: -1 });
    expect(negative.json().error.fields[0]).toMatchObject({ field: "arrivalsLibyan" });
    const future = await enter("2026-12-01");
    expect(future.json().error.fields[0]).toMatchObject({ field: "day", issue: "in_future" });
    const stranger = (await signedIn(t.app, t.db, "officer", (await buildAgency(t.db)).id)).session;
    expect((await enter("2026-11-20", {}, stranger)).statusCode).toBe(403);
    const rows = await t.db.select().from(borderReports).where(eq(borderReports.day, "2026-11-20"));
    expect(rows).toEqual([]);
  });

  it("warns (does not refuse) when a figure is far from the last 30 days, saying how far", async () => {
    const quiet = await buildCrossing(t.db, {
      agencyId: directorate.id,
      workingAgencyIds: [crossingAgency.id],
    });
    for (let d = 1; d <= 10; d++)
      await buildReport(t.db, quiet, {
        day: `2026-11-${String(10 + d).padStart(2, "0")}`,
        migrantsIntercepted: 6 + (d % 3),
      });
    const spike = await call(t.app, officer, "POST", "/api/v1/border-reports", {
      crossingId: quiet.id,
      day: "2026-11-22",
      shift: "evening",
      ...figures,
      migrantsIntercepted: 51,
    });
    expect(spike.statusCode, spike.body).toBe(201);
    expect(spike.json().data.warnings).toEqual([
      { field: "migrantsIntercepted", value: 51, median: 7, ratio: 7.3 },
    ]);
    const usual = await call(t.app, officer, "PATCH", `/api/v1/border-reports/${spike.json().data.id}`, {
      migrantsIntercepted: 8,
    });
    expect(usual.json().data.warnings).toEqual([]);
  });

  it("lists with filters and a total; crossings are the administrator's to keep", async () => {
    const list = await call(
      t.app,
      director,
      "GET",
      `/api/v1/border-reports?crossingId=${crossing.id}&status=approved`,
    );
    expect(list.json().page.total).toBe(1);
    expect(list.json().data[0].crossingId).toBe(crossing.id);
    const admin = (await signedIn(t.app, t.db, "admin", directorate.id)).session;
    const bad = await call(t.app, admin, "POST", "/api/v1/crossings", {
      code: "NEW-1",
      nameAr: "منفذ جديد",
      nameEn: "New crossing",
      agencyId: "00000000-0000-7000-8000-000000000000",
    });
    expect(bad.json().error.fields[0]).toMatchObject({ field: "agencyId" });
    const made = await call(t.app, admin, "POST", "/api/v1/crossings", {
      code: "NEW-1",
      nameAr: "منفذ جديد",
      nameEn: "New crossing",
      agencyId: directorate.id,
      workingAgencyIds: [crossingAgency.id],
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(
      (
        await call(t.app, director, "POST", "/api/v1/crossings", {
          code: "NEW-2",
          nameAr: "م",
          nameEn: "m",
          agencyId: directorate.id,
        })
      ).statusCode,
    ).toBe(403);
  });
});
