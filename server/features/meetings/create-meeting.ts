import { searchKey } from "../../../common/arabic";
import { zonedDay } from "../../../common/dates";
import { DISTRICTS } from "../../../common/districts";
import type { AttendeeInput, MeetingCreateBody } from "../../../common/schemas/meetings";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { nextReference } from "../../db/references";
import { publishMeetingChange } from "./commitment-events";
import { checkIds, FieldIssues, visiblePersonnel } from "./meeting-refs";
import { visibleActiveAgencies } from "../agencies";
import {
  meetingAgendaItems,
  meetingAttendees,
  meetingStatements,
  meetings,
  type AttendeeRow,
  type MeetingRow,
} from "./meetings.table";
import type { PersonRow } from "../personnel";
import { insertCommitment } from "./save-commitment";
import { honourNames, insertHonour } from "./save-honour";

/** What a meeting is found by: its reference, titles, place, summary, agenda and the people at it. */
export function meetingSearchKey(
  m: Pick<MeetingRow, "reference" | "titleAr" | "titleEn" | "placeText" | "districtPcode" | "summary">,
  attendees: Pick<AttendeeRow, "name" | "title" | "affiliation">[],
  agenda: string[],
) {
  const district = DISTRICTS.find((d) => d.pcode === m.districtPcode);
  return searchKey([
    m.reference,
    m.titleAr,
    m.titleEn,
    m.placeText,
    district?.nameAr,
    district?.nameEn,
    m.summary,
    ...agenda,
    ...attendees.flatMap((a) => [a.name, a.title, a.affiliation]),
  ]);
}

/** An attendee's stored values: what was written, completed from the personnel record. */
export function attendeeValues(input: Omit<AttendeeInput, "key">, person: PersonRow | undefined) {
  return {
    personnelId: input.personnelId,
    name: input.name ?? person?.nameAr ?? "",
    title: input.title ?? person?.positionAr ?? null,
    rank: input.rank ?? person?.rank ?? null,
    affiliation: input.affiliation,
    agencyId: input.agencyId ?? person?.agencyId ?? null,
    role: input.role,
  };
}

/** Checks every reference of a meeting to create, naming each bad field: nothing is written when one fails. */
async function checkMeeting(tx: Db, ctx: Ctx, input: MeetingCreateBody) {
  const issues = new FieldIssues();
  const [agencyMap, people] = await Promise.all([
    visibleActiveAgencies(tx, ctx, [
      input.agencyId,
      input.hostAgencyId,
      ...input.attendees.map((a) => a.agencyId),
      ...input.commitments.map((c) => c.ownerAgencyId),
      ...input.honours.flatMap((h) => [h.recipientAgencyId, h.giverAgencyId]),
    ]),
    visiblePersonnel(tx, ctx, [
      ...input.attendees.map((a) => a.personnelId),
      ...input.honours.flatMap((h) => [h.recipientPersonId, h.giverPersonId]),
    ]),
  ]);
  checkIds(issues, agencyMap, [
    ["agencyId", input.agencyId],
    ["hostAgencyId", input.hostAgencyId],
  ]);
  const keys = new Map<string, number>();
  let hosts = 0;
  input.attendees.forEach((a, i) => {
    checkIds(issues, agencyMap, [[`attendees.${i}.agencyId`, a.agencyId]]);
    checkIds(issues, people, [[`attendees.${i}.personnelId`, a.personnelId]]);
    if (a.key !== null) {
      if (keys.has(a.key)) issues.add(`attendees.${i}.key`, "duplicate");
      else keys.set(a.key, i);
    }
    if (a.role === "host" && ++hosts > 1) issues.add(`attendees.${i}.role`);
  });
  const checkKey = (field: string, key: string | null) => {
    if (key !== null && !keys.has(key)) issues.add(field);
  };
  input.statements.forEach((s, i) => checkKey(`statements.${i}.speakerKey`, s.speakerKey));
  input.commitments.forEach((c, i) => {
    checkKey(`commitments.${i}.ownerKey`, c.ownerKey);
    checkIds(issues, agencyMap, [[`commitments.${i}.ownerAgencyId`, c.ownerAgencyId]]);
  });
  input.honours.forEach((h, i) => {
    checkKey(`honours.${i}.recipientKey`, h.recipientKey);
    checkKey(`honours.${i}.giverKey`, h.giverKey);
    checkIds(issues, agencyMap, [
      [`honours.${i}.recipientAgencyId`, h.recipientAgencyId],
      [`honours.${i}.giverAgencyId`, h.giverAgencyId],
    ]);
    checkIds(issues, people, [
      [`honours.${i}.recipientPersonId`, h.recipientPersonId],
      [`honours.${i}.giverPersonId`, h.giverPersonId],
    ]);
  });
  if (input.endsAt && Date.parse(input.endsAt) < Date.parse(input.startsAt))
    issues.add("endsAt", "too_small");
  issues.throwIfAny();
  return { agencyMap, people, keys };
}

/**
 * Records a meeting with all its parts in the caller's transaction: attendees (personnel or guests), agenda,
 * statements, commitments (each `CMT-…`, its owner agency told) and honours (each `HON-…`, with the meeting's
 * agency and sensitivity). Parts refer to attendees by their `key` in the input. Every reference is checked
 * first; a bad one refuses the whole meeting.
 */
export async function createMeeting(tx: Db, ctx: Ctx, input: MeetingCreateBody): Promise<MeetingRow> {
  const { agencyMap, people } = await checkMeeting(tx, ctx, input);
  const reference = await nextReference(tx, "MTG", ctx.now);
  const attendeeValuesList = input.attendees.map((a) =>
    attendeeValues(a, a.personnelId ? people.get(a.personnelId) : undefined),
  );
  const fields = {
    agencyId: input.agencyId,
    titleAr: input.titleAr,
    titleEn: input.titleEn,
    startsAt: new Date(input.startsAt),
    endsAt: input.endsAt ? new Date(input.endsAt) : null,
    districtPcode: input.districtPcode,
    placeText: input.placeText,
    hostAgencyId: input.hostAgencyId,
    summary: input.summary,
    sourceText: input.sourceText,
    sensitivity: input.sensitivity,
  };
  const [meeting] = await tx
    .insert(meetings)
    .values({
      ...fields,
      reference,
      searchKey: meetingSearchKey({ ...fields, reference }, attendeeValuesList, input.agenda),
      createdBy: ctx.actor?.userId ?? null,
      updatedBy: ctx.actor?.userId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!meeting) throw new Error("insert returned nothing");

  const agenda = input.agenda.length
    ? await tx
        .insert(meetingAgendaItems)
        .values(input.agenda.map((text, position) => ({ meetingId: meeting.id, position, text })))
        .returning()
    : [];
  const attendees = attendeeValuesList.length
    ? await tx
        .insert(meetingAttendees)
        .values(attendeeValuesList.map((a, position) => ({ ...a, meetingId: meeting.id, position })))
        .returning()
    : [];
  const byKey = new Map<string, AttendeeRow>();
  input.attendees.forEach((a, i) => {
    if (a.key !== null) byKey.set(a.key, attendees[i]!);
  });
  const attendeeOf = (key: string | null) => (key === null ? undefined : byKey.get(key));

  const statements = input.statements.length
    ? await tx
        .insert(meetingStatements)
        .values(
          input.statements.map((s, position) => ({
            meetingId: meeting.id,
            position,
            speakerId: attendeeOf(s.speakerKey)?.id ?? null,
            topic: s.topic,
            text: s.text,
          })),
        )
        .returning()
    : [];
  await recordEvent(tx, ctx, "meeting.create", "meetings", meeting.id, null, {
    ...meeting,
    agenda,
    attendees,
    statements,
  });

  for (const [position, c] of input.commitments.entries()) {
    const owner = attendeeOf(c.ownerKey);
    await insertCommitment(
      tx,
      ctx,
      meeting,
      c,
      { attendeeId: owner?.id ?? null, name: owner?.name ?? null },
      position,
    );
  }

  for (const h of input.honours) {
    const recipient = attendeeOf(h.recipientKey);
    const giver = attendeeOf(h.giverKey);
    const resolved = {
      ...h,
      recipientPersonId: h.recipientPersonId ?? recipient?.personnelId ?? null,
      recipientName: h.recipientName ?? recipient?.name ?? null,
      giverPersonId: h.giverPersonId ?? giver?.personnelId ?? null,
      giverName: h.giverName ?? giver?.name ?? null,
    };
    const names = honourNames(resolved, { agencyMap, people });
    const { recipientKey: _r, giverKey: _g, ...values } = resolved;
    await insertHonour(tx, ctx, {
      ...values,
      ...names,
      recipientTitle: h.recipientTitle ?? recipient?.title ?? names.recipientTitle,
      awardedOn: h.awardedOn ?? zonedDay(meeting.startsAt),
      meetingId: meeting.id,
      agencyId: meeting.agencyId,
      sensitivity: meeting.sensitivity,
    });
  }
  await publishMeetingChange(tx, meeting.id);
  return meeting;
}
