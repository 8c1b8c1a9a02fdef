import { zonedDay } from "../../../common/dates";
import type {
  Attendee,
  Commitment,
  Honour,
  Meeting,
  MeetingDetail,
  Statement,
} from "../../../common/schemas/meetings";
import type { Actor } from "../../authz/actor";
import { abilitiesFor } from "../../authz/engine";
import { commitmentsPolicy, isOpenCommitment, type CommitmentRecord } from "./commitments.policy";
import type { HonourRow } from "./honours.table";
import { honoursPolicy, meetingsPolicy } from "./meetings.policy";
import type { MeetingParts } from "./meetings.queries";
import type { AttendeeRow, MeetingRow, StatementRow } from "./meetings.table";

export function isCommitmentOverdue(c: Pick<CommitmentRecord, "status" | "dueOn">, now: Date) {
  return isOpenCommitment(c) && c.dueOn !== null && c.dueOn < zonedDay(now);
}

export function presentMeeting(row: MeetingRow, host: AttendeeRow | undefined, actor: Actor): Meeting {
  return {
    id: row.id,
    reference: row.reference,
    agencyId: row.agencyId,
    titleAr: row.titleAr,
    titleEn: row.titleEn,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    districtPcode: row.districtPcode,
    placeText: row.placeText,
    hostAttendeeId: host?.id ?? null,
    hostPersonId: host?.personnelId ?? null,
    hostName: host?.name ?? null,
    hostAgencyId: row.hostAgencyId ?? host?.agencyId ?? null,
    summary: row.summary,
    sensitivity: row.sensitivity,
    hasSource: row.sourceText !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: abilitiesFor(actor, meetingsPolicy, row),
  };
}

export const presentAttendee = (a: AttendeeRow): Attendee => ({
  id: a.id,
  personnelId: a.personnelId,
  name: a.name,
  title: a.title,
  rank: a.rank,
  affiliation: a.affiliation,
  agencyId: a.agencyId,
  role: a.role,
  position: a.position,
});

export const presentStatement = (s: StatementRow): Statement => ({
  id: s.id,
  speakerId: s.speakerId,
  topic: s.topic,
  text: s.text,
  position: s.position,
});

export function presentCommitment(c: CommitmentRecord, actor: Actor, now: Date): Commitment {
  return {
    id: c.id,
    reference: c.reference,
    meetingId: c.meetingId,
    meeting: c.meetingVisible
      ? {
          id: c.meeting.id,
          reference: c.meeting.reference,
          titleAr: c.meeting.titleAr,
          titleEn: c.meeting.titleEn,
          startsAt: c.meeting.startsAt.toISOString(),
          agencyId: c.meeting.agencyId,
        }
      : null,
    text: c.text,
    ownerAgencyId: c.ownerAgencyId,
    ownerAttendeeId: c.ownerAttendeeId,
    ownerName: c.ownerName,
    dueOn: c.dueOn,
    topic: c.topic,
    status: c.status,
    statusReason: c.statusReason,
    isOverdue: isCommitmentOverdue(c, now),
    taskId: c.taskId,
    needId: c.needId,
    position: c.position,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    abilities: abilitiesFor(actor, commitmentsPolicy, c),
  };
}

export function presentHonour(h: HonourRow, actor: Actor): Honour {
  return {
    id: h.id,
    reference: h.reference,
    kind: h.kind,
    title: h.title,
    reason: h.reason,
    awardedOn: h.awardedOn,
    recipientPersonId: h.recipientPersonId,
    recipientAgencyId: h.recipientAgencyId,
    recipientName: h.recipientName,
    recipientTitle: h.recipientTitle,
    giverPersonId: h.giverPersonId,
    giverAgencyId: h.giverAgencyId,
    giverName: h.giverName,
    meetingId: h.meetingId,
    agencyId: h.agencyId,
    sensitivity: h.sensitivity,
    createdAt: h.createdAt.toISOString(),
    updatedAt: h.updatedAt.toISOString(),
    abilities: abilitiesFor(actor, honoursPolicy, h),
  };
}

export function presentMeetingDetail(
  row: MeetingRow,
  parts: MeetingParts,
  actor: Actor,
  now: Date,
): MeetingDetail {
  const host = parts.attendees.find((a) => a.role === "host");
  return {
    ...presentMeeting(row, host, actor),
    sourceText: row.sourceText,
    agenda: parts.agenda.map((a) => ({ id: a.id, text: a.text, position: a.position })),
    attendees: parts.attendees.map(presentAttendee),
    statements: parts.statements.map(presentStatement),
    commitments: parts.commitments.map((c) => presentCommitment(c, actor, now)),
    honours: parts.honours.map((h) => presentHonour(h, actor)),
  };
}
