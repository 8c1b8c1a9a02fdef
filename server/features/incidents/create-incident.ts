import { eq } from "drizzle-orm";
import { searchKey } from "../../../common/arabic";
import type { IncidentSource, IncidentStatus } from "../../../common/enums";
import type { IncidentCreateBody, IncidentUpdateBody } from "../../../common/schemas/incidents";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { nextReference } from "../../db/references";
import { publishChange } from "../../live/publish-change";
import { AppError } from "../../http/app-error";
import { assertActiveAgency } from "../agencies";
import { addIncidentHistory } from "./incident-history";
import type { IncidentSubject } from "./incidents.policy";
import { findActiveType } from "./incidents.queries";
import { incidents, type IncidentRow, type IncidentTypeRow } from "./incidents.table";

/** Where an incident came from, for imports and conversions (a typed incident needs none of it). */
export type IncidentOrigin = {
  source?: IncidentSource;
  sourceId?: string | null;
  sourceUrl?: string | null;
  /** When it was reported (defaults to now). */
  reportedAt?: Date;
  /** The status it starts at (imports of closed events); defaults to open. */
  status?: IncidentStatus;
};

type Searchable = Pick<IncidentRow, "reference" | "placeName" | "narrative" | "sourceId">;
export const incidentSearchKey = (i: Searchable, type: Pick<IncidentTypeRow, "nameAr" | "nameEn">) =>
  searchKey([i.reference, type.nameAr, type.nameEn, i.placeName, i.narrative, i.sourceId]);

/** The day in Africa/Tripoli of an instant, as YYYY-MM-DD. */
export const tripoliDayOf = (now: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Tripoli" }).format(now);

function assertNotFuture(ctx: Ctx, occurredOn: string | undefined) {
  if (occurredOn && occurredOn > tripoliDayOf(ctx.now))
    throw new AppError("validation_failed", { fields: [{ field: "occurredOn", issue: "in_future" }] });
}

/**
 * Records an incident: checks its agency and type, takes its INC-YYYY-NNNNNN reference, writes its first
 * timeline line and one audit event, all in the caller's transaction. Permission is the caller's business (the
 * route asks the policy; a feature converting its own record into an incident asks its own policy first).
 */
export async function createIncident(
  tx: Db,
  ctx: Ctx,
  input: IncidentCreateBody,
  origin: IncidentOrigin = {},
): Promise<IncidentSubject> {
  await assertActiveAgency(tx, ctx, input.agencyId);
  const type = await findActiveType(tx, input.typeId);
  assertNotFuture(ctx, input.occurredOn);
  const reference = await nextReference(tx, "INC", ctx.now);
  const status = origin.status ?? "open";
  const sourceId = origin.sourceId ?? null;
  const [row] = await tx
    .insert(incidents)
    .values({
      ...input,
      reference,
      status,
      source: origin.source ?? "tansiq",
      sourceId,
      sourceUrl: origin.sourceUrl ?? null,
      reportedAt: origin.reportedAt ?? ctx.now,
      searchKey: incidentSearchKey({ ...input, reference, sourceId }, type),
      createdBy: ctx.actor?.userId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await addIncidentHistory(tx, ctx, row.id, "create", null, status);
  await recordEvent(tx, ctx, "incident.create", "incidents", row.id, null, row);
  await publishChange(tx, { entity: "incident", id: row.id });
  return { ...row, typeGroup: type.group };
}

/** Edits an incident's facts and outcomes (not its status: that is a step). */
export async function updateIncident(
  tx: Db,
  ctx: Ctx,
  incident: IncidentSubject,
  input: IncidentUpdateBody,
): Promise<IncidentSubject> {
  const type = await findActiveType(tx, input.typeId ?? incident.typeId);
  assertNotFuture(ctx, input.occurredOn);
  const next = { ...incident, ...input };
  if (next.nationalities.reduce((s, n) => s + n.count, 0) > next.intercepted)
    throw new AppError("validation_failed", { fields: [{ field: "nationalities", issue: "invalid" }] });
  if ((next.latitude === null) !== (next.longitude === null))
    throw new AppError("validation_failed", { fields: [{ field: "latitude", issue: "required" }] });
  const [after] = await tx
    .update(incidents)
    .set({ ...input, searchKey: incidentSearchKey(next, type), updatedAt: ctx.now })
    .where(eq(incidents.id, incident.id))
    .returning();
  if (!after) throw new AppError("not_found");
  const { typeGroup: _group, ...before } = incident;
  await recordEvent(tx, ctx, "incident.update", "incidents", after.id, before, after);
  await publishChange(tx, { entity: "incident", id: after.id });
  return { ...after, typeGroup: type.group };
}
