import { eq } from "drizzle-orm";
import type { NeedAction } from "../../../common/enums";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { addHistory } from "./need-history";
import { nextStatus } from "./need-workflow";
import { needs, type NeedRow } from "./needs.table";
import { publishChange } from "../../live/publish-change";

/** Takes one workflow step (submit, endorse, approve…): status, history line and audit event together. */
export async function stepNeed(
  tx: Db,
  ctx: Ctx,
  need: NeedRow,
  action: NeedAction,
  comment: string | null,
): Promise<NeedRow> {
  const to = nextStatus(need.status, action);
  if (!to) throw new AppError("invalid_transition", { params: { from: need.status, action } });
  if (action === "reject" && !comment)
    throw new AppError("validation_failed", { fields: [{ field: "comment", issue: "required" }] });
  const [after] = await tx
    .update(needs)
    .set({ status: to, updatedAt: ctx.now })
    .where(eq(needs.id, need.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await addHistory(tx, ctx, need.id, action, need.status, to, comment);
  await recordEvent(tx, ctx, `need.${action}`, "needs", need.id, need, { ...after, comment });
  // Open pages that count needs (the dashboard) refresh, and figures kept on every instance are dropped.
  await publishChange(tx, { entity: "need", id: need.id });
  return after;
}
