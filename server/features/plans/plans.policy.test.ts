import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe } from "vitest";
import type { Role } from "../../../common/enums";
import { createTestApp, type TestApp } from "../../test/app";
import { buildPlan, buildTask } from "../../test/factories";
import {
  relationMatrix,
  type RelationAction,
  type RelationArrange,
  type RelationOutcome,
} from "../../test/matrix";
import { createIndicator, createObjective } from "./save-plan";
import { indicatorMeasurements, planIndicators, planObjectives, plans } from "./plans.table";

// Relations of the actor's agency to the plan: owner; supporting (it supports a task of the plan); other.
// Cells: [owner internal, owner restricted, supporting internal, supporting restricted, other internal, other restricted].
const RELATIONS = ["owner", "supporting", "other"] as const;
const all = (o: RelationOutcome): RelationOutcome[] => [o, o, o, o, o, o];
const visible: RelationOutcome[] = ["ok", "ok", "ok", 404, "ok", 404];
const manageOwn: RelationOutcome[] = ["ok", "ok", 403, 404, 403, 404];

const editSpec: Record<Role, RelationOutcome[]> = {
  admin: all(403),
  leadership: all("ok"),
  manager: manageOwn,
  officer: all(403),
  observer: all(403),
  trainer: all(403),
};

const spec: Record<string, Record<Role, RelationOutcome[]>> = {
  read: {
    admin: visible,
    leadership: all("ok"),
    manager: visible,
    officer: visible,
    observer: ["ok", 404, "ok", 404, "ok", 404],
    trainer: visible,
  },
  create: {
    admin: all(403),
    leadership: all("ok"),
    manager: ["ok", "ok", 403, 403, 403, 403],
    officer: all(403),
    observer: all(403),
    trainer: all(403),
  },
  update: editSpec,
  activate: editSpec,
  addObjective: editSpec,
  updateObjective: editSpec,
  addIndicator: editSpec,
  updateIndicator: editSpec,
  measure: {
    admin: all(403),
    leadership: all("ok"),
    manager: manageOwn,
    officer: manageOwn,
    observer: all(403),
    trainer: all(403),
  },
};

async function arrangePlan(t: TestApp, a: RelationArrange) {
  const owner = a.relation === "owner" ? a.actorAgency : a.otherAgency;
  const plan = await buildPlan(t.db, { agencyId: owner.id, sensitivity: a.sensitivity });
  if (a.relation === "supporting")
    await buildTask(t.db, {
      agencyId: a.otherAgency.id,
      planId: plan.id,
      supportIds: [a.actorAgency.id],
      sensitivity: a.sensitivity,
    });
  const ctx = { actor: null, now: new Date(), actorLabel: "test" };
  const { objective, indicator } = await t.db.transaction(async (tx) => {
    const objective = await createObjective(tx, ctx, plan, {
      titleAr: "هدف",
      titleEn: null,
      description: null,
    });
    const indicator = await createIndicator(tx, ctx, objective, {
      nameAr: "عدد الضبطيات",
      nameEn: null,
      unit: "ضبطية",
      baseline: 0,
      target: 10,
      direction: "increase",
      frequency: "monthly",
      source: "manual",
    });
    return { objective, indicator };
  });
  return { plan, objective, indicator };
}

const planSnapshot = (t: TestApp, id: string) => async () =>
  (await t.db.select().from(plans).where(eq(plans.id, id)))[0];

let n = 0;
const actions: Record<string, RelationAction> = {
  read: {
    request: async (t, a) => ({ method: "GET", url: `/api/v1/plans/${(await arrangePlan(t, a)).plan.id}` }),
  },
  create: {
    request: async (t, a) => {
      const titleAr = `خطة المعبر ${++n}`;
      return {
        method: "POST",
        url: "/api/v1/plans",
        body: {
          titleAr,
          startsOn: "2026-01-01",
          endsOn: "2026-06-30",
          agencyId: a.relation === "owner" ? a.actorAgency.id : a.otherAgency.id,
          sensitivity: a.sensitivity,
        },
        snapshot: async () =>
          (await t.db.select({ n: count() }).from(plans).where(eq(plans.titleAr, titleAr)))[0],
      };
    },
  },
  update: {
    request: async (t, a) => {
      const { plan } = await arrangePlan(t, a);
      return {
        method: "PATCH",
        url: `/api/v1/plans/${plan.id}`,
        body: { titleAr: "عنوان جديد" },
        snapshot: planSnapshot(t, plan.id),
      };
    },
  },
  activate: {
    request: async (t, a) => {
      const { plan } = await arrangePlan(t, a);
      return { method: "POST", url: `/api/v1/plans/${plan.id}/activate`, snapshot: planSnapshot(t, plan.id) };
    },
  },
  addObjective: {
    request: async (t, a) => {
      const { plan } = await arrangePlan(t, a);
      return {
        method: "POST",
        url: `/api/v1/plans/${plan.id}/objectives`,
        body: { titleAr: "تكثيف الدورات التدريبية" },
        snapshot: async () =>
          (
            await t.db.select({ n: count() }).from(planObjectives).where(eq(planObjectives.planId, plan.id))
          )[0],
      };
    },
  },
  updateObjective: {
    request: async (t, a) => {
      const { objective } = await arrangePlan(t, a);
      return {
        method: "PATCH",
        url: `/api/v1/objectives/${objective.id}`,
        body: { titleAr: "هدف معدل" },
        snapshot: async () =>
          (await t.db.select().from(planObjectives).where(eq(planObjectives.id, objective.id)))[0],
      };
    },
  },
  addIndicator: {
    request: async (t, a) => {
      const { objective } = await arrangePlan(t, a);
      return {
        method: "POST",
        url: `/api/v1/objectives/${objective.id}/indicators`,
        body: {
          nameAr: "عدد الدورات",
          unit: "دورة",
          baseline: 0,
          target: 12,
          direction: "increase",
          frequency: "monthly",
        },
        snapshot: async () =>
          (
            await t.db
              .select({ n: count() })
              .from(planIndicators)
              .where(eq(planIndicators.objectiveId, objective.id))
          )[0],
      };
    },
  },
  updateIndicator: {
    request: async (t, a) => {
      const { indicator } = await arrangePlan(t, a);
      return {
        method: "PATCH",
        url: `/api/v1/indicators/${indicator.id}`,
        body: { target: 20 },
        snapshot: async () =>
          (await t.db.select().from(planIndicators).where(eq(planIndicators.id, indicator.id)))[0],
      };
    },
  },
  measure: {
    request: async (t, a) => {
      const { indicator } = await arrangePlan(t, a);
      return {
        method: "POST",
        url: `/api/v1/indicators/${indicator.id}/measurements`,
        body: { measuredOn: "2026-11-01", value: 4 },
        snapshot: async () =>
          (
            await t.db
              .select({ n: count() })
              .from(indicatorMeasurements)
              .where(eq(indicatorMeasurements.indicatorId, indicator.id))
          )[0],
      };
    },
  },
};

describe("plans, objectives and indicators permission matrix (role × owner/supporting/other × internal/restricted × action)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
  });
  afterAll(() => t.close());
  relationMatrix(() => t, RELATIONS, spec, actions);
});
