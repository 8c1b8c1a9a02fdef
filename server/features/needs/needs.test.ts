import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, type Session, type TestApp } from "../../test/app";
import { auditCount, buildAgency, signedIn } from "../../test/factories";
import { buildNeed } from "../../test/needs-factories";
import type { AgencyRow } from "../agencies";
import { needDeliveries, needHistory, needs } from "./needs.table";

describe("needs register", () => {
  let t: TestApp;
  let directorate: AgencyRow;
  let ministry: AgencyRow;
  let parliament: AgencyRow;
  let officer: Session;
  let manager: Session;
  let minister: Session;
  let otherManager: Session;
  let mp: Session;
  let outsider: Session;

  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    ministry = await buildAgency(t.db, { kind: "ministry" });
    directorate = await buildAgency(t.db, { kind: "directorate", parentId: ministry.id });
    parliament = await buildAgency(t.db, { kind: "parliament" });
    officer = (await signedIn(t.app, t.db, "officer", directorate.id)).session;
    manager = (await signedIn(t.app, t.db, "manager", directorate.id)).session;
    minister = (await signedIn(t.app, t.db, "leadership", ministry.id)).session;
    otherManager = (await signedIn(t.app, t.db, "manager")).session;
    mp = (await signedIn(t.app, t.db, "observer", parliament.id)).session;
    outsider = (await signedIn(t.app, t.db, "officer")).session;
  });
  afterAll(() => t.close());

  const file = async (body: Record<string, unknown> = {}) => {
    const r = await call(t.app, officer, "POST", "/api/v1/needs", {
      agencyId: directorate.id,
      category: "vehicles",
      title: "سيارات دورية لطريق أمساعد",
      quantity: 10,
      unit: "سيارة",
      unitCost: 95000,
      priority: "critical",
      justification: "تغطية الطريق الساحلي حتى المنفذ",
      responsibleAgencyId: ministry.id,
      ...body,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().data as {
      id: string;
      reference: string;
      status: string;
      abilities: Record<string, boolean>;
    };
  };
  const step = (s: Session, id: string, action: string, comment?: string) =>
    call(t.app, s, "POST", `/api/v1/needs/${id}/${action}`, comment ? { comment } : {});

  it("walks from draft to fulfilled: filed, endorsed, approved, pledged, delivered twice; history and audit follow", async () => {
    const need = await file();
    expect(need.reference).toMatch(/^NEED-2026-\d{6}$/);
    expect(need.status).toBe("draft");
    expect(need.abilities.submit).toBe(true);
    expect(need.abilities.endorse).toBe(false);
    expect((await step(officer, need.id, "submit")).json().data.status).toBe("submitted");
    const endorsed = (await step(manager, need.id, "endorse", "موافق")).json().data;
    expect(endorsed.status).toBe("endorsed");
    expect((await step(minister, need.id, "review")).json().data.status).toBe("under_review");
    const approved = (await step(minister, need.id, "approve")).json().data;
    expect(approved.status).toBe("approved");
    expect(approved.abilities.deliver).toBe(true);

    const pledge = await call(t.app, minister, "POST", `/api/v1/needs/${need.id}/pledges`, {
      pledgerAgencyId: ministry.id,
      quantity: 10,
      dueOn: "2027-03-31",
    });
    expect(pledge.statusCode, pledge.body).toBe(201);
    expect(pledge.json().data).toMatchObject({ status: "in_progress", pledgedQuantity: 10 });

    const first = await call(t.app, minister, "POST", `/api/v1/needs/${need.id}/deliveries`, {
      quantity: 4,
      deliveredOn: "2026-12-15",
      reference: "DLV-1",
      receivedBy: "النقيب سالم",
    });
    expect(first.json().data).toMatchObject({
      status: "in_progress",
      deliveredQuantity: 4,
      remainingQuantity: 6,
      remainingValue: 570000,
    });
    const second = await call(t.app, minister, "POST", `/api/v1/needs/${need.id}/deliveries`, {
      quantity: 6,
      deliveredOn: "2027-01-10",
      receivedBy: "النقيب سالم",
    });
    expect(second.json().data).toMatchObject({
      status: "fulfilled",
      remainingQuantity: 0,
      remainingValue: 0,
    });

    const detail = (await call(t.app, officer, "GET", `/api/v1/needs/${need.id}`)).json().data;
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual([
      "create",
      "submit",
      "endorse",
      "review",
      "approve",
      "pledge",
      "deliver",
      "deliver",
    ]);
    expect(detail.history[2]).toMatchObject({
      fromStatus: "submitted",
      toStatus: "endorsed",
      comment: "موافق",
    });
    expect(detail.deliveries).toHaveLength(2);
    expect(detail.pledges[0]).toMatchObject({
      pledgerAgencyId: ministry.id,
      quantity: 10,
      dueOn: "2027-03-31",
    });
    // The minister may reopen a fulfilled need.
    expect(detail.abilities.reopen).toBe(false);
    const asMinister = (await call(t.app, minister, "GET", `/api/v1/needs/${need.id}`)).json().data;
    expect(asMinister.abilities.reopen).toBe(true);
  });

  it("refuses an illegal step with a bilingual invalid_transition, changing nothing", async () => {
    const need = await file();
    const before = await t.db.select().from(needs).where(eq(needs.id, need.id));
    const audits = await auditCount(t.db);
    const r = await step(minister, need.id, "approve");
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe("invalid_transition");
    expect(r.json().error.message).toMatch(/لا يمكن تنفيذ هذه الخطوة/);
    const en = await t.app.inject({
      method: "POST",
      url: `/api/v1/needs/${need.id}/approve`,
      headers: { cookie: minister.cookie, "accept-language": "en" },
      payload: {},
    });
    // The minister's own language is Arabic: a user's language wins over the header (English: next test).
    expect(en.json().error.code).toBe("invalid_transition");
    expect(await t.db.select().from(needs).where(eq(needs.id, need.id))).toEqual(before);
    expect(await auditCount(t.db)).toBe(audits);
    expect(await t.db.select().from(needHistory).where(eq(needHistory.needId, need.id))).toHaveLength(1);
  });

  it("speaks English to an English-speaking user", async () => {
    const need = await file();
    const english = (await signedIn(t.app, t.db, "leadership", ministry.id)).session;
    await call(t.app, english, "PATCH", "/api/auth/preferences", { language: "en" });
    const r = await step(english, need.id, "approve");
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toMatch(/cannot be taken from the record's current status/);
  });

  it("refuses a rejection without a reason, and records the reason given", async () => {
    const need = await file();
    await step(officer, need.id, "submit");
    const bare = await step(manager, need.id, "reject");
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields[0].field).toBe("comment");
    const r = await step(manager, need.id, "reject", "التكلفة مبالغ فيها");
    expect(r.json().data.status).toBe("rejected");
    expect((await step(otherManager, need.id, "endorse")).statusCode).toBe(403);
  });

  it("refuses an over-delivery with a bilingual over_delivery, changing nothing", async () => {
    const need = await buildNeed(t.db, {
      agencyId: directorate.id,
      responsibleAgencyId: ministry.id,
      status: "in_progress",
      quantity: 5,
      deliveredQuantity: 3,
    });
    const before = await t.db.select().from(needs).where(eq(needs.id, need.id));
    const audits = await auditCount(t.db);
    const r = await call(t.app, minister, "POST", `/api/v1/needs/${need.id}/deliveries`, {
      quantity: 2.5,
      deliveredOn: "2026-11-29",
      receivedBy: "x",
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ code: "over_delivery" });
    expect(r.json().error.message).toContain("(2)");
    expect(await t.db.select().from(needs).where(eq(needs.id, need.id))).toEqual(before);
    expect(await t.db.select().from(needDeliveries).where(eq(needDeliveries.needId, need.id))).toHaveLength(
      0,
    );
    expect(await auditCount(t.db)).toBe(audits);
    // Deliveries on a need not approved are an illegal step.
    const draft = await buildNeed(t.db, { agencyId: directorate.id, responsibleAgencyId: ministry.id });
    const early = await call(t.app, minister, "POST", `/api/v1/needs/${draft.id}/deliveries`, {
      quantity: 1,
      deliveredOn: "2026-11-29",
      receivedBy: "x",
    });
    expect(early.json().error.code).toBe("invalid_transition");
  });

  describe("visibility, totals and exports", () => {
    let agency: AgencyRow;
    let staff: Session;
    let hidden: string;
    beforeAll(async () => {
      agency = await buildAgency(t.db);
      staff = (await signedIn(t.app, t.db, "officer", agency.id)).session;
      await buildNeed(t.db, {
        agencyId: agency.id,
        responsibleAgencyId: ministry.id,
        quantity: 3,
        unitCost: 1000,
        status: "approved",
        category: "equipment",
      });
      await buildNeed(t.db, {
        agencyId: agency.id,
        responsibleAgencyId: ministry.id,
        quantity: 7,
        unitCost: 250.5,
        status: "in_progress",
        deliveredQuantity: 2,
        category: "equipment",
      });
      hidden = (
        await buildNeed(t.db, {
          agencyId: agency.id,
          responsibleAgencyId: ministry.id,
          quantity: 100,
          unitCost: 1,
          sensitivity: "restricted",
          category: "equipment",
          title: "سري",
        })
      ).id;
      // Addressed to parliament, restricted: parliament's observer sees it, others outside do not.
      await buildNeed(t.db, {
        agencyId: agency.id,
        responsibleAgencyId: parliament.id,
        category: "legislation",
        quantity: 1,
        unitCost: 0,
        sensitivity: "restricted",
        title: "تشديد عقوبات الاتجار بالبشر",
      });
    });

    const url = (f = "") => `/api/${f}?agencyId=${agency.id}&category=equipment`;

    it("counts and sums in the register only what the requester may see", async () => {
      const mine = (await call(t.app, staff, "GET", url("v1/needs"))).json();
      expect(mine.totals).toEqual({
        count: 3,
        quantity: 110,
        remainingQuantity: 108,
        costs: [{ currency: "LYD", estimatedCost: 3000 + 1753.5 + 100, remainingValue: 3000 + 1252.5 + 100 }],
      });
      const other = (await call(t.app, outsider, "GET", url("v1/needs"))).json();
      expect(other.data.map((n: { id: string }) => n.id)).not.toContain(hidden);
      expect(other.totals).toMatchObject({ count: 2, quantity: 10, costs: [{ estimatedCost: 4753.5 }] });
      expect(other.page.total).toBe(2);
      expect((await call(t.app, outsider, "GET", `/api/v1/needs/${hidden}`)).statusCode).toBe(404);
    });

    it("keeps restricted needs out of CSV exports of those who may not see them", async () => {
      const mine = await call(t.app, staff, "GET", url("v1/needs/export.csv"));
      expect(mine.headers["content-type"]).toContain("text/csv");
      expect(mine.body.startsWith("\uFEFFالمرجع,العنوان")).toBe(true);
      expect(mine.body).toContain("سري");
      const other = await call(t.app, outsider, "GET", url("v1/needs/export.csv"));
      expect(other.body).not.toContain("سري");
      expect(other.body.trim().split("\r\n")).toHaveLength(1 + 2 + 1);
    });

    it("writes an Excel workbook: right-to-left, Arabic headers, number formats, totals equal to the API's", async () => {
      for (const [session, restrictedShown] of [
        [staff, true],
        [outsider, false],
      ] as const) {
        const api = (await call(t.app, session, "GET", url("v1/needs"))).json();
        const r = await t.app.inject({
          method: "GET",
          url: url("v1/needs/export.xlsx"),
          headers: { cookie: session.cookie },
        });
        expect(r.statusCode).toBe(200);
        expect(r.headers["content-disposition"]).toMatch(/needs-2026-11-29\.xlsx/);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
        const sheet = book.worksheets[0]!;
        expect(sheet.views[0]?.rightToLeft).toBe(true);
        const header = (sheet.getRow(1).values as unknown[]).slice(1);
        expect(header.slice(0, 3)).toEqual(["المرجع", "العنوان", "الجهة الطالبة"]);
        expect(header).toContain("التكلفة التقديرية");
        const col = (name: string) => header.indexOf(name) + 1;
        const rows = sheet.rowCount;
        expect(rows).toBe(1 + api.totals.count + 1);
        const titles = Array.from(
          { length: api.totals.count },
          (_, i) => sheet.getRow(i + 2).getCell(col("العنوان")).value,
        );
        expect(titles.includes("سري")).toBe(restrictedShown);
        const totals = sheet.getRow(rows);
        expect(totals.getCell(1).value).toBe("المجموع");
        expect(totals.getCell(col("الكمية")).value).toBe(api.totals.quantity);
        expect(totals.getCell(col("التكلفة التقديرية")).value).toBe(api.totals.costs[0].estimatedCost);
        expect(totals.getCell(col("القيمة المتبقية")).value).toBe(api.totals.costs[0].remainingValue);
        expect(sheet.getRow(2).getCell(col("التكلفة التقديرية")).numFmt).toBe("#,##0.00");
        // And the sum of the exported rows is the total.
        let sum = 0;
        for (let i = 2; i < rows; i++) sum += Number(sheet.getRow(i).getCell(col("التكلفة التقديرية")).value);
        expect(Math.round(sum * 100) / 100).toBe(api.totals.costs[0].estimatedCost);
      }
    });

    it("shows parliament's observer the legislation asked of it, restricted or not; read only", async () => {
      const asked = (
        await call(t.app, mp, "GET", `/api/v1/needs?responsibleAgencyId=${parliament.id}`)
      ).json();
      expect(asked.data.map((n: { title: string }) => n.title)).toContain("تشديد عقوبات الاتجار بالبشر");
      expect(Object.values(asked.data[0].abilities).some(Boolean)).toBe(false);
      const other = (
        await call(t.app, outsider, "GET", `/api/v1/needs?responsibleAgencyId=${parliament.id}`)
      ).json();
      expect(other.totals.count).toBe(0);
    });

    it("sums unmet needs by agency and by category for the chart", async () => {
      const summary = (await call(t.app, staff, "GET", "/api/v1/needs/unmet-summary")).json().data;
      expect(summary.byAgency.find((r: { key: string }) => r.key === agency.id)).toMatchObject({
        count: 2,
        remainingValue: 4252.5,
      });
      expect(
        summary.byCategory.find((r: { key: string }) => r.key === "equipment")?.count,
      ).toBeGreaterThanOrEqual(2);
    });
  });

  it("turns a problem into a need, linked both ways", async () => {
    const p = await call(t.app, officer, "POST", "/api/v1/problems", {
      agencyId: directorate.id,
      title: "تعطل أجهزة الاتصال في نقاط التفتيش",
      location: "طريق أمساعد",
      since: "2026-09-01",
      impact: "high",
    });
    expect(p.statusCode, p.body).toBe(201);
    const problem = p.json().data;
    expect(problem.abilities.convertToNeed).toBe(true);
    // Observers read only; another agency's officer may not turn it into a need or close it.
    const asObserver = await call(t.app, mp, "POST", "/api/v1/problems", {
      agencyId: parliament.id,
      title: "x",
    });
    expect(asObserver.statusCode).toBe(403);
    expect((await call(t.app, mp, "POST", `/api/v1/problems/${problem.id}/close`)).statusCode).toBe(403);
    const foreign = await call(t.app, outsider, "POST", `/api/v1/problems/${problem.id}/convert-to-need`, {
      category: "equipment",
      quantity: 1,
      unit: "x",
      unitCost: 0,
      responsibleAgencyId: ministry.id,
    });
    expect(foreign.statusCode).toBe(403);
    const r = await call(t.app, officer, "POST", `/api/v1/problems/${problem.id}/convert-to-need`, {
      category: "communications_it",
      quantity: 40,
      unit: "جهاز",
      unitCost: 1200,
      responsibleAgencyId: ministry.id,
    });
    expect(r.statusCode, r.body).toBe(201);
    const { problem: after, need } = r.json().data;
    expect(after).toMatchObject({ status: "converted", needId: need.id });
    expect(need).toMatchObject({ problemId: problem.id, title: problem.title, status: "draft" });
    const again = await call(t.app, officer, "POST", `/api/v1/problems/${problem.id}/convert-to-need`, {
      category: "communications_it",
      quantity: 1,
      unit: "x",
      unitCost: 0,
      responsibleAgencyId: ministry.id,
    });
    expect(again.statusCode).toBe(403);
  });
});
