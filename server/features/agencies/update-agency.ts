import { eq } from "drizzle-orm";
import type { AgencyUpdateBody } from "../../../common/schemas/agencies";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { withUniqueFields } from "../../db/errors";
import { AppError } from "../../http/app-error";
import { agenciesPolicy } from "./agencies.policy";
import { isSelfOrDescendant } from "./agencies.queries";
import { agencies, type AgencyRow } from "./agencies.table";
import { AGENCY_UNIQUE_FIELDS, agencySearchKey } from "./create-agency";

/** Fields only an admin may change: a manager edits the names of their own agency, not its place in the tree. */
const STRUCTURAL: (keyof AgencyUpdateBody)[] = ["kind", "parentId", "code", "sensitivity"];

export async function updateAgency(
  tx: Db,
  ctx: Ctx,
  agency: AgencyRow,
  input: AgencyUpdateBody,
): Promise<AgencyRow> {
  const restructures = STRUCTURAL.some((f) => input[f] !== undefined);
  if (restructures && !(ctx.actor && agenciesPolicy.record.restructure(ctx.actor, agency))) {
    throw new AppError("forbidden");
  }
  if (input.parentId) {
    const [parent] = await tx
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.id, input.parentId));
    if (!parent)
      throw new AppError("validation_failed", { fields: [{ field: "parentId", issue: "invalid_value" }] });
    if (await isSelfOrDescendant(tx, agency.id, input.parentId)) {
      throw new AppError("invalid_parent", { fields: [{ field: "parentId", issue: "invalid" }] });
    }
  }
  const next = { ...agency, ...input };
  const [row] = await withUniqueFields(AGENCY_UNIQUE_FIELDS, () =>
    tx
      .update(agencies)
      .set({ ...input, searchKey: agencySearchKey(next), updatedAt: ctx.now })
      .where(eq(agencies.id, agency.id))
      .returning(),
  );
  if (!row) throw new AppError("not_found");
  await recordEvent(tx, ctx, "agency.update", "agencies", row.id, agency, row);
  return row;
}

export async function setAgencyActive(
  tx: Db,
  ctx: Ctx,
  agency: AgencyRow,
  isActive: boolean,
): Promise<AgencyRow> {
  const [row] = await tx
    .update(agencies)
    .set({ isActive, updatedAt: ctx.now })
    .where(eq(agencies.id, agency.id))
    .returning();
  if (!row) throw new AppError("not_found");
  await recordEvent(
    tx,
    ctx,
    isActive ? "agency.reactivate" : "agency.deactivate",
    "agencies",
    row.id,
    agency,
    row,
  );
  return row;
}
