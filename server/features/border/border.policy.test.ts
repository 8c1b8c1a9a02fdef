import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe } from "vitest";
import { createTestApp, type TestApp } from "../../test/app";
import { buildCrossing, buildReport } from "../../test/border-factories";
import { permissionMatrix, type ActionSpec, type MatrixAction } from "../../test/matrix";
import { borderReports } from "./border.table";

// Cells: [own agency internal, own agency restricted, other agency internal, other agency restricted]. "Own": the
// actor's agency is responsible for the crossing and works there. Daily figures are internal records (no
// restricted report exists), so the two sensitivities of a cell expect the same.
const NONE: ActionSpec[keyof ActionSpec] = [403, 403, 403, 403];
const ALL: ActionSpec[keyof ActionSpec] = ["ok", "ok", "ok", "ok"];
const OWN: ActionSpec[keyof ActionSpec] = ["ok", "ok", 403, 403];
const spec: Record<string, ActionSpec> = {
  list: { admin: ALL, leadership: ALL, manager: ALL, officer: ALL, observer: ALL, trainer: ALL },
  read: { admin: ALL, leadership: ALL, manager: ALL, officer: ALL, observer: ALL, trainer: ALL },
  create: { admin: NONE, leadership: NONE, manager: OWN, officer: OWN, observer: NONE, trainer: NONE },
  update: { admin: NONE, leadership: NONE, manager: OWN, officer: OWN, observer: NONE, trainer: NONE },
  submit: { admin: NONE, leadership: NONE, manager: OWN, officer: OWN, observer: NONE, trainer: NONE },
  approve: { admin: NONE, leadership: ALL, manager: OWN, officer: NONE, observer: NONE, trainer: NONE },
  return: { admin: NONE, leadership: ALL, manager: OWN, officer: NONE, observer: NONE, trainer: NONE },
  correct: { admin: NONE, leadership: ALL, manager: NONE, officer: NONE, observer: NONE, trainer: NONE },
  crossings: { admin: ALL, leadership: ALL, manager: ALL, officer: ALL, observer: ALL, trainer: ALL },
  manageCrossings: {
    admin: ALL,
    leadership: NONE,
    manager: NONE,
    officer: NONE,
    observer: NONE,
    trainer: NONE,
  },
};

const snapshot = (t: TestApp, id: string) => async () =>
  (await t.db.select().from(borderReports).where(eq(borderReports.id, id)))[0];

let dayNumber = 0;
const reportAt = (status: "draft" | "submitted" | "approved"): MatrixAction["request"] =>
  async function arranged(t, a) {
    const crossing = await buildCrossing(t.db, { agencyId: a.targetAgency.id });
    const report = await buildReport(t.db, crossing, { status });
    return { method: "GET", url: `/api/v1/border-reports/${report.id}`, snapshot: snapshot(t, report.id) };
  };
const step = (status: "draft" | "submitted", action: string, body: unknown = {}): MatrixAction => ({
  request: async (t, a) => {
    const r = await reportAt(status)(t, a);
    return { ...r, method: "POST", url: `${r.url}/${action}`, body };
  },
});

const actions: Record<string, MatrixAction> = {
  list: { request: async () => ({ method: "GET", url: "/api/v1/border-reports?pageSize=5" }) },
  read: { request: reportAt("draft") },
  create: {
    request: async (t, a) => {
      const crossing = await buildCrossing(t.db, { agencyId: a.targetAgency.id });
      dayNumber += 1;
      return {
        method: "POST",
        url: "/api/v1/border-reports",
        body: {
          crossingId: crossing.id,
          day: new Date(Date.UTC(2026, 9, 1) + dayNumber * 86_400_000).toISOString().slice(0, 10),
          shift: "night",
          arrivalsLibyan: 12,
        },
      };
    },
  },
  update: {
    request: async (t, a) => ({
      ...(await reportAt("draft")(t, a)),
      method: "PATCH",
      body: { refusedEntries: 7 },
    }),
  },
  submit: step("draft", "submit"),
  approve: step("submitted", "approve"),
  return: step("submitted", "return", { reason: "الأرقام ناقصة" }),
  correct: {
    request: async (t, a) => ({
      ...(await reportAt("approved")(t, a)),
      method: "PATCH",
      body: { refusedEntries: 7, reason: "تصحيح من السجل" },
    }),
  },
  crossings: { request: async () => ({ method: "GET", url: "/api/v1/crossings" }) },
  manageCrossings: {
    request: async (t, a) => {
      dayNumber += 1;
      return {
        method: "POST",
        url: "/api/v1/crossings",
        body: {
          code: `M-${process.pid % 1000}-${dayNumber}`,
          nameAr: "منفذ",
          nameEn: "Crossing",
          agencyId: a.targetAgency.id,
        },
      };
    },
  },
};

describe("border permission matrix", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
  });
  afterAll(() => t.close());
  permissionMatrix(() => t, spec, actions);
});
