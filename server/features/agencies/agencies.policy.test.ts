import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe } from "vitest";
import { createTestApp, type TestApp } from "../../test/app";
import { buildAgency } from "../../test/factories";
import { permissionMatrix, type ActionSpec, type MatrixAction } from "../../test/matrix";
import { agencies } from "./agencies.table";

// Cells: [own agency internal, own agency restricted, other agency internal, other agency restricted].
// For agencies, "own" is the actor's own agency record; for create it is the parent of the new agency.
const spec: Record<string, ActionSpec> = {
  read: {
    admin: ["ok", "ok", "ok", "ok"],
    leadership: ["ok", "ok", "ok", "ok"],
    manager: ["ok", "ok", "ok", 404],
    officer: ["ok", "ok", "ok", 404],
    observer: ["ok", 404, "ok", 404],
    trainer: ["ok", "ok", "ok", 404],
  },
  create: {
    admin: ["ok", "ok", "ok", "ok"],
    leadership: [403, 403, 403, 403],
    manager: [403, 403, 403, 403],
    officer: [403, 403, 403, 403],
    observer: [403, 403, 403, 403],
    trainer: [403, 403, 403, 403],
  },
  update: {
    admin: ["ok", "ok", "ok", "ok"],
    leadership: [403, 403, 403, 403],
    manager: ["ok", "ok", 403, 404],
    officer: [403, 403, 403, 403],
    observer: [403, 403, 403, 403],
    trainer: [403, 403, 403, 403],
  },
  deactivate: {
    admin: ["ok", "ok", "ok", "ok"],
    leadership: [403, 403, 403, 403],
    manager: [403, 403, 403, 403],
    officer: [403, 403, 403, 403],
    observer: [403, 403, 403, 403],
    trainer: [403, 403, 403, 403],
  },
};

const snapshotOf = (t: TestApp, id: string) => async () =>
  (await t.db.select().from(agencies).where(eq(agencies.id, id)))[0];

let n = 0;
const actions: Record<string, MatrixAction> = {
  read: { request: async (_t, a) => ({ method: "GET", url: `/api/v1/agencies/${a.targetAgency.id}` }) },
  create: {
    request: async (t, a) => ({
      method: "POST",
      url: "/api/v1/agencies",
      body: {
        kind: "agency",
        code: `NEW${++n}`,
        nameAr: "وحدة جديدة",
        nameEn: "New unit",
        parentId: a.targetAgency.id,
        sensitivity: a.sensitivity,
      },
      snapshot: async () =>
        (
          await t.db
            .select()
            .from(agencies)
            .where(eq(agencies.code, `NEW${n}`))
        ).length,
    }),
  },
  update: {
    request: async (t, a) => ({
      method: "PATCH",
      url: `/api/v1/agencies/${a.targetAgency.id}`,
      body: { nameEn: "Renamed" },
      snapshot: snapshotOf(t, a.targetAgency.id),
    }),
  },
  deactivate: {
    request: async (t, a) => {
      const target = a.targetAgency;
      return {
        method: "POST",
        url: `/api/v1/agencies/${target.id}/deactivate`,
        snapshot: snapshotOf(t, target.id),
      };
    },
  },
};

describe("agencies permission matrix (role × own/other × internal/restricted × action)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await buildAgency(t.db);
  });
  afterAll(() => t.close());
  permissionMatrix(() => t, spec, actions, { ownAgencyCarriesSensitivity: true });
});
