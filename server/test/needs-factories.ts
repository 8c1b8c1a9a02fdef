import { eq } from "drizzle-orm";
import type { NeedCategory, NeedStatus, Sensitivity } from "../../common/enums";
import type { Ctx } from "../authz/actor";
import type { Db } from "../db/client";
import { createNeed, needs, type NeedRow } from "../features/needs";
import { TEST_NOW } from "./app";
import { buildAgency } from "./factories";

const factoryCtx = (): Ctx => ({ actor: null, now: new Date(TEST_NOW), actorLabel: "factory" });

/** A need at any workflow status (set directly: a fixture, not a walk through the workflow). */
export async function buildNeed(
  db: Db,
  overrides: Partial<{
    agencyId: string;
    responsibleAgencyId: string;
    status: NeedStatus;
    sensitivity: Sensitivity;
    category: NeedCategory;
    quantity: number;
    unitCost: number;
    deliveredQuantity: number;
    title: string;
  }> = {},
): Promise<NeedRow> {
  const agencyId = overrides.agencyId ?? (await buildAgency(db)).id;
  const responsibleAgencyId = overrides.responsibleAgencyId ?? (await buildAgency(db)).id;
  return db.transaction(async (tx) => {
    const need = await createNeed(tx, factoryCtx(), {
      agencyId,
      responsibleAgencyId,
      category: overrides.category ?? "equipment",
      title: overrides.title ?? "أجهزة لاسلكي",
      description: null,
      quantity: overrides.quantity ?? 10,
      unit: "جهاز",
      unitCost: overrides.unitCost ?? 1500,
      currency: "LYD",
      priority: "high",
      justification: null,
      objectiveId: null,
      taskId: null,
      sensitivity: overrides.sensitivity ?? "internal",
    });
    if (!overrides.status && overrides.deliveredQuantity === undefined) return need;
    const [row] = await tx
      .update(needs)
      .set({ status: overrides.status ?? need.status, deliveredQuantity: overrides.deliveredQuantity ?? 0 })
      .where(eq(needs.id, need.id))
      .returning();
    return row!;
  });
}
