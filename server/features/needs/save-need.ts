import { eq } from "drizzle-orm";
import { searchKey } from "../../../common/arabic";
import type { NeedCreateBody, NeedUpdateBody } from "../../../common/schemas/needs";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { nextReference } from "../../db/references";
import { AppError } from "../../http/app-error";
import { assertActiveAgency } from "../agencies";
import { assertPlanLinks } from "./plan-links";
import { addHistory } from "./need-history";
import { needs, type NeedRow } from "./needs.table";
import { publishChange } from "../../live/publish-change";

const needSearchKey = (n: Pick<NeedRow, "title" | "description" | "unit" | "reference" | "justification">) =>
  searchKey([n.reference, n.title, n.description, n.unit, n.justification]);

/** Files a need as a draft (or, for the demo seed and conversions, at the status given). */
export async function createNeed(
  tx: Db,
  ctx: Ctx,
  input: NeedCreateBody,
  extra: { problemId?: string | null } = {},
): Promise<NeedRow> {
  await assertActiveAgency(tx, ctx, input.agencyId);
  await assertActiveAgency(tx, ctx, input.responsibleAgencyId, "responsibleAgencyId");
  await assertPlanLinks(tx, ctx, input);
  const reference = await nextReference(tx, "NEED", ctx.now);
  const [row] = await tx
    .insert(needs)
    .values({
      ...input,
      reference,
      problemId: extra.problemId ?? null,
      status: "draft",
      searchKey: needSearchKey({ ...input, reference }),
      createdBy: ctx.actor?.userId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await addHistory(tx, ctx, row.id, "create", null, "draft", null);
  await recordEvent(tx, ctx, "need.create", "needs", row.id, null, row);
  // Open pages that count needs (the dashboard) refresh, and figures kept on every instance are dropped.
  await publishChange(tx, { entity: "need", id: row.id });
  return row;
}

/** Edits a draft. */
export async function updateNeed(tx: Db, ctx: Ctx, need: NeedRow, input: NeedUpdateBody): Promise<NeedRow> {
  if (input.responsibleAgencyId && input.responsibleAgencyId !== need.responsibleAgencyId)
    await assertActiveAgency(tx, ctx, input.responsibleAgencyId, "responsibleAgencyId");
  await assertPlanLinks(tx, ctx, input);
  const next = { ...need, ...input };
  const [after] = await tx
    .update(needs)
    .set({ ...input, searchKey: needSearchKey(next), updatedAt: ctx.now })
    .where(eq(needs.id, need.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await recordEvent(tx, ctx, "need.update", "needs", after.id, need, after);
  // Open pages that count needs (the dashboard) refresh, and figures kept on every instance are dropped.
  await publishChange(tx, { entity: "need", id: after.id });
  return after;
}
