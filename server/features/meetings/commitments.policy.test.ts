import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe } from "vitest";
import type { CommitmentStatus } from "../../../common/enums";
import { createTestApp, type TestApp } from "../../test/app";
import { buildAgency } from "../../test/factories";
import { permissionMatrix, type ActionSpec, type Arrange, type MatrixAction } from "../../test/matrix";
import { buildCommitment } from "../../test/meetings-factories";
import { needs } from "../needs";
import { tasks } from "../tasks";
import { commitments } from "./commitments.table";

// Cells: [own agency internal, own agency restricted, other agency internal, other agency restricted].
// For status steps and converting to a task, "own" means the actor's agency OWNS the commitment (made at a third
// agency's meeting, internal or restricted); for reopening, editing and converting to a need it means the actor's
// agency held the MEETING (the commitment owned by a third agency).
const NONE: ActionSpec[keyof ActionSpec] = [403, 403, 403, 403];
const ALL: ActionSpec[keyof ActionSpec] = ["ok", "ok", "ok", "ok"];
const STAFF: ActionSpec = {
  admin: NONE,
  leadership: ALL,
  manager: ["ok", "ok", 403, 404],
  officer: ["ok", "ok", 403, 404],
  observer: NONE,
  trainer: NONE,
};
const MANAGERS: ActionSpec = {
  admin: NONE,
  leadership: ALL,
  manager: ["ok", "ok", 403, 404],
  officer: NONE,
  observer: NONE,
  trainer: NONE,
};
const spec: Record<string, ActionSpec> = {
  read: {
    admin: ["ok", "ok", "ok", 404],
    leadership: ALL,
    manager: ["ok", "ok", "ok", 404],
    officer: ["ok", "ok", "ok", 404],
    observer: ["ok", 404, "ok", 404],
    trainer: ["ok", "ok", "ok", 404],
  },
  start: STAFF,
  complete: STAFF,
  drop: STAFF,
  convertToTask: MANAGERS,
  reopen: {
    ...MANAGERS,
    // An officer of the meeting's agency sees the commitment but may not reopen it.
    officer: [403, 403, 403, 404],
  },
  update: { ...MANAGERS, officer: [403, 403, 403, 404] },
  convertToNeed: MANAGERS,
};

const snapshotOf = (t: TestApp, id: string) => async () => ({
  commitment: (await t.db.select().from(commitments).where(eq(commitments.id, id)))[0],
  tasks: (await t.db.select({ n: count() }).from(tasks))[0]?.n,
  needs: (await t.db.select({ n: count() }).from(needs))[0]?.n,
});

/** A commitment owned by the target agency, made at a third agency's meeting of the cell's sensitivity. */
async function ownedBy(t: TestApp, a: Arrange, status: CommitmentStatus = "open") {
  const host = await buildAgency(t.db);
  return buildCommitment(t.db, {
    agencyId: host.id,
    ownerAgencyId: a.targetAgency.id,
    sensitivity: a.sensitivity,
    status,
  });
}

/** A commitment of the target agency's meeting, owned by a third agency. */
async function madeAt(t: TestApp, a: Arrange, status: CommitmentStatus = "open") {
  const owner = await buildAgency(t.db);
  return buildCommitment(t.db, {
    agencyId: a.targetAgency.id,
    ownerAgencyId: owner.id,
    sensitivity: a.sensitivity,
    status,
  });
}

const post = (
  find: (t: TestApp, a: Arrange) => ReturnType<typeof ownedBy>,
  path: string,
  body: unknown = {},
): MatrixAction => ({
  request: async (t, a) => {
    const c = await find(t, a);
    return {
      method: "POST",
      url: `/api/v1/commitments/${c.id}/${path}`,
      body,
      snapshot: snapshotOf(t, c.id),
    };
  },
});

const actions: Record<string, MatrixAction> = {
  read: {
    request: async (t, a) => ({ method: "GET", url: `/api/v1/commitments/${(await ownedBy(t, a)).id}` }),
  },
  start: post(ownedBy, "start"),
  complete: post(ownedBy, "complete"),
  drop: post(ownedBy, "drop", { reason: "لم يعد مطلوباً" }),
  convertToTask: post(ownedBy, "convert-to-task"),
  reopen: post((t, a) => madeAt(t, a, "done"), "reopen", { reason: "لم يُنجز فعلياً" }),
  convertToNeed: post(madeAt, "convert-to-need", { unit: "قانون" }),
  update: {
    request: async (t, a) => {
      const c = await madeAt(t, a);
      return {
        method: "PATCH",
        url: `/api/v1/commitments/${c.id}`,
        body: { dueOn: "2027-03-31", text: "نص معدّل" },
        snapshot: snapshotOf(t, c.id),
      };
    },
  },
};

describe("commitments permission matrix (role × own/other × internal/restricted × action)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
  });
  afterAll(() => t.close());
  permissionMatrix(() => t, spec, actions);
});
