import { eq } from "drizzle-orm";
import type { AgencyCreateBody } from "../../../common/schemas/agencies";
import { searchKey } from "../../../common/arabic";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { withUniqueFields } from "../../db/errors";
import { nextReference } from "../../db/references";
import { AppError } from "../../http/app-error";
import { agencies, type AgencyRow } from "./agencies.table";

export const AGENCY_UNIQUE_FIELDS = { agencies_code_unique: "code" };

export function agencySearchKey(a: Pick<AgencyRow, "nameAr" | "nameEn" | "code" | "reference">) {
  return searchKey([a.nameAr, a.nameEn, a.code, a.reference]);
}

export async function createAgency(tx: Db, ctx: Ctx, input: AgencyCreateBody): Promise<AgencyRow> {
  if (input.parentId) {
    const [parent] = await tx
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.id, input.parentId));
    if (!parent)
      throw new AppError("validation_failed", { fields: [{ field: "parentId", issue: "invalid_value" }] });
  }
  const reference = await nextReference(tx, "AGY", ctx.now);
  const [row] = await withUniqueFields(AGENCY_UNIQUE_FIELDS, () =>
    tx
      .insert(agencies)
      .values({
        ...input,
        reference,
        searchKey: agencySearchKey({ ...input, reference }),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning(),
  );
  if (!row) throw new Error("insert returned nothing");
  await recordEvent(tx, ctx, "agency.create", "agencies", row.id, null, row);
  return row;
}
