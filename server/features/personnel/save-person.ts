import { eq } from "drizzle-orm";
import type { PersonCreateBody, PersonUpdateBody } from "../../../common/schemas/personnel";
import { searchKey } from "../../../common/arabic";
import type { Actor, Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { withUniqueFields } from "../../db/errors";
import { nextReference } from "../../db/references";
import { AppError } from "../../http/app-error";
import { assertActiveAgency } from "../agencies";
import { canKeepPerson } from "./personnel.policy";
import { personnel, type PersonRow } from "./personnel.table";

const UNIQUE_FIELDS = {
  personnel_service_number_uq: "serviceNumber",
  personnel_reference_unique: "reference",
};

function personSearchKey(
  p: Pick<
    PersonRow,
    "nameAr" | "nameEn" | "rank" | "positionAr" | "positionEn" | "serviceNumber" | "reference"
  >,
) {
  return searchKey([p.nameAr, p.nameEn, p.rank, p.positionAr, p.positionEn, p.serviceNumber, p.reference]);
}

export async function createPerson(tx: Db, ctx: Ctx, input: PersonCreateBody): Promise<PersonRow> {
  await assertActiveAgency(tx, ctx, input.agencyId);
  const reference = await nextReference(tx, "PRS", ctx.now);
  const [row] = await withUniqueFields(UNIQUE_FIELDS, () =>
    tx
      .insert(personnel)
      .values({
        ...input,
        reference,
        searchKey: personSearchKey({ ...input, reference }),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning(),
  );
  if (!row) throw new Error("insert returned nothing");
  await recordEvent(tx, ctx, "person.create", "personnel", row.id, null, row);
  return row;
}

async function save(tx: Db, ctx: Ctx, before: PersonRow, changes: Partial<PersonRow>, action: string) {
  const [after] = await withUniqueFields(UNIQUE_FIELDS, () =>
    tx
      .update(personnel)
      .set({ ...changes, updatedAt: ctx.now })
      .where(eq(personnel.id, before.id))
      .returning(),
  );
  if (!after) throw new AppError("not_found");
  await recordEvent(tx, ctx, action, "personnel", after.id, before, after);
  return after;
}

export async function updatePerson(
  tx: Db,
  ctx: Ctx,
  actor: Actor,
  person: PersonRow,
  input: PersonUpdateBody,
) {
  const next = { ...person, ...input };
  if (!canKeepPerson(actor, next)) throw new AppError("forbidden"); // a person is not moved out of reach
  if (input.agencyId && input.agencyId !== person.agencyId) await assertActiveAgency(tx, ctx, input.agencyId);
  return save(tx, ctx, person, { ...input, searchKey: personSearchKey(next) }, "person.update");
}

export async function setPersonActive(tx: Db, ctx: Ctx, person: PersonRow, isActive: boolean) {
  return save(tx, ctx, person, { isActive }, isActive ? "person.reactivate" : "person.deactivate");
}
