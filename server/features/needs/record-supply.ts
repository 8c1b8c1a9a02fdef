import { eq } from "drizzle-orm";
import type { DeliveryBody, PledgeBody } from "../../../common/schemas/needs";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { linkedRecordCompleted } from "../../links/record-links";
import { assertActiveAgency } from "../agencies";
import { addHistory } from "./need-history";
import { DELIVERABLE_STATUSES, afterDelivery } from "./need-workflow";
import { needDeliveries, needPledges, needs, type NeedRow } from "./needs.table";
import { publishChange } from "../../live/publish-change";

/** Records a pledge; a need approved but not started moves to in progress. The caller holds the need's lock. */
export async function recordPledge(tx: Db, ctx: Ctx, need: NeedRow, input: PledgeBody) {
  if (!DELIVERABLE_STATUSES.includes(need.status))
    throw new AppError("invalid_transition", { params: { from: need.status, action: "pledge" } });
  if (input.pledgerAgencyId) await assertActiveAgency(tx, ctx, input.pledgerAgencyId, "pledgerAgencyId");
  const [pledge] = await tx
    .insert(needPledges)
    .values({ ...input, needId: need.id, createdBy: ctx.actor?.userId ?? null, createdAt: ctx.now })
    .returning();
  if (!pledge) throw new Error("insert returned nothing");
  const status = need.status === "approved" ? "in_progress" : need.status;
  const [after] = await tx
    .update(needs)
    .set({ pledgedQuantity: need.pledgedQuantity + input.quantity, status, updatedAt: ctx.now })
    .where(eq(needs.id, need.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await addHistory(tx, ctx, need.id, "pledge", need.status, status, input.note);
  await recordEvent(tx, ctx, "need.pledge", "need_pledges", pledge.id, null, pledge);
  return after;
}

/**
 * Records a delivery against a need, refusing one that would exceed it; covered in full, the need is fulfilled.
 * The caller holds the need's lock (select … for update), so two deliveries cannot both pass the check.
 */
export async function recordDelivery(tx: Db, ctx: Ctx, need: NeedRow, input: DeliveryBody) {
  const outcome = afterDelivery(need.status, need.quantity, need.deliveredQuantity, input.quantity);
  if (!outcome.ok) {
    const remaining = Math.max(Math.round((need.quantity - need.deliveredQuantity) * 100) / 100, 0);
    throw new AppError(outcome.reason, { params: { from: need.status, action: "deliver", remaining } });
  }
  if (input.pledgeId) {
    const [pledge] = await tx.select().from(needPledges).where(eq(needPledges.id, input.pledgeId));
    if (!pledge || pledge.needId !== need.id)
      throw new AppError("validation_failed", { fields: [{ field: "pledgeId", issue: "invalid_value" }] });
  }
  const [delivery] = await tx
    .insert(needDeliveries)
    .values({ ...input, needId: need.id, createdBy: ctx.actor?.userId ?? null, createdAt: ctx.now })
    .returning();
  if (!delivery) throw new Error("insert returned nothing");
  const [after] = await tx
    .update(needs)
    .set({ deliveredQuantity: outcome.delivered, status: outcome.status, updatedAt: ctx.now })
    .where(eq(needs.id, need.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await addHistory(tx, ctx, need.id, "deliver", need.status, outcome.status, input.reference);
  await recordEvent(tx, ctx, "need.deliver", "need_deliveries", delivery.id, null, delivery);
  // Open pages that count needs (the dashboard) refresh, and figures kept on every instance are dropped.
  await publishChange(tx, { entity: "need", id: need.id });
  if (outcome.status === "fulfilled") {
    await recordEvent(tx, ctx, "need.fulfil", "needs", need.id, need, after);
    // What the need was made from (a meeting's commitment) is completed with it, in this transaction.
    await linkedRecordCompleted(tx, ctx, "need", need.id);
  }
  return after;
}
