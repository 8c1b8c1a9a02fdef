import { asc, eq } from "drizzle-orm";
import type { MeetingUpdateBody } from "../../../common/schemas/meetings";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { publishMeetingChange } from "./commitment-events";
import { meetingSearchKey } from "./create-meeting";
import { checkIds, FieldIssues } from "./meeting-refs";
import { visibleActiveAgencies } from "../agencies";
import { honours } from "./honours.table";
import { meetingAgendaItems, meetingAttendees, meetings, type MeetingRow } from "./meetings.table";

/** Recomputes the meeting's search key from its fields, attendees and agenda, and marks it updated. */
export async function touchMeeting(tx: Db, ctx: Ctx, meeting: MeetingRow, changes: Partial<MeetingRow> = {}) {
  const next = { ...meeting, ...changes };
  const [attendees, agenda] = await Promise.all([
    tx.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, meeting.id)),
    tx
      .select()
      .from(meetingAgendaItems)
      .where(eq(meetingAgendaItems.meetingId, meeting.id))
      .orderBy(asc(meetingAgendaItems.position)),
  ]);
  const [after] = await tx
    .update(meetings)
    .set({
      ...changes,
      searchKey: meetingSearchKey(
        next,
        attendees,
        agenda.map((a) => a.text),
      ),
      updatedBy: ctx.actor?.userId ?? null,
      updatedAt: ctx.now,
    })
    .where(eq(meetings.id, meeting.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await publishMeetingChange(tx, meeting.id);
  return after;
}

/**
 * Edits the meeting's own fields; `agenda` replaces the list. A change of sensitivity carries to the honours given
 * at the meeting, so that a meeting made restricted does not leave its honours in view.
 */
export async function updateMeeting(
  tx: Db,
  ctx: Ctx,
  meeting: MeetingRow,
  input: MeetingUpdateBody,
): Promise<MeetingRow> {
  const issues = new FieldIssues();
  checkIds(issues, await visibleActiveAgencies(tx, ctx, [input.hostAgencyId]), [
    ["hostAgencyId", input.hostAgencyId],
  ]);
  const startsAt = input.startsAt ? new Date(input.startsAt) : meeting.startsAt;
  const endsAt = input.endsAt === undefined ? meeting.endsAt : input.endsAt ? new Date(input.endsAt) : null;
  if (endsAt && endsAt < startsAt) issues.add("endsAt", "too_small");
  issues.throwIfAny();
  const { agenda, startsAt: _s, endsAt: _e, ...fields } = input;
  if (agenda) {
    await tx.delete(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meeting.id));
    if (agenda.length)
      await tx
        .insert(meetingAgendaItems)
        .values(agenda.map((text, position) => ({ meetingId: meeting.id, position, text })));
  }
  if (input.sensitivity && input.sensitivity !== meeting.sensitivity) {
    // Each honour's change is its own audit event, like any edit of it.
    const before = await tx.select().from(honours).where(eq(honours.meetingId, meeting.id)).for("update");
    const changed = await tx
      .update(honours)
      .set({ sensitivity: input.sensitivity, updatedAt: ctx.now })
      .where(eq(honours.meetingId, meeting.id))
      .returning();
    for (const after of changed)
      await recordEvent(
        tx,
        ctx,
        "honour.update",
        "honours",
        after.id,
        before.find((b) => b.id === after.id) ?? null,
        after,
      );
  }
  const after = await touchMeeting(tx, ctx, meeting, { ...fields, startsAt, endsAt });
  await recordEvent(tx, ctx, "meeting.update", "meetings", meeting.id, meeting, { ...after, agenda });
  return after;
}
