import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe } from "vitest";
import { createTestApp, type TestApp } from "../../test/app";
import { buildPerson } from "../../test/factories";
import { permissionMatrix, type ActionSpec, type MatrixAction } from "../../test/matrix";
import { personnel } from "./personnel.table";

// Cells: [own agency internal, own agency restricted, other agency internal, other agency restricted].
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
    manager: ["ok", "ok", 403, 403],
    officer: ["ok", "ok", 403, 403],
    observer: [403, 403, 403, 403],
    trainer: [403, 403, 403, 403],
  },
  update: {
    admin: ["ok", "ok", "ok", "ok"],
    leadership: [403, 403, 403, 403],
    manager: ["ok", "ok", 403, 404],
    officer: ["ok", "ok", 403, 404],
    observer: [403, 403, 403, 403],
    trainer: [403, 403, 403, 403],
  },
  deactivate: {
    admin: ["ok", "ok", "ok", "ok"],
    leadership: [403, 403, 403, 403],
    manager: ["ok", "ok", 403, 404],
    officer: [403, 403, 403, 403],
    observer: [403, 403, 403, 403],
    trainer: [403, 403, 403, 403],
  },
};

const snapshotOf = (t: TestApp, id: string) => async () =>
  (await t.db.select().from(personnel).where(eq(personnel.id, id)))[0];

let n = 0;
const actions: Record<string, MatrixAction> = {
  read: {
    request: async (t, a) => ({
      method: "GET",
      url: `/api/v1/personnel/${(await buildPerson(t.db, { agencyId: a.targetAgency.id, sensitivity: a.sensitivity })).id}`,
    }),
  },
  create: {
    request: async (t, a) => {
      const serviceNumber = `SN-${++n}`;
      return {
        method: "POST",
        url: "/api/v1/personnel",
        body: {
          nameAr: "موسى البدين",
          rank: "لواء",
          agencyId: a.targetAgency.id,
          serviceNumber,
          sensitivity: a.sensitivity,
        },
        snapshot: async () =>
          (await t.db.select().from(personnel).where(eq(personnel.serviceNumber, serviceNumber))).length,
      };
    },
  },
  update: {
    request: async (t, a) => {
      const person = await buildPerson(t.db, { agencyId: a.targetAgency.id, sensitivity: a.sensitivity });
      return {
        method: "PATCH",
        url: `/api/v1/personnel/${person.id}`,
        body: { rank: "عميد" },
        snapshot: snapshotOf(t, person.id),
      };
    },
  },
  deactivate: {
    request: async (t, a) => {
      const person = await buildPerson(t.db, { agencyId: a.targetAgency.id, sensitivity: a.sensitivity });
      return {
        method: "POST",
        url: `/api/v1/personnel/${person.id}/deactivate`,
        snapshot: snapshotOf(t, person.id),
      };
    },
  },
};

describe("personnel permission matrix (role × own/other × internal/restricted × action)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
  });
  afterAll(() => t.close());
  permissionMatrix(() => t, spec, actions);
});
