import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ListLink } from "../../../common/schemas/dashboard";
import type { Indicator } from "../../../common/schemas/plans";
import type { WeeklyReport } from "../../../common/schemas/reports";
import { chainAuditEvents } from "../../audit/chain-events";
import { seedDemo } from "../../demo/seed-demo";
import { pdfToText } from "../../documents";
import { call, createTestApp, login, type Session, type TestApp } from "../../test/app";
import { auditCount, buildUser, TEST_PASSWORD } from "../../test/factories";
import { agencies } from "../agencies";
import { incidentTypes } from "../incidents";

// Issue 13, item 5: the weekly report — every figure equals its list's total for the reader, restricted incidents
// of another agency count only for those who may list them, and the PDF and the workbook print the same report.

const PASSWORD = "demo-password-1";
const WEEK = "2026-W47"; // TEST_NOW is Sunday 29 November 2026: the last whole week is 16–22 November.

type Figure = { name: string; value: number; link: ListLink };

function figuresOf(r: WeeklyReport): Figure[] {
  return [
    { name: "incidents", ...r.incidents },
    { name: "withSeizures", ...r.incidents.withSeizures },
    { name: "commitmentsOverdue", ...r.commitmentsOverdue },
    { name: "commitmentsDueSoon", ...r.commitmentsDueSoon },
    ...r.byType.map((f) => ({ name: `type ${f.nameEn}`, ...f })),
    ...r.byDistrict.map((f) => ({ name: `district ${f.nameEn}`, ...f })),
    ...r.crossings.map((f) => ({ name: `crossing ${f.nameEn}`, ...f.reports })),
    ...r.overdueByAgency.map((f) => ({ name: `overdue ${f.nameEn}`, ...f })),
    ...r.openNeeds.map((f) => ({ name: `needs ${f.category}`, ...f })),
  ];
}

describe("weekly report", () => {
  let t: TestApp;
  const sessions = new Map<string, Session>();
  const report = async (name: string, query = "") => {
    const res = await call(t.app, sessions.get(name)!, "GET", `/api/v1/reports/weekly?week=${WEEK}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data as WeeklyReport;
  };

  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await seedDemo(t.db, t.clock.now(), PASSWORD, "recent");
    const [isa] = await t.db.select().from(agencies).where(eq(agencies.code, "ISA-TBK"));
    const isaManager = await buildUser(t.db, { role: "manager", agencyId: isa!.id, isDemo: true });
    for (const u of ["admin", "minister", "director.tobruk", "officer.emsaed", "observer.mp"])
      sessions.set(u, await login(t.app, u, PASSWORD));
    sessions.set("isa manager", await login(t.app, isaManager.username, TEST_PASSWORD));
  });
  afterAll(() => t.close());

  it("opens to leadership and managers; a week that does not exist is refused with the field named", async () => {
    const codes: Record<string, number> = {};
    for (const u of ["admin", "minister", "director.tobruk", "officer.emsaed", "observer.mp", "isa manager"])
      codes[u] = (
        await call(t.app, sessions.get(u)!, "GET", `/api/v1/reports/weekly?week=${WEEK}`)
      ).statusCode;
    expect(codes).toEqual({
      admin: 403,
      minister: 200,
      "director.tobruk": 200,
      "officer.emsaed": 403,
      "observer.mp": 403,
      "isa manager": 200,
    });
    const pdf = await call(
      t.app,
      sessions.get("officer.emsaed")!,
      "GET",
      `/api/v1/reports/weekly.pdf?week=${WEEK}`,
    );
    expect(pdf.statusCode).toBe(403);
    for (const week of ["2025-W53", "2026-48", "2026-W00"]) {
      const bad = await call(t.app, sessions.get("minister")!, "GET", `/api/v1/reports/weekly?week=${week}`);
      expect(bad.statusCode, week).toBe(400);
      expect(bad.json().error.fields[0].field).toBe("week");
    }
    // Without a week: the last whole week.
    const last = await call(t.app, sessions.get("minister")!, "GET", "/api/v1/reports/weekly");
    expect(last.json().data).toMatchObject({ week: WEEK, from: "2026-11-16", to: "2026-11-22" });
  });

  it("gives each reader figures equal to the totals of the lists they link to, region-wide and for a district", async () => {
    const lines: string[] = [];
    for (const name of ["minister", "director.tobruk", "isa manager"]) {
      for (const query of ["", "&district=LY0104"]) {
        const r = await report(name, query);
        expect(r.incidents.value).toBeGreaterThan(0);
        expect(r.byType.reduce((s, f) => s + f.value, 0)).toBe(r.incidents.value);
        if (!query)
          expect(r.byDistrict.reduce((s, f) => s + f.value, 0)).toBeLessThanOrEqual(r.incidents.value);
        else expect(r.byDistrict.map((d) => d.pcode)).toEqual(["LY0104"]);
        for (const f of figuresOf(r)) {
          const q = new URLSearchParams({ ...f.link.query, pageSize: "1" });
          const list = await call(t.app, sessions.get(name)!, "GET", `/api/v1/${f.link.list}?${q}`);
          expect(list.statusCode, `${name} ${f.name}`).toBe(200);
          expect(list.json().page.total, `${name}${query} ${f.name}`).toBe(f.value);
        }
        lines.push(
          `${name}${query}: ${figuresOf(r).length} figures = list totals (incidents ${r.incidents.value})`,
        );
      }
    }
    console.log(lines.join("\n"));
    // The same as the dashboard's week figures: incidents by type over the same days.
    const d = (await call(t.app, sessions.get("minister")!, "GET", "/api/v1/dashboard?unit=week")).json()
      .data;
    const i = d.periods.findIndex((p: { from: string }) => p.from === "2026-11-16");
    const fromDashboard = d.incidentsByType.reduce(
      (s: number, f: { values: number[] }) => s + f.values[i]!,
      0,
    );
    expect((await report("minister")).incidents.value).toBe(fromDashboard);
  });

  it("states each active plan's indicators as the plan page does", async () => {
    const r = await report("director.tobruk");
    expect(r.indicators.length).toBeGreaterThan(0);
    expect(r.indicators.filter((i) => i.current !== null).length).toBeGreaterThan(1);
    const session = sessions.get("director.tobruk")!;
    for (const planId of new Set(r.indicators.map((i) => i.planId))) {
      const plan = (await call(t.app, session, "GET", `/api/v1/plans/${planId}`)).json().data;
      const onPage = (plan.objectives as { indicators: Indicator[] }[]).flatMap((o) => o.indicators);
      expect(
        r.indicators.filter((i) => i.planId === planId).map((i) => [i.indicatorId, i.current, i.achievement]),
      ).toEqual(onPage.map((i) => [i.id, i.current, i.achievement]));
    }
  });

  it("counts a restricted incident of the Internal Security Agency only for those who may list it", async () => {
    const before = new Map<string, WeeklyReport>();
    for (const name of ["minister", "director.tobruk", "isa manager"]) before.set(name, await report(name));
    const [type] = await t.db.select().from(incidentTypes).where(eq(incidentTypes.code, "human_trafficking"));
    const [isa] = await t.db.select().from(agencies).where(eq(agencies.code, "ISA-TBK"));
    const created = await call(t.app, sessions.get("isa manager")!, "POST", "/api/v1/incidents", {
      agencyId: isa!.id,
      typeId: type!.id,
      occurredOn: "2026-11-18",
      districtPcode: "LY0104",
      placeName: "طبرق",
      sensitivity: "restricted",
      arrests: 5,
    });
    expect(created.statusCode, created.body).toBe(201);
    for (const [name, added] of [
      ["minister", 1],
      ["isa manager", 1],
      ["director.tobruk", 0],
    ] as const) {
      const after = await report(name);
      const was = before.get(name)!;
      expect(after.incidents.value - was.incidents.value, name).toBe(added);
      expect(after.incidents.arrests - was.incidents.arrests, name).toBe(5 * added);
      const of = (r: WeeklyReport) => r.byType.find((f) => f.typeId === type!.id)?.value ?? 0;
      expect(of(after) - of(was), name).toBe(added);
    }
    // Its PDF for the director does not name the type's added incident either: the same figures as the data.
    const director = await report("director.tobruk");
    expect(director.incidents.value).toBe(before.get("director.tobruk")!.incidents.value);
  });

  it("prints the PDF in Arabic: the area, the week, the headings and the audit head; nothing is written", async () => {
    await chainAuditEvents(t.db);
    const audits = await auditCount(t.db);
    const r = await report("director.tobruk", "&district=LY0104");
    const started = performance.now();
    const pdf = await call(
      t.app,
      sessions.get("director.tobruk")!,
      "GET",
      `/api/v1/reports/weekly.pdf?week=${WEEK}&district=LY0104`,
    );
    const ms = performance.now() - started;
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toContain("tansiq-weekly-2026-W47-LY0104.pdf");
    const text = (await pdfToText(pdf.rawPayload)).normalize("NFKC");
    for (const s of [
      "التقرير الأمني الأسبوعي",
      "2026-W47",
      "طبرق",
      "مديرية أمن طبرق",
      "الوقائع حسب النوع",
      "المنافذ الحدودية",
      "المهام المتأخرة حسب الجهة المنفذة",
      "الاحتياجات غير الملباة",
      "مصادر البيانات",
    ])
      expect(text, s).toContain(s);
    for (const f of r.byType) expect(text, f.nameAr).toContain(f.nameAr);
    expect(r.auditHead).not.toBeNull();
    expect(text.replace(/\s/g, "")).toContain(r.auditHead!.link);
    expect(await auditCount(t.db)).toBe(audits);
    console.log(`weekly report PDF: ${pdf.rawPayload.length} bytes in ${ms.toFixed(0)} ms`);
  });

  it("writes the workbook: every sheet right to left in Arabic, the same figures as the data", async () => {
    const r = await report("minister");
    const res = await call(
      t.app,
      sessions.get("minister")!,
      "GET",
      `/api/v1/reports/weekly.xlsx?week=${WEEK}`,
    );
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "الخلاصة",
      "حسب النوع",
      "حسب الشعبية",
      "المنافذ",
      "المؤشرات",
      "المتابعة",
      "الاحتياجات",
    ]);
    for (const sheet of book.worksheets) expect(sheet.views[0]?.rightToLeft, sheet.name).toBe(true);
    const byType = book.getWorksheet("حسب النوع")!;
    const rows = byType.getSheetValues().slice(2) as unknown as (string | number)[][];
    expect(rows.map((row) => [row[1], row[2]])).toEqual(r.byType.map((f) => [f.nameAr, f.value]));
    const summary = book.getWorksheet("الخلاصة")!;
    const incidentsRow = summary.getSheetValues().find((row) => Array.isArray(row) && row[1] === "الوقائع");
    expect((incidentsRow as unknown[])[2]).toBe(r.incidents.value);
  });
});

describe("tansiq report weekly (the command)", () => {
  it("writes the PDF and the workbook of a user's report", { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tansiq-report-"));
    // On the embedded database of its own (the command is the same on PostgreSQL).
    const env = {
      ...process.env,
      TANSIQ_DATA_DIR: path.join(dir, "data"),
      DATABASE_URL: "",
      LOG_LEVEL: "silent",
    };
    const run = promisify(execFile);
    const cli = ["bin/tansiq.js"];
    await run("node", [...cli, "seed-demo", "--recent"], { env });
    const pdf = path.join(dir, "week.pdf");
    const xlsx = path.join(dir, "week.xlsx");
    const out = await run(
      "node",
      [...cli, "report", "weekly", "--as", "minister", "--district", "LY0104", "--out", pdf],
      { env },
    );
    expect(out.stderr).toMatch(/week\.pdf/);
    const text = (await pdfToText(readFileSync(pdf))).normalize("NFKC");
    expect(text).toContain("رأس سجل التدقيق");
    expect(text).toContain("التقرير الأمني الأسبوعي");
    expect(text).toContain("طبرق");
    await run("node", [...cli, "report", "weekly", "--week", "2026-W40", "--out", xlsx], {
      env,
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.worksheets).toHaveLength(7);
    const refused = await run("node", [...cli, "report", "weekly", "--as", "officer.emsaed", "--out", pdf], {
      env,
    }).catch((e: { code: number; stderr: string }) => e);
    expect((refused as { code: number }).code).toBe(1);
  });
});
