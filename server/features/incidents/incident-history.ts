import type { IncidentStatus } from "../../../common/enums";
import type { Ctx } from "../../authz/actor";
import type { Db } from "../../db/client";
import { incidentHistory } from "./incidents.table";

export const actorLabelOf = (ctx: Ctx) => ctx.actor?.username ?? ctx.actorLabel ?? "system";

/** One line of an incident's timeline: who, when, what, with the reason given. */
export async function addIncidentHistory(
  tx: Db,
  ctx: Ctx,
  incidentId: string,
  action: string,
  fromStatus: IncidentStatus | null,
  toStatus: IncidentStatus,
  reason: string | null = null,
): Promise<void> {
  await tx.insert(incidentHistory).values({
    incidentId,
    action,
    fromStatus,
    toStatus,
    reason,
    actorId: ctx.actor?.userId ?? null,
    actorLabel: actorLabelOf(ctx),
    at: ctx.now,
  });
}
