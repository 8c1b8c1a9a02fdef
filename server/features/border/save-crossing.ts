import { eq } from "drizzle-orm";
import type { CrossingBody, CrossingUpdateBody } from "../../../common/schemas/border";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { withUniqueFields } from "../../db/errors";
import { AppError } from "../../http/app-error";
import { assertActiveAgency } from "../agencies";
import { findCrossing, type CrossingWithAgencies } from "./border.queries";
import { crossingAgencies, crossings } from "./border.table";

async function assertAgencies(tx: Db, ctx: Ctx, agencyId: string | undefined, working: string[] | undefined) {
  if (agencyId) await assertActiveAgency(tx, ctx, agencyId, "agencyId");
  for (const [i, id] of (working ?? []).entries())
    await assertActiveAgency(tx, ctx, id, `workingAgencyIds.${i}`);
}

async function setWorking(tx: Db, crossingId: string, working: string[]) {
  await tx.delete(crossingAgencies).where(eq(crossingAgencies.crossingId, crossingId));
  const unique = [...new Set(working)];
  if (unique.length > 0)
    await tx.insert(crossingAgencies).values(unique.map((agencyId) => ({ crossingId, agencyId })));
}

/** Adds a crossing (the administrator), with the agency responsible for it and those that work there. */
export async function createCrossing(tx: Db, ctx: Ctx, input: CrossingBody): Promise<CrossingWithAgencies> {
  await assertAgencies(tx, ctx, input.agencyId, input.workingAgencyIds);
  if ((input.latitude === null) !== (input.longitude === null))
    throw new AppError("validation_failed", { fields: [{ field: "latitude", issue: "required" }] });
  const { workingAgencyIds, ...fields } = input;
  const [row] = await withUniqueFields({ crossings_code_unique: "code" }, () =>
    tx
      .insert(crossings)
      .values({ ...fields, createdAt: ctx.now, updatedAt: ctx.now })
      .returning(),
  );
  if (!row) throw new Error("insert returned nothing");
  await setWorking(tx, row.id, workingAgencyIds);
  const after = await findCrossing(tx, row.id);
  await recordEvent(tx, ctx, "crossing.create", "crossings", row.id, null, after);
  return after;
}

export async function updateCrossing(
  tx: Db,
  ctx: Ctx,
  id: string,
  input: CrossingUpdateBody,
): Promise<CrossingWithAgencies> {
  const before = await findCrossing(tx, id);
  await assertAgencies(tx, ctx, input.agencyId, input.workingAgencyIds);
  const { workingAgencyIds, ...fields } = input;
  const next = { ...before, ...fields };
  if ((next.latitude === null) !== (next.longitude === null))
    throw new AppError("validation_failed", { fields: [{ field: "latitude", issue: "required" }] });
  if (Object.keys(fields).length > 0)
    await withUniqueFields({ crossings_code_unique: "code" }, () =>
      tx
        .update(crossings)
        .set({ ...fields, updatedAt: ctx.now })
        .where(eq(crossings.id, id)),
    );
  if (workingAgencyIds) await setWorking(tx, id, workingAgencyIds);
  const after = await findCrossing(tx, id);
  await recordEvent(tx, ctx, "crossing.update", "crossings", id, before, after);
  return after;
}
