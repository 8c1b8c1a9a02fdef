import { and, eq, inArray, max } from "drizzle-orm";
import type {
  AttendeeInput,
  AttendeeUpdateBody,
  StatementInput,
  StatementUpdateBody,
} from "../../../common/schemas/meetings";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { commitments } from "./commitments.table";
import { attendeeValues } from "./create-meeting";
import { checkIds, FieldIssues, visiblePersonnel } from "./meeting-refs";
import { visibleActiveAgencies } from "../agencies";
import {
  meetingAttendees,
  meetingStatements,
  type AttendeeRow,
  type MeetingRow,
  type StatementRow,
} from "./meetings.table";
import { savedAttendee } from "./save-commitment";
import { touchMeeting } from "./update-meeting";

// The parts of a saved meeting, edited one by one: attendees and statements added, edited, kept and ordered.
// Each change refreshes the meeting's search key and is audited on the meeting.

async function checkAttendee(
  tx: Db,
  ctx: Ctx,
  meetingId: string,
  input: Partial<Omit<AttendeeInput, "key">>,
  self: string | null,
) {
  const issues = new FieldIssues();
  const [agencyMap, people] = await Promise.all([
    visibleActiveAgencies(tx, ctx, [input.agencyId]),
    visiblePersonnel(tx, ctx, [input.personnelId]),
  ]);
  checkIds(issues, agencyMap, [["agencyId", input.agencyId]]);
  checkIds(issues, people, [["personnelId", input.personnelId]]);
  if (input.role === "host") {
    const [host] = await tx
      .select({ id: meetingAttendees.id })
      .from(meetingAttendees)
      .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.role, "host")));
    if (host && host.id !== self) issues.add("role");
  }
  issues.throwIfAny();
  return input.personnelId ? people.get(input.personnelId) : undefined;
}

export async function addAttendee(
  tx: Db,
  ctx: Ctx,
  meeting: MeetingRow,
  input: AttendeeInput,
): Promise<AttendeeRow> {
  const person = await checkAttendee(tx, ctx, meeting.id, input, null);
  const [last] = await tx
    .select({ n: max(meetingAttendees.position) })
    .from(meetingAttendees)
    .where(eq(meetingAttendees.meetingId, meeting.id));
  const [row] = await tx
    .insert(meetingAttendees)
    .values({ ...attendeeValues(input, person), meetingId: meeting.id, position: (last?.n ?? -1) + 1 })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await touchMeeting(tx, ctx, meeting);
  await recordEvent(tx, ctx, "meeting.attendee_add", "meetings", meeting.id, null, row);
  return row;
}

export async function findAttendee(tx: Db, meetingId: string, id: string): Promise<AttendeeRow> {
  const [row] = await tx
    .select()
    .from(meetingAttendees)
    .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.id, id)));
  if (!row) throw new AppError("not_found");
  return row;
}

export async function updateAttendee(
  tx: Db,
  ctx: Ctx,
  meeting: MeetingRow,
  attendee: AttendeeRow,
  input: AttendeeUpdateBody,
): Promise<AttendeeRow> {
  const person = await checkAttendee(tx, ctx, meeting.id, input, attendee.id);
  const next = { ...attendee, ...input };
  if (!next.personnelId && !next.name)
    throw new AppError("validation_failed", { fields: [{ field: "name", issue: "required" }] });
  // A newly chosen personnel record gives the name when none is written.
  const { name, ...rest } = input;
  const newName = name ?? (person && name === undefined ? person.nameAr : undefined);
  const values = {
    ...rest,
    ...(newName !== undefined ? { name: newName } : {}),
    ...(name === null ? { name: person?.nameAr ?? attendee.name } : {}),
  };
  const [after] = await tx
    .update(meetingAttendees)
    .set(values)
    .where(eq(meetingAttendees.id, attendee.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await touchMeeting(tx, ctx, meeting);
  await recordEvent(tx, ctx, "meeting.attendee_update", "meetings", meeting.id, attendee, after);
  return after;
}

/** Positions follow the order of `ids`; every id must be a part of this meeting, each once. */
function checkOrder(ids: string[], existing: { id: string }[]) {
  const known = new Set(existing.map((e) => e.id));
  const issues = new FieldIssues();
  ids.forEach((id, i) => {
    if (!known.has(id) || ids.indexOf(id) !== i) issues.add(`ids.${i}`);
  });
  issues.throwIfAny();
  return existing.filter((e) => !ids.includes(e.id));
}

/**
 * Keeps the attendees listed, in that order, and removes the others — refused (409) while a statement or a
 * commitment names one of them.
 */
export async function orderAttendees(tx: Db, ctx: Ctx, meeting: MeetingRow, ids: string[]) {
  const existing = await tx.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, meeting.id));
  const removed = checkOrder(ids, existing);
  if (removed.length) {
    const gone = removed.map((r) => r.id);
    const [statement] = await tx
      .select({ id: meetingStatements.id })
      .from(meetingStatements)
      .where(inArray(meetingStatements.speakerId, gone))
      .limit(1);
    const [commitment] = await tx
      .select({ id: commitments.id })
      .from(commitments)
      .where(inArray(commitments.ownerAttendeeId, gone))
      .limit(1);
    if (statement || commitment) throw new AppError("conflict");
    await tx.delete(meetingAttendees).where(inArray(meetingAttendees.id, gone));
  }
  for (const [position, id] of ids.entries())
    await tx.update(meetingAttendees).set({ position }).where(eq(meetingAttendees.id, id));
  await touchMeeting(tx, ctx, meeting);
  await recordEvent(tx, ctx, "meeting.attendees_order", "meetings", meeting.id, existing, { ids, removed });
}

/** Keeps the statements listed, in that order, and removes the others. */
export async function orderStatements(tx: Db, ctx: Ctx, meeting: MeetingRow, ids: string[]) {
  const existing = await tx
    .select()
    .from(meetingStatements)
    .where(eq(meetingStatements.meetingId, meeting.id));
  const removed = checkOrder(ids, existing);
  if (removed.length)
    await tx.delete(meetingStatements).where(
      inArray(
        meetingStatements.id,
        removed.map((r) => r.id),
      ),
    );
  for (const [position, id] of ids.entries())
    await tx.update(meetingStatements).set({ position }).where(eq(meetingStatements.id, id));
  await touchMeeting(tx, ctx, meeting);
  await recordEvent(tx, ctx, "meeting.statements_order", "meetings", meeting.id, existing, { ids, removed });
}

export async function addStatement(
  tx: Db,
  ctx: Ctx,
  meeting: MeetingRow,
  input: StatementInput,
): Promise<StatementRow> {
  const speaker = await savedAttendee(tx, meeting.id, input.speakerKey, "speakerKey");
  const [last] = await tx
    .select({ n: max(meetingStatements.position) })
    .from(meetingStatements)
    .where(eq(meetingStatements.meetingId, meeting.id));
  const [row] = await tx
    .insert(meetingStatements)
    .values({
      meetingId: meeting.id,
      position: (last?.n ?? -1) + 1,
      speakerId: speaker?.id ?? null,
      topic: input.topic,
      text: input.text,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await touchMeeting(tx, ctx, meeting);
  await recordEvent(tx, ctx, "meeting.statement_add", "meetings", meeting.id, null, row);
  return row;
}

export async function findStatement(tx: Db, meetingId: string, id: string): Promise<StatementRow> {
  const [row] = await tx
    .select()
    .from(meetingStatements)
    .where(and(eq(meetingStatements.meetingId, meetingId), eq(meetingStatements.id, id)));
  if (!row) throw new AppError("not_found");
  return row;
}

export async function updateStatement(
  tx: Db,
  ctx: Ctx,
  meeting: MeetingRow,
  statement: StatementRow,
  input: StatementUpdateBody,
): Promise<StatementRow> {
  const { speakerKey, ...fields } = input;
  const speaker =
    speakerKey === undefined ? undefined : await savedAttendee(tx, meeting.id, speakerKey, "speakerKey");
  const [after] = await tx
    .update(meetingStatements)
    .set({ ...fields, ...(speaker !== undefined ? { speakerId: speaker?.id ?? null } : {}) })
    .where(eq(meetingStatements.id, statement.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await touchMeeting(tx, ctx, meeting);
  await recordEvent(tx, ctx, "meeting.statement_update", "meetings", meeting.id, statement, after);
  return after;
}
