import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe } from "vitest";
import type { NeedStatus } from "../../../common/enums";
import { createTestApp, type TestApp } from "../../test/app";
import { buildAgency } from "../../test/factories";
import { permissionMatrix, type ActionSpec, type Arrange, type MatrixAction } from "../../test/matrix";
import { buildNeed } from "../../test/needs-factories";
import { needDeliveries, needs } from "./needs.table";

// Cells: [own agency internal, own agency restricted, other agency internal, other agency restricted].
// For workflow steps "own" means the need was filed by the actor's agency; for pledges and deliveries it means the
// actor's agency is the body responsible for meeting the need (filed by a third agency).
const NONE: ActionSpec[keyof ActionSpec] = [403, 403, 403, 403];
const spec: Record<string, ActionSpec> = {
  read: {
    admin: ["ok", "ok", "ok", 404],
    leadership: ["ok", "ok", "ok", "ok"],
    manager: ["ok", "ok", "ok", 404],
    officer: ["ok", "ok", "ok", 404],
    observer: ["ok", 404, "ok", 404],
    trainer: ["ok", "ok", "ok", 404],
  },
  create: {
    admin: NONE,
    leadership: NONE,
    manager: ["ok", "ok", 403, 403],
    officer: ["ok", "ok", 403, 403],
    observer: NONE,
    trainer: NONE,
  },
  submit: {
    admin: NONE,
    leadership: NONE,
    manager: ["ok", "ok", 403, 404],
    officer: ["ok", "ok", 403, 404],
    observer: NONE,
    trainer: NONE,
  },
  endorse: {
    admin: NONE,
    leadership: NONE,
    manager: ["ok", "ok", 403, 404],
    officer: [403, 403, 403, 404],
    observer: NONE,
    trainer: NONE,
  },
  approve: {
    admin: NONE,
    leadership: ["ok", "ok", "ok", "ok"],
    manager: [403, 403, 403, 404],
    officer: [403, 403, 403, 404],
    observer: NONE,
    trainer: NONE,
  },
  deliver: {
    admin: NONE,
    leadership: ["ok", "ok", "ok", "ok"],
    manager: ["ok", "ok", 403, 404],
    officer: ["ok", "ok", 403, 404],
    observer: NONE,
    trainer: NONE,
  },
  pledge: {
    admin: NONE,
    leadership: ["ok", "ok", "ok", "ok"],
    manager: ["ok", "ok", 403, 404],
    officer: ["ok", "ok", 403, 404],
    observer: NONE,
    trainer: NONE,
  },
};

const snapshotOf = (t: TestApp, id: string) => async () => ({
  need: (await t.db.select().from(needs).where(eq(needs.id, id)))[0],
  deliveries: (await t.db.select().from(needDeliveries).where(eq(needDeliveries.needId, id))).length,
});

const step = (action: string, status: NeedStatus): MatrixAction => ({
  request: async (t, a) => {
    const need = await buildNeed(t.db, { agencyId: a.targetAgency.id, sensitivity: a.sensitivity, status });
    return {
      method: "POST",
      url: `/api/v1/needs/${need.id}/${action}`,
      body: {},
      snapshot: snapshotOf(t, need.id),
    };
  },
});

/** A need in progress that the target agency is responsible for, filed by a third agency. */
async function addressedTo(t: TestApp, a: Arrange) {
  const owner = await buildAgency(t.db);
  return buildNeed(t.db, {
    agencyId: owner.id,
    responsibleAgencyId: a.targetAgency.id,
    sensitivity: a.sensitivity,
    status: "in_progress",
  });
}

let n = 0;
const actions: Record<string, MatrixAction> = {
  read: {
    request: async (t, a) => ({
      method: "GET",
      url: `/api/v1/needs/${(await buildNeed(t.db, { agencyId: a.targetAgency.id, sensitivity: a.sensitivity })).id}`,
    }),
  },
  create: {
    request: async (t, a) => {
      const title = `مركبات دورية ${++n}`;
      const responsible = await buildAgency(t.db);
      return {
        method: "POST",
        url: "/api/v1/needs",
        body: {
          agencyId: a.targetAgency.id,
          category: "vehicles",
          title,
          quantity: 4,
          unit: "مركبة",
          unitCost: 95000,
          responsibleAgencyId: responsible.id,
          sensitivity: a.sensitivity,
        },
        snapshot: async () => (await t.db.select().from(needs).where(eq(needs.title, title))).length,
      };
    },
  },
  submit: step("submit", "draft"),
  endorse: step("endorse", "submitted"),
  approve: step("approve", "under_review"),
  deliver: {
    request: async (t, a) => {
      const need = await addressedTo(t, a);
      return {
        method: "POST",
        url: `/api/v1/needs/${need.id}/deliveries`,
        body: { quantity: 2, deliveredOn: "2026-11-28", receivedBy: "الملازم أول سالم" },
        snapshot: snapshotOf(t, need.id),
      };
    },
  },
  pledge: {
    request: async (t, a) => {
      const need = await addressedTo(t, a);
      return {
        method: "POST",
        url: `/api/v1/needs/${need.id}/pledges`,
        body: { pledgerAgencyId: a.actorAgency.id, quantity: 5, dueOn: "2027-01-31" },
        snapshot: snapshotOf(t, need.id),
      };
    },
  },
};

describe("needs permission matrix (role × own/other × internal/restricted × action)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
  });
  afterAll(() => t.close());
  permissionMatrix(() => t, spec, actions);
});
