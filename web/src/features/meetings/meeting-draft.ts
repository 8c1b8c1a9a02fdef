// A meeting being written in the browser: the import review (a proposal the user corrects) and the
// hand-made create form edit the same draft, and one pure mapping turns it into the create request.
// Nothing proposed is linked on its own: an attendee is linked to a personnel record, and a commitment to
// an owner agency, only when the user picked one.

import type { z } from "zod";
import { startOfZonedDay, zonedDay } from "../../../../common/dates";
import { DISTRICT_PCODES, type DistrictPcode } from "../../../../common/districts";
import type { AttendeeRole, CommitmentTopic, HonourKind, Sensitivity } from "../../../../common/enums";
import type {
  MeetingCreateBody,
  MeetingDetail,
  MeetingExtractResponse,
  MeetingUpdateBody,
} from "../../../../common/schemas/meetings";

export type Proposal = MeetingExtractResponse["data"]["proposal"];
export type Span = { start: number; end: number };
export type Match = { id: string; name: string; score: number; exact: boolean };

export type DraftAttendee = {
  /** The proposal's person id ("p1") or a new key ("n3"): what statements, commitments and honours refer to. */
  key: string;
  role: AttendeeRole;
  /** The personnel record the user picked; null keeps the person as an external guest. */
  personnelId: string | null;
  /** The picked record's name, to show what the attendee is linked to. */
  linkedName: string | null;
  name: string;
  title: string;
  rank: string;
  affiliation: string;
  /** Proposed personnel records (only proposals: never linked unless picked). */
  matches: Match[];
  span: Span | null;
};

export type DraftAgendaItem = { key: string; text: string; span: Span | null };

export type DraftStatement = {
  key: string;
  speakerKey: string | null;
  topic: string;
  text: string;
  span: Span | null;
};

export type DraftCommitment = {
  key: string;
  text: string;
  ownerKey: string | null;
  ownerAgencyId: string | null;
  /** YYYY-MM-DD or "". */
  dueOn: string;
  topic: CommitmentTopic | null;
  /** Agencies the owner body written in the text may be (proposals only). */
  agencyMatches: Match[];
  /** The owner body as written ("مجلس النواب"), to help the user pick the agency. */
  ownerBody: string | null;
  span: Span | null;
};

export type DraftHonour = {
  key: string;
  kind: HonourKind;
  title: string;
  reason: string;
  /** An attendee of this meeting, else the name as written in `recipientName`. */
  recipientKey: string | null;
  recipientName: string;
  recipientTitle: string;
  giverKey: string | null;
  giverName: string;
  span: Span | null;
};

export type MeetingDraft = {
  agencyId: string;
  titleAr: string;
  titleEn: string;
  /** The day (YYYY-MM-DD) and times (HH:MM) in Africa/Tripoli. */
  day: string;
  time: string;
  endTime: string;
  districtPcode: DistrictPcode | null;
  placeText: string;
  hostAgencyId: string | null;
  summary: string;
  sensitivity: Sensitivity;
  agenda: DraftAgendaItem[];
  attendees: DraftAttendee[];
  statements: DraftStatement[];
  commitments: DraftCommitment[];
  honours: DraftHonour[];
  /** The report the meeting is imported from (kept with the meeting), or null for a meeting made by hand. */
  sourceText: string | null;
};

/** When a report says only "in the morning" etc., the meeting is put at this hour (the user corrects it). */
export const PART_OF_DAY_TIMES: Record<string, string> = {
  morning: "10:00",
  noon: "12:00",
  afternoon: "15:00",
  evening: "18:00",
  night: "20:00",
};

/** One line, as the API's one-line fields want it (the extractor's sentences may span line breaks). */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** A gazetteer district code, or null for anything else. */
export function asDistrict(code: string | null): DistrictPcode | null {
  return DISTRICT_PCODES.find((d) => d === code) ?? null;
}

let counter = 0;
/** A key for an item added in the browser; unique within the page. */
export function newKey(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}`;
}

export function emptyDraft(agencyId: string, now: Date = new Date()): MeetingDraft {
  return {
    agencyId,
    titleAr: "",
    titleEn: "",
    day: zonedDay(now),
    time: "10:00",
    endTime: "",
    districtPcode: null,
    placeText: "",
    hostAgencyId: null,
    summary: "",
    sensitivity: "internal",
    agenda: [],
    attendees: [],
    statements: [],
    commitments: [],
    honours: [],
    sourceText: null,
  };
}

export function emptyAttendee(): DraftAttendee {
  return {
    key: newKey("n"),
    role: "attendee",
    personnelId: null,
    linkedName: null,
    name: "",
    title: "",
    rank: "",
    affiliation: "",
    matches: [],
    span: null,
  };
}

export function emptyStatement(): DraftStatement {
  return { key: newKey("s"), speakerKey: null, topic: "", text: "", span: null };
}

export function emptyCommitment(): DraftCommitment {
  return {
    key: newKey("c"),
    text: "",
    ownerKey: null,
    ownerAgencyId: null,
    dueOn: "",
    topic: null,
    agencyMatches: [],
    ownerBody: null,
    span: null,
  };
}

export function emptyHonour(): DraftHonour {
  return {
    key: newKey("h"),
    kind: "shield",
    title: "",
    reason: "",
    recipientKey: null,
    recipientName: "",
    recipientTitle: "",
    giverKey: null,
    giverName: "",
    span: null,
  };
}

/** A person whose name matches one personnel record exactly (100 %) starts linked to it; the user can undo. */
function exactMatch(matches: Match[]): { personnelId: string | null; linkedName: string | null } {
  const exact = matches.filter((m) => m.exact);
  return exact.length === 1
    ? { personnelId: exact[0]!.id, linkedName: exact[0]!.name }
    : { personnelId: null, linkedName: null };
}

/**
 * The draft the import review starts from. Every proposed part is there to correct or remove; an attendee
 * matching exactly one personnel record starts linked to it, other matches stay proposals; a commitment
 * starts with the agency and due date its text names. Statements are split into one statement per sentence,
 * each with its own highlighted span.
 */
export function draftFromProposal(
  proposal: Proposal,
  options: { agencyId: string; sourceText: string; publicationDate: string | null },
): MeetingDraft {
  const people = new Set(proposal.people.map((p) => p.id));
  const known = (id: string | null) => (id !== null && people.has(id) ? id : null);
  const partOfDay = proposal.date?.partOfDay ?? null;
  return {
    ...emptyDraft(options.agencyId),
    titleAr: oneLine(proposal.title),
    day: proposal.date?.date ?? options.publicationDate ?? "",
    time: partOfDay ? (PART_OF_DAY_TIMES[partOfDay] ?? "") : "",
    districtPcode: asDistrict(proposal.place?.districtPcode ?? null),
    placeText: proposal.place ? oneLine(proposal.place.venue ?? proposal.place.text) : "",
    agenda: proposal.agenda.map((a, i) => ({ key: `a${i + 1}`, text: oneLine(a.text), span: a.span })),
    attendees: proposal.people.map((p) => ({
      key: p.id,
      role: p.role,
      ...exactMatch(p.personnelMatches),
      name: p.name ?? "",
      title: p.title ?? "",
      rank: p.rank ?? "",
      affiliation: p.body ?? "",
      matches: p.personnelMatches,
      span: p.span,
    })),
    statements: proposal.statements.flatMap((s, i) =>
      s.sentences.map((x, j) => ({
        key: `s${i + 1}.${j + 1}`,
        speakerKey: known(s.speakerId),
        topic: "",
        text: x.text.trim(),
        span: x.span,
      })),
    ),
    commitments: proposal.commitments.map((c, i) => ({
      key: `c${i + 1}`,
      text: c.text.trim(),
      ownerKey: known(c.ownerPersonId),
      // The agency the text names as owner, and the due date it gives: proposals the user can change.
      ownerAgencyId: c.agencyMatches[0]?.id ?? null,
      dueOn: c.dueOn ?? "",
      topic: c.topic,
      agencyMatches: c.agencyMatches,
      ownerBody: c.ownerBody,
      span: c.span,
    })),
    honours: proposal.honours.map((h, i) => ({
      key: `h${i + 1}`,
      kind: h.kind,
      title: oneLine(h.title),
      reason: h.reason?.trim() ?? "",
      recipientKey: known(h.recipientPersonId),
      recipientName: oneLine(h.recipientText),
      recipientTitle: "",
      giverKey: known(h.giverPersonId),
      giverName: h.giverText ? oneLine(h.giverText) : "",
      span: h.span,
    })),
    sourceText: options.sourceText,
  };
}

/** Removes an attendee; what referred to it (speaker, owner, recipient, giver) becomes unknown. */
export function removeAttendee(draft: MeetingDraft, key: string): MeetingDraft {
  const drop = (k: string | null) => (k === key ? null : k);
  return {
    ...draft,
    attendees: draft.attendees.filter((a) => a.key !== key),
    statements: draft.statements.map((s) => ({ ...s, speakerKey: drop(s.speakerKey) })),
    commitments: draft.commitments.map((c) => ({ ...c, ownerKey: drop(c.ownerKey) })),
    honours: draft.honours.map((h) => ({
      ...h,
      recipientKey: drop(h.recipientKey),
      giverKey: drop(h.giverKey),
    })),
  };
}

/** Makes one attendee the host (there is one host); the former host becomes an attendee. */
export function setHost(draft: MeetingDraft, key: string | null): MeetingDraft {
  return {
    ...draft,
    attendees: draft.attendees.map((a) => ({ ...a, role: a.key === key ? "host" : "attendee" })),
  };
}

/**
 * "2024-01-14" + "10:00" in Africa/Tripoli → an instant with its offset ("…Z"). Undefined when no day is
 * given (the schema then says the field is required); the text as typed when it is not a day (the schema
 * then says the format is wrong).
 */
export function zonedInstant(day: string, time: string): string | undefined {
  if (day.trim() === "") return undefined;
  const start = startOfZonedDay(day.trim());
  if (!start) return day;
  const match = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : 0;
  return new Date(start.getTime() + minutes * 60_000).toISOString();
}

/** An instant's day and time (HH:MM) in Africa/Tripoli, for the edit form. */
export function zonedParts(instant: string): { day: string; time: string } {
  const at = new Date(instant);
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Africa/Tripoli",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
  return { day: zonedDay(at), time };
}

/** A request body before validation: the start may still be missing (the schema then names it). */
type Unchecked<T> = Omit<T, "startsAt"> & { startsAt: string | undefined };

const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

/** The meeting's own fields, shared by the create request and the edit request. */
function meetingFields(draft: MeetingDraft) {
  return {
    titleAr: draft.titleAr,
    titleEn: orNull(draft.titleEn),
    startsAt: zonedInstant(draft.day, draft.time),
    endsAt: draft.endTime.trim() === "" ? null : zonedInstant(draft.day, draft.endTime),
    districtPcode: draft.districtPcode,
    placeText: orNull(draft.placeText),
    summary: orNull(draft.summary),
    sensitivity: draft.sensitivity,
    agenda: draft.agenda.map((a) => oneLine(a.text)),
    hostAgencyId: draft.hostAgencyId,
  };
}

/**
 * The create request for a reviewed draft (before validation with `MeetingCreateBody`). Items keep the
 * draft's order, so an error at `honours.1.title` is the draft's second honour. References to attendees use
 * the attendees' keys; a reference to no attendee becomes unknown (a recipient or giver then keeps the name
 * as written).
 */
export function toCreateBody(draft: MeetingDraft): Unchecked<z.input<typeof MeetingCreateBody>> {
  const keys = new Set(draft.attendees.map((a) => a.key));
  const ref = (key: string | null) => (key !== null && keys.has(key) ? key : null);
  return {
    agencyId: draft.agencyId,
    ...meetingFields(draft),
    sourceText: draft.sourceText,
    attendees: draft.attendees.map((a) => ({
      key: a.key,
      personnelId: a.personnelId,
      // A linked person's name comes from the personnel record.
      name: a.personnelId ? null : orNull(a.name),
      title: orNull(a.title),
      rank: orNull(a.rank),
      affiliation: orNull(a.affiliation),
      agencyId: null,
      role: a.role,
    })),
    statements: draft.statements.map((s) => ({
      speakerKey: ref(s.speakerKey),
      topic: orNull(s.topic),
      text: s.text.trim(),
    })),
    commitments: draft.commitments.map((c) => ({
      text: c.text.trim(),
      ownerAgencyId: c.ownerAgencyId,
      ownerKey: ref(c.ownerKey),
      dueOn: orNull(c.dueOn),
      topic: c.topic,
    })),
    honours: draft.honours.map((h) => {
      const recipientKey = ref(h.recipientKey);
      const giverKey = ref(h.giverKey);
      return {
        kind: h.kind,
        title: oneLine(h.title),
        reason: orNull(h.reason),
        awardedOn: null,
        recipientPersonId: null,
        recipientAgencyId: null,
        recipientKey,
        // An attendee's name is taken from the attendee; otherwise the name as written.
        recipientName: recipientKey ? null : orNull(h.recipientName),
        recipientTitle: orNull(h.recipientTitle),
        giverPersonId: null,
        giverAgencyId: null,
        giverKey,
        giverName: giverKey ? null : orNull(h.giverName),
      };
    }),
  };
}

/** The edit form of a saved meeting's own fields (its parts are edited one by one). */
export function draftFromMeeting(meeting: MeetingDetail): MeetingDraft {
  const starts = zonedParts(meeting.startsAt);
  return {
    ...emptyDraft(meeting.agencyId),
    titleAr: meeting.titleAr,
    titleEn: meeting.titleEn ?? "",
    day: starts.day,
    time: starts.time,
    endTime: meeting.endsAt ? zonedParts(meeting.endsAt).time : "",
    districtPcode: asDistrict(meeting.districtPcode),
    placeText: meeting.placeText ?? "",
    hostAgencyId: meeting.hostAgencyId,
    summary: meeting.summary ?? "",
    sensitivity: meeting.sensitivity,
    agenda: meeting.agenda.map((a) => ({ key: a.id, text: a.text, span: null })),
  };
}

/** The edit request (before validation with `MeetingUpdateBody`). */
export function toUpdateBody(draft: MeetingDraft): Unchecked<z.input<typeof MeetingUpdateBody>> {
  return meetingFields(draft);
}
