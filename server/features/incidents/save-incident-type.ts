import { eq } from "drizzle-orm";
import type { IncidentTypeCreateBody, IncidentTypeUpdateBody } from "../../../common/schemas/incidents";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { withUniqueFields } from "../../db/errors";
import { AppError } from "../../http/app-error";
import { incidentTypes, type IncidentTypeRow } from "./incidents.table";

export async function createIncidentType(
  tx: Db,
  ctx: Ctx,
  input: IncidentTypeCreateBody,
): Promise<IncidentTypeRow> {
  const [row] = await withUniqueFields({ incident_types_code_unique: "code" }, () =>
    tx
      .insert(incidentTypes)
      .values({ ...input, createdAt: ctx.now, updatedAt: ctx.now })
      .returning(),
  );
  if (!row) throw new Error("insert returned nothing");
  await recordEvent(tx, ctx, "incidentType.create", "incident_types", row.id, null, row);
  return row;
}

/** Renames, regroups, reorders, retires or restores a type (incidents keep it; a retired type is not offered). */
export async function updateIncidentType(
  tx: Db,
  ctx: Ctx,
  id: string,
  input: IncidentTypeUpdateBody,
): Promise<IncidentTypeRow> {
  const [before] = await tx.select().from(incidentTypes).where(eq(incidentTypes.id, id)).for("update");
  if (!before) throw new AppError("not_found");
  const [after] = await tx
    .update(incidentTypes)
    .set({ ...input, updatedAt: ctx.now })
    .where(eq(incidentTypes.id, id))
    .returning();
  if (!after) throw new AppError("not_found");
  await recordEvent(tx, ctx, "incidentType.update", "incident_types", id, before, after);
  return after;
}
