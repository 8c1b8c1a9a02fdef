import { count, eq } from "drizzle-orm";
import { searchKey } from "../../../common/arabic";
import type { PlanStatus } from "../../../common/enums";
import type {
  IndicatorBody,
  IndicatorUpdateBody,
  MeasurementBody,
  ObjectiveBody,
  PlanCreateBody,
  PlanUpdateBody,
} from "../../../common/schemas/plans";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { nextReference } from "../../db/references";
import { AppError } from "../../http/app-error";
import { publishChange } from "../../live/publish-change";
import { assertActiveAgency } from "../agencies";
import { assertSpecReferences } from "./indicator-series";
import {
  indicatorMeasurements,
  planIndicators,
  planObjectives,
  plans,
  type IndicatorRow,
  type ObjectiveRow,
  type PlanRow,
} from "./plans.table";

const planSearchKey = (p: Pick<PlanRow, "titleAr" | "titleEn" | "description" | "reference">) =>
  searchKey([p.titleAr, p.titleEn, p.description, p.reference]);

export async function createPlan(tx: Db, ctx: Ctx, input: PlanCreateBody): Promise<PlanRow> {
  await assertActiveAgency(tx, ctx, input.agencyId);
  const reference = await nextReference(tx, "PLN", ctx.now);
  const [row] = await tx
    .insert(plans)
    .values({
      ...input,
      reference,
      searchKey: planSearchKey({ ...input, reference }),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await recordEvent(tx, ctx, "plan.create", "plan", row.id, null, row);
  await publishChange(tx, { entity: "plan", id: row.id, planId: row.id });
  return row;
}

async function savePlan(tx: Db, ctx: Ctx, before: PlanRow, changes: Partial<PlanRow>, action: string) {
  const [after] = await tx
    .update(plans)
    .set({ ...changes, updatedAt: ctx.now })
    .where(eq(plans.id, before.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await recordEvent(tx, ctx, action, "plan", after.id, before, after);
  await publishChange(tx, { entity: "plan", id: after.id, planId: after.id });
  return after;
}

export async function updatePlan(tx: Db, ctx: Ctx, plan: PlanRow, input: PlanUpdateBody) {
  const next = { ...plan, ...input };
  if (next.startsOn > next.endsOn)
    throw new AppError("validation_failed", { fields: [{ field: "endsOn", issue: "invalid_value" }] });
  return savePlan(tx, ctx, plan, { ...input, searchKey: planSearchKey(next) }, "plan.update");
}

export async function setPlanStatus(tx: Db, ctx: Ctx, plan: PlanRow, status: PlanStatus) {
  return savePlan(tx, ctx, plan, { status }, `plan.${status}`);
}

async function touchPlan(tx: Db, ctx: Ctx, planId: string) {
  await tx.update(plans).set({ updatedAt: ctx.now }).where(eq(plans.id, planId));
  await publishChange(tx, { entity: "plan", id: planId, planId });
}

export async function createObjective(
  tx: Db,
  ctx: Ctx,
  plan: PlanRow,
  input: ObjectiveBody,
): Promise<ObjectiveRow> {
  const [n] = await tx.select({ n: count() }).from(planObjectives).where(eq(planObjectives.planId, plan.id));
  const [row] = await tx
    .insert(planObjectives)
    .values({ ...input, planId: plan.id, position: (n?.n ?? 0) + 1, createdAt: ctx.now, updatedAt: ctx.now })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await recordEvent(tx, ctx, "objective.create", "objective", row.id, null, row);
  await touchPlan(tx, ctx, plan.id);
  return row;
}

export async function updateObjective(
  tx: Db,
  ctx: Ctx,
  objective: ObjectiveRow,
  input: Partial<ObjectiveBody>,
) {
  const [row] = await tx
    .update(planObjectives)
    .set({ ...input, updatedAt: ctx.now })
    .where(eq(planObjectives.id, objective.id))
    .returning();
  if (!row) throw new AppError("not_found");
  await recordEvent(tx, ctx, "objective.update", "objective", row.id, objective, row);
  await touchPlan(tx, ctx, objective.planId);
  return row;
}

export async function createIndicator(
  tx: Db,
  ctx: Ctx,
  objective: ObjectiveRow,
  input: Omit<IndicatorBody, "spec"> & { spec?: IndicatorBody["spec"] },
): Promise<IndicatorRow> {
  await assertSpecReferences(tx, input.spec ?? null);
  const [row] = await tx
    .insert(planIndicators)
    .values({ ...input, objectiveId: objective.id, createdAt: ctx.now, updatedAt: ctx.now })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await recordEvent(tx, ctx, "indicator.create", "indicator", row.id, null, row);
  await touchPlan(tx, ctx, objective.planId);
  return row;
}

export async function updateIndicator(
  tx: Db,
  ctx: Ctx,
  indicator: IndicatorRow,
  planId: string,
  input: IndicatorUpdateBody,
) {
  if (input.spec !== undefined) await assertSpecReferences(tx, input.spec);
  const [row] = await tx
    .update(planIndicators)
    .set({ ...input, updatedAt: ctx.now })
    .where(eq(planIndicators.id, indicator.id))
    .returning();
  if (!row) throw new AppError("not_found");
  await recordEvent(tx, ctx, "indicator.update", "indicator", row.id, indicator, row);
  await touchPlan(tx, ctx, planId);
  return row;
}

export async function recordMeasurement(
  tx: Db,
  ctx: Ctx,
  indicator: IndicatorRow,
  planId: string,
  input: MeasurementBody,
) {
  if (indicator.source !== "manual") throw new AppError("conflict"); // computed indicators are not typed in
  const [row] = await tx
    .insert(indicatorMeasurements)
    .values({
      ...input,
      indicatorId: indicator.id,
      recordedBy: ctx.actor?.userId ?? null,
      createdAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await recordEvent(tx, ctx, "indicator.measure", "indicator", indicator.id, null, row);
  await touchPlan(tx, ctx, planId);
  return row;
}
