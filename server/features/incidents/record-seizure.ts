import { eq } from "drizzle-orm";
import type { CustodyBody, SeizureCreateBody } from "../../../common/schemas/incidents";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { publishChange } from "../../live/publish-change";
import { actorLabelOf, addIncidentHistory } from "./incident-history";
import type { IncidentSubject } from "./incidents.policy";
import { incidents, seizureCustody, seizures, type SeizureRow } from "./incidents.table";

/** Records what was seized on an incident, held by the seizing agency; the custody log starts with it. */
export async function addSeizure(
  tx: Db,
  ctx: Ctx,
  incident: IncidentSubject,
  input: SeizureCreateBody,
): Promise<SeizureRow> {
  const [row] = await tx
    .insert(seizures)
    .values({
      ...input,
      incidentId: incident.id,
      custodyStatus: "held",
      createdBy: ctx.actor?.userId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await tx.insert(seizureCustody).values({
    seizureId: row.id,
    fromStatus: null,
    toStatus: "held",
    toWhom: null,
    note: null,
    actorId: ctx.actor?.userId ?? null,
    actorLabel: actorLabelOf(ctx),
    at: ctx.now,
    createdAt: ctx.now,
  });
  if (!incident.hasSeizures)
    await tx
      .update(incidents)
      .set({ hasSeizures: true, updatedAt: ctx.now })
      .where(eq(incidents.id, incident.id));
  await addIncidentHistory(tx, ctx, incident.id, "seizure", incident.status, incident.status);
  await recordEvent(tx, ctx, "seizure.create", "seizures", row.id, null, row);
  await publishChange(tx, { entity: "incident", id: incident.id });
  return row;
}

/** A custody change: held → handed over (to whom) → returned or destroyed; every change in the log. */
export async function changeCustody(
  tx: Db,
  ctx: Ctx,
  seizure: SeizureRow,
  input: CustodyBody,
): Promise<SeizureRow> {
  if (seizure.custodyStatus === "destroyed" || seizure.custodyStatus === input.status)
    throw new AppError("invalid_transition");
  const at = input.at ? new Date(input.at) : ctx.now;
  if (at.getTime() > ctx.now.getTime())
    throw new AppError("validation_failed", { fields: [{ field: "at", issue: "in_future" }] });
  const [after] = await tx
    .update(seizures)
    .set({ custodyStatus: input.status, updatedAt: ctx.now })
    .where(eq(seizures.id, seizure.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await tx.insert(seizureCustody).values({
    seizureId: seizure.id,
    fromStatus: seizure.custodyStatus,
    toStatus: input.status,
    toWhom: input.toWhom,
    note: input.note,
    actorId: ctx.actor?.userId ?? null,
    actorLabel: actorLabelOf(ctx),
    at,
    createdAt: ctx.now,
  });
  await recordEvent(tx, ctx, "seizure.custody", "seizures", seizure.id, seizure, after);
  return after;
}
