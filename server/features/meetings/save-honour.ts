import { eq } from "drizzle-orm";
import { searchKey } from "../../../common/arabic";
import type { HonourCreateBody, HonourUpdateBody } from "../../../common/schemas/meetings";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { nextReference } from "../../db/references";
import { AppError } from "../../http/app-error";
import { checkIds, FieldIssues, visiblePersonnel } from "./meeting-refs";
import { visibleActiveAgencies } from "../agencies";
import { honours, type HonourRow } from "./honours.table";

type HonourFields = Omit<HonourCreateBody, "awardedOn" | "meetingId" | "agencyId" | "sensitivity">;

export const honourSearchKey = (
  h: Pick<HonourRow, "reference" | "title" | "recipientName" | "recipientTitle" | "giverName" | "reason">,
) => searchKey([h.reference, h.title, h.recipientName, h.recipientTitle, h.giverName, h.reason]);

/** Checks the people and agencies an honour refers to (each must exist, be active and visible). */
export async function checkHonourRefs(
  tx: Db,
  ctx: Ctx,
  h: Partial<HonourFields>,
  issues: FieldIssues,
  prefix = "",
) {
  const [agencyMap, people] = await Promise.all([
    visibleActiveAgencies(tx, ctx, [h.recipientAgencyId, h.giverAgencyId]),
    visiblePersonnel(tx, ctx, [h.recipientPersonId, h.giverPersonId]),
  ]);
  checkIds(issues, agencyMap, [
    [`${prefix}recipientAgencyId`, h.recipientAgencyId],
    [`${prefix}giverAgencyId`, h.giverAgencyId],
  ]);
  checkIds(issues, people, [
    [`${prefix}recipientPersonId`, h.recipientPersonId],
    [`${prefix}giverPersonId`, h.giverPersonId],
  ]);
  return { agencyMap, people };
}

/** Names taken from the person or agency when not written: the register shows a name for every honour. */
export function honourNames(
  h: Pick<
    HonourFields,
    "recipientPersonId" | "recipientAgencyId" | "recipientName" | "giverPersonId" | "giverName"
  >,
  refs: Awaited<ReturnType<typeof checkHonourRefs>>,
) {
  const recipientPerson = h.recipientPersonId ? refs.people.get(h.recipientPersonId) : undefined;
  const recipientAgency = h.recipientAgencyId ? refs.agencyMap.get(h.recipientAgencyId) : undefined;
  const giverPerson = h.giverPersonId ? refs.people.get(h.giverPersonId) : undefined;
  return {
    recipientName: h.recipientName ?? recipientPerson?.nameAr ?? recipientAgency?.nameAr ?? "",
    recipientTitle: recipientPerson?.positionAr ?? null,
    giverName: h.giverName ?? giverPerson?.nameAr ?? null,
  };
}

/** Inserts a checked honour: reference, search key, audit event. */
export async function insertHonour(
  tx: Db,
  ctx: Ctx,
  values: Omit<typeof honours.$inferInsert, "reference" | "searchKey" | "createdAt" | "updatedAt">,
): Promise<HonourRow> {
  const reference = await nextReference(tx, "HON", ctx.now);
  const [row] = await tx
    .insert(honours)
    .values({
      ...values,
      reference,
      searchKey: honourSearchKey({
        reference,
        title: values.title,
        recipientName: values.recipientName,
        recipientTitle: values.recipientTitle ?? null,
        giverName: values.giverName ?? null,
        reason: values.reason ?? null,
      }),
      createdBy: ctx.actor?.userId ?? null,
      updatedBy: ctx.actor?.userId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await recordEvent(tx, ctx, "honour.create", "honours", row.id, null, row);
  return row;
}

/** An honour on its own (the meeting, when given, is checked by the caller: visible and editable). */
export async function createHonour(tx: Db, ctx: Ctx, input: HonourCreateBody): Promise<HonourRow> {
  const issues = new FieldIssues();
  const [own, refs] = await Promise.all([
    visibleActiveAgencies(tx, ctx, [input.agencyId]),
    checkHonourRefs(tx, ctx, input, issues),
  ]);
  checkIds(issues, own, [["agencyId", input.agencyId]]);
  issues.throwIfAny();
  const names = honourNames(input, refs);
  return insertHonour(tx, ctx, {
    ...input,
    ...names,
    recipientTitle: input.recipientTitle ?? names.recipientTitle,
  });
}

/**
 * Edits an honour. A recipient or giver changed without a name, or a name cleared, takes the name of the person
 * or agency it refers to.
 */
export async function updateHonour(
  tx: Db,
  ctx: Ctx,
  honour: HonourRow,
  input: HonourUpdateBody,
): Promise<HonourRow> {
  const issues = new FieldIssues();
  await checkHonourRefs(tx, ctx, input, issues);
  issues.throwIfAny();
  const next = { ...honour, ...input };
  // Names of what the honour now refers to (already checked above when changed).
  const derived = honourNames(
    { ...next, recipientName: null, giverName: null },
    await checkHonourRefs(tx, ctx, next, new FieldIssues()),
  );
  const recipientChanged = "recipientPersonId" in input || "recipientAgencyId" in input;
  const recipientName =
    input.recipientName ??
    (input.recipientName === null || recipientChanged ? derived.recipientName : honour.recipientName);
  if (!recipientName)
    throw new AppError("validation_failed", { fields: [{ field: "recipientName", issue: "required" }] });
  const giverName =
    input.giverName ??
    (input.giverName === null || "giverPersonId" in input ? derived.giverName : honour.giverName);
  const changes = { ...input, recipientName, giverName };
  const [after] = await tx
    .update(honours)
    .set({
      ...changes,
      searchKey: honourSearchKey({ ...next, ...changes }),
      updatedBy: ctx.actor?.userId ?? null,
      updatedAt: ctx.now,
    })
    .where(eq(honours.id, honour.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await recordEvent(tx, ctx, "honour.update", "honours", after.id, honour, after);
  return after;
}
