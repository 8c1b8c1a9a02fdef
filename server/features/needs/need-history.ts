import type { NeedStatus } from "../../../common/enums";
import type { Ctx } from "../../authz/actor";
import type { Db } from "../../db/client";
import { needHistory } from "./needs.table";

/** One line of a need's history: who, when, what step, with the comment given. */
export async function addHistory(
  tx: Db,
  ctx: Ctx,
  needId: string,
  action: string,
  fromStatus: NeedStatus | null,
  toStatus: NeedStatus,
  comment: string | null,
): Promise<void> {
  await tx.insert(needHistory).values({
    needId,
    action,
    fromStatus,
    toStatus,
    actorId: ctx.actor?.userId ?? null,
    actorLabel: ctx.actor?.username ?? ctx.actorLabel ?? "system",
    comment,
    at: ctx.now,
  });
}
