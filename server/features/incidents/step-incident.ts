import { eq } from "drizzle-orm";
import type { IncidentAction } from "../../../common/enums";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { publishChange } from "../../live/publish-change";
import { addIncidentHistory } from "./incident-history";
import { REASON_REQUIRED, nextIncidentStatus } from "./incident-workflow";
import type { IncidentSubject } from "./incidents.policy";
import { incidents } from "./incidents.table";

/** Takes one status step (the caller has checked the actor may), with its reason, on the timeline and audited. */
export async function stepIncident(
  tx: Db,
  ctx: Ctx,
  incident: IncidentSubject,
  action: IncidentAction,
  reason: string | null,
): Promise<IncidentSubject> {
  const to = nextIncidentStatus(incident.status, action);
  if (!to) throw new AppError("invalid_transition");
  if (REASON_REQUIRED.includes(action) && !reason) throw new AppError("reason_required");
  const [after] = await tx
    .update(incidents)
    .set({ status: to, statusReason: reason, updatedAt: ctx.now })
    .where(eq(incidents.id, incident.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await addIncidentHistory(tx, ctx, incident.id, action, incident.status, to, reason);
  const { typeGroup: _group, ...before } = incident;
  await recordEvent(tx, ctx, `incident.${action}`, "incidents", after.id, before, after);
  await publishChange(tx, { entity: "incident", id: after.id });
  return { ...after, typeGroup: incident.typeGroup };
}
