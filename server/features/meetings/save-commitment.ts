import { and, eq, max } from "drizzle-orm";
import { searchKey } from "../../../common/arabic";
import type { CommitmentInput, CommitmentUpdateBody } from "../../../common/schemas/meetings";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { nextReference } from "../../db/references";
import { AppError } from "../../http/app-error";
import { notifyCommitmentKeepers, publishMeetingChange } from "./commitment-events";
import type { CommitmentRecord } from "./commitments.policy";
import { commitments, type CommitmentRow } from "./commitments.table";
import { checkIds, FieldIssues } from "./meeting-refs";
import { visibleActiveAgencies } from "../agencies";
import { meetingAttendees, type MeetingRow } from "./meetings.table";

export const commitmentSearchKey = (c: { reference: string; text: string; ownerName?: string | null }) =>
  searchKey([c.reference, c.text, c.ownerName]);

/** Inserts a checked commitment as `open`, audits it and tells its keeping agency. */
export async function insertCommitment(
  tx: Db,
  ctx: Ctx,
  meeting: Pick<MeetingRow, "id" | "agencyId">,
  input: Omit<CommitmentInput, "ownerKey">,
  owner: { attendeeId: string | null; name: string | null },
  position: number,
): Promise<CommitmentRow> {
  const reference = await nextReference(tx, "CMT", ctx.now);
  const [row] = await tx
    .insert(commitments)
    .values({
      meetingId: meeting.id,
      position,
      reference,
      text: input.text,
      ownerAgencyId: input.ownerAgencyId,
      ownerAttendeeId: owner.attendeeId,
      dueOn: input.dueOn,
      topic: input.topic,
      searchKey: commitmentSearchKey({ reference, text: input.text, ownerName: owner.name }),
      createdBy: ctx.actor?.userId ?? null,
      updatedBy: ctx.actor?.userId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await recordEvent(tx, ctx, "commitment.create", "commitments", row.id, null, row);
  if (row.ownerAgencyId)
    await notifyCommitmentKeepers(tx, ctx, row, row.ownerAgencyId, "commitment_assigned");
  return row;
}

/** The attendee a key names on a saved meeting: its id. */
export async function attendeeOf(tx: Db, meetingId: string, key: string) {
  const [row] = await tx
    .select()
    .from(meetingAttendees)
    .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.id, key)));
  return row ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A saved attendee of this meeting named by its id (a key that is not a uuid names no saved attendee). */
export async function savedAttendee(tx: Db, meetingId: string, key: string | null, field: string) {
  if (key === null) return null;
  const row = UUID.test(key) ? await attendeeOf(tx, meetingId, key) : null;
  if (!row) throw new AppError("validation_failed", { fields: [{ field, issue: "invalid_value" }] });
  return row;
}

/** Adds a commitment to a saved meeting, after its others. */
export async function addCommitment(
  tx: Db,
  ctx: Ctx,
  meeting: MeetingRow,
  input: CommitmentInput,
): Promise<CommitmentRow> {
  const issues = new FieldIssues();
  checkIds(issues, await visibleActiveAgencies(tx, ctx, [input.ownerAgencyId]), [
    ["ownerAgencyId", input.ownerAgencyId],
  ]);
  issues.throwIfAny();
  const owner = await savedAttendee(tx, meeting.id, input.ownerKey, "ownerKey");
  const [last] = await tx
    .select({ n: max(commitments.position) })
    .from(commitments)
    .where(eq(commitments.meetingId, meeting.id));
  const row = await insertCommitment(
    tx,
    ctx,
    meeting,
    input,
    { attendeeId: owner?.id ?? null, name: owner?.name ?? null },
    (last?.n ?? -1) + 1,
  );
  await publishMeetingChange(tx, meeting.id);
  return row;
}

/** Edits an open commitment's text, owner, due date or topic; a new owner agency is told. */
export async function updateCommitment(
  tx: Db,
  ctx: Ctx,
  c: CommitmentRecord,
  input: CommitmentUpdateBody,
): Promise<void> {
  const issues = new FieldIssues();
  checkIds(issues, await visibleActiveAgencies(tx, ctx, [input.ownerAgencyId]), [
    ["ownerAgencyId", input.ownerAgencyId],
  ]);
  issues.throwIfAny();
  const { ownerKey, ...fields } = input;
  const owner =
    ownerKey === undefined
      ? { id: c.ownerAttendeeId, name: c.ownerName }
      : await savedAttendee(tx, c.meetingId, ownerKey, "ownerKey");
  const [after] = await tx
    .update(commitments)
    .set({
      ...fields,
      ...(ownerKey !== undefined ? { ownerAttendeeId: owner?.id ?? null } : {}),
      searchKey: commitmentSearchKey({
        reference: c.reference,
        text: fields.text ?? c.text,
        ownerName: owner?.name ?? null,
      }),
      updatedBy: ctx.actor?.userId ?? null,
      updatedAt: ctx.now,
    })
    .where(eq(commitments.id, c.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await recordEvent(tx, ctx, "commitment.update", "commitments", c.id, stripRecord(c), after);
  if (after.ownerAgencyId && after.ownerAgencyId !== c.ownerAgencyId)
    await notifyCommitmentKeepers(tx, ctx, after, after.ownerAgencyId, "commitment_assigned");
  await publishMeetingChange(tx, c.meetingId);
}

/** The stored columns of a commitment record (without what was joined to it), for the audit log. */
export function stripRecord(
  c: CommitmentRow & Partial<Omit<CommitmentRecord, keyof CommitmentRow>>,
): CommitmentRow {
  const { meeting: _m, meetingVisible: _v, ownerName: _o, ...row } = c;
  return row;
}
