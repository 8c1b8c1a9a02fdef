import { eq } from "drizzle-orm";
import type { ReferralCreateBody, ReferralUpdateBody } from "../../../common/schemas/incidents";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { addIncidentHistory } from "./incident-history";
import type { IncidentSubject } from "./incidents.policy";
import { victimReferrals, type ReferralRow } from "./incidents.table";

/** Refers victims (counted, never named) to a partner; the referral belongs to the incident's agency. */
export async function addReferral(
  tx: Db,
  ctx: Ctx,
  incident: IncidentSubject,
  input: ReferralCreateBody,
): Promise<ReferralRow> {
  const [row] = await tx
    .insert(victimReferrals)
    .values({
      ...input,
      incidentId: incident.id,
      agencyId: incident.agencyId,
      createdBy: ctx.actor?.userId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  // The timeline says a referral was made, never to whom or for how many: others may read the timeline.
  await addIncidentHistory(tx, ctx, incident.id, "referral", incident.status, incident.status);
  await recordEvent(tx, ctx, "referral.create", "victim_referrals", row.id, null, row);
  return row;
}

export async function updateReferral(
  tx: Db,
  ctx: Ctx,
  referral: ReferralRow,
  input: ReferralUpdateBody,
): Promise<ReferralRow> {
  const next = { ...referral, ...input };
  if (next.women + next.men + next.girls + next.boys === 0)
    throw new AppError("validation_failed", { fields: [{ field: "women", issue: "required" }] });
  const [after] = await tx
    .update(victimReferrals)
    .set({ ...input, updatedAt: ctx.now })
    .where(eq(victimReferrals.id, referral.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await recordEvent(tx, ctx, "referral.update", "victim_referrals", after.id, referral, after);
  return after;
}
