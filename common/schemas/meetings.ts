import { z } from "zod";
import { DISTRICT_PCODES } from "../districts";
import {
  ATTENDEE_ROLES,
  COMMITMENT_ACTIONS,
  COMMITMENT_STATUSES,
  COMMITMENT_TOPICS,
  HONOUR_KINDS,
  NEED_CATEGORIES,
  NEED_PRIORITIES,
  TASK_PRIORITIES,
} from "../enums";
import { EXTRACTION_MAX_CHARS } from "../extraction/rule-extractor";
import { LIMITS } from "../limits";
import { Need } from "./needs";
import { Task } from "./tasks";
import {
  Day,
  Id,
  Instant,
  Line,
  NO_CONTROL_CHARS,
  OptionalLine,
  PageQuery,
  Sensitivity,
  Timestamp,
  abilities,
  listOf,
  oneOf,
} from "./base";

/** Multi-line text pasted by a person: line breaks and tabs allowed, other control characters refused. */
// eslint-disable-next-line no-control-regex -- refuse control characters other than tab and line breaks
const PASTED_TEXT = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

export const IsoDate = Day;

export const MeetingExtractBody = z.strictObject({
  text: z.string().min(1).max(EXTRACTION_MAX_CHARS).regex(PASTED_TEXT),
  publicationDate: IsoDate.nullable().default(null),
});
export type MeetingExtractBody = z.infer<typeof MeetingExtractBody>;

const Span = z.object({ start: z.number(), end: z.number() });
const Sentence = z.object({ text: z.string(), span: Span });
const Match = z.object({ id: z.string(), name: z.string(), score: z.number(), exact: z.boolean() });

const ProposedPerson = z.object({
  id: z.string(),
  name: z.string().nullable(),
  title: z.string().nullable(),
  rank: z.string().nullable(),
  body: z.string().nullable(),
  role: z.enum(["host", "attendee"]),
  span: Span,
  /** Existing personnel this person may be: proposals only, the reviewer chooses. */
  personnelMatches: z.array(Match),
});

export const MeetingProposal = z.object({
  title: z.string(),
  date: z
    .object({
      weekday: z
        .enum(["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"])
        .nullable(),
      partOfDay: z.enum(["morning", "noon", "afternoon", "evening", "night"]).nullable(),
      date: z.string().nullable(),
      span: Span,
    })
    .nullable(),
  place: z
    .object({
      text: z.string(),
      districtPcode: z.string().nullable(),
      nameEn: z.string().nullable(),
      venue: z.string().nullable(),
      span: Span,
    })
    .nullable(),
  hostId: z.string().nullable(),
  people: z.array(ProposedPerson),
  agenda: z.array(Sentence),
  statements: z.array(
    z.object({
      speakerId: z.string().nullable(),
      speakerText: z.string().nullable(),
      sentences: z.array(Sentence),
      span: Span,
    }),
  ),
  commitments: z.array(
    z.object({
      text: z.string(),
      ownerPersonId: z.string().nullable(),
      ownerBody: z.string().nullable(),
      /** The due date the text names, if any (YYYY-MM-DD). */
      dueOn: z.string().nullable(),
      /** Existing agencies the owner body may be. */
      agencyMatches: z.array(Match),
      topic: z.enum(["legislation", "needs", "training", "support", "plan", "other"]),
      marker: z.string(),
      span: Span,
    }),
  ),
  honours: z.array(
    z.object({
      kind: z.enum(["shield", "certificate", "medal", "other"]),
      title: z.string(),
      recipientPersonId: z.string().nullable(),
      recipientText: z.string(),
      giverPersonId: z.string().nullable(),
      giverText: z.string().nullable(),
      reason: z.string().nullable(),
      span: Span,
    }),
  ),
});

export const MeetingExtractResponse = z.object({
  data: z.object({
    extractor: z.string(),
    proposal: MeetingProposal,
    warnings: z.array(z.string()),
    /** Meetings the actor may see that this report may already record: same day, same host, similar title. */
    duplicates: z.array(
      z.object({ id: Id, reference: z.string(), titleAr: z.string(), startsAt: z.string() }),
    ),
  }),
});
export type MeetingExtractResponse = z.infer<typeof MeetingExtractResponse>;

// ———————————————————————————————————————————————————————————————————————————————————————————————
// Meetings, their parts, commitments and honours: the stored records.
//
// A meeting is created in ONE request with all its parts (the import review page saves a reviewed proposal
// this way). Parts refer to attendees by `key`: in a create request, the `key` an attendee is given in the
// same request (e.g. the proposal's "p1"); once saved, an attendee's key is its id.
// ———————————————————————————————————————————————————————————————————————————————————————————————

/** A multi-line text (newlines allowed, other control characters refused), trimmed. */
const Text = (max: number = LIMITS.text) => z.string().trim().max(max).regex(PASTED_TEXT);
const OptionalText = (max: number = LIMITS.text) =>
  Text(max)
    .transform((s) => (s === "" ? null : s))
    .nullable();
/** An instant with its offset, e.g. "2024-01-14T10:00:00+02:00" or "…Z". */
/** A calendar day, YYYY-MM-DD (Africa/Tripoli). */
/** A reference to an attendee: its `key` in the same create request, or the id of a saved attendee. */
export const AttendeeKey = z.string().trim().min(1).max(64).regex(NO_CONTROL_CHARS);

export const AttendeeRole = z.enum(ATTENDEE_ROLES);
export const CommitmentStatus = z.enum(COMMITMENT_STATUSES);
export const CommitmentAction = z.enum(COMMITMENT_ACTIONS);
export const CommitmentTopic = z.enum(COMMITMENT_TOPICS);
export const HonourKind = z.enum(HONOUR_KINDS);
export const DistrictPcode = z.enum(DISTRICT_PCODES);

export const MEETING_ACTIONS = ["update", "addCommitment", "addHonour"] as const;
export const COMMITMENT_RECORD_ACTIONS = [
  "update",
  "start",
  "complete",
  "drop",
  "reopen",
  "convertToTask",
  "convertToNeed",
] as const;
export const HONOUR_ACTIONS = ["update"] as const;

// — Inputs —————————————————————————————————————————————————————————————————————————————————————

/**
 * A person at the meeting: a personnel record (`personnelId`, name taken from it unless given) or an external
 * guest (`name`, `title`, `affiliation`). `agencyId` is optional for guests.
 */
export const AttendeeInput = z
  .strictObject({
    key: AttendeeKey.nullable().default(null),
    personnelId: Id.nullable().default(null),
    name: OptionalLine().default(null),
    title: OptionalLine().default(null),
    rank: OptionalLine(LIMITS.code * 2).default(null),
    /** The body a guest belongs to, as written ("مجلس النواب"): the proposal's `body`. */
    affiliation: OptionalLine().default(null),
    agencyId: Id.nullable().default(null),
    role: AttendeeRole.default("attendee"),
  })
  .refine((a) => a.personnelId !== null || a.name !== null, { message: "one_of", path: ["name"] });
export type AttendeeInput = z.infer<typeof AttendeeInput>;

/** What a speaker said: the speaker is an attendee (by key), or unknown (null). */
export const StatementInput = z.strictObject({
  speakerKey: AttendeeKey.nullable().default(null),
  topic: OptionalLine().default(null),
  text: Text().min(1),
});
export type StatementInput = z.infer<typeof StatementInput>;

/** A decision or commitment: owned by an agency and/or the attendee who made it. Saved as `open`. */
export const CommitmentInput = z.strictObject({
  text: Text().min(1),
  ownerAgencyId: Id.nullable().default(null),
  ownerKey: AttendeeKey.nullable().default(null),
  dueOn: Day.nullable().default(null),
  topic: CommitmentTopic.nullable().default(null),
});
export type CommitmentInput = z.infer<typeof CommitmentInput>;

const honourFields = {
  kind: HonourKind,
  /** e.g. "درع التميز كأفضل شخصية لعام 2023". */
  title: Line(),
  reason: OptionalText().default(null),
  /** Defaults to the meeting's day when given at a meeting. */
  awardedOn: Day.nullable().default(null),
  recipientPersonId: Id.nullable().default(null),
  recipientAgencyId: Id.nullable().default(null),
  /** A guest's name (or the name as written); filled from the person or agency when not given. */
  recipientName: OptionalLine().default(null),
  recipientTitle: OptionalLine().default(null),
  giverPersonId: Id.nullable().default(null),
  giverAgencyId: Id.nullable().default(null),
  giverName: OptionalLine().default(null),
};
const hasRecipient = (h: {
  recipientPersonId: string | null;
  recipientAgencyId: string | null;
  recipientName: string | null;
  recipientKey?: string | null;
}) =>
  h.recipientPersonId !== null ||
  h.recipientAgencyId !== null ||
  h.recipientName !== null ||
  (h.recipientKey ?? null) !== null;

/** An honour given at the meeting: recipient and giver may be attendees (by key). Agency and sensitivity: the meeting's. */
export const MeetingHonourInput = z
  .strictObject({
    ...honourFields,
    recipientKey: AttendeeKey.nullable().default(null),
    giverKey: AttendeeKey.nullable().default(null),
  })
  .refine(hasRecipient, { message: "one_of", path: ["recipientName"] });
export type MeetingHonourInput = z.infer<typeof MeetingHonourInput>;

const meetingFields = {
  agencyId: Id,
  titleAr: Line(),
  titleEn: OptionalLine(),
  startsAt: Instant,
  endsAt: Instant.nullable(),
  /** The gazetteer district (P-code) and/or a place as written ("مقر مديرية أمن طبرق"). */
  districtPcode: DistrictPcode.nullable(),
  placeText: OptionalLine(),
  summary: OptionalText(),
  sensitivity: Sensitivity,
  /** Agenda items, in order. */
  agenda: z.array(Line(LIMITS.text)).max(LIMITS.meetingAgendaMax),
  /** The host agency when the host is not (or not only) an attendee's agency. */
  hostAgencyId: Id.nullable(),
};

/** A meeting with all its parts, in one request (what the import review page saves). */
export const MeetingCreateBody = z.strictObject({
  ...meetingFields,
  titleEn: meetingFields.titleEn.default(null),
  endsAt: meetingFields.endsAt.default(null),
  districtPcode: meetingFields.districtPcode.default(null),
  placeText: meetingFields.placeText.default(null),
  summary: meetingFields.summary.default(null),
  sensitivity: Sensitivity.default("internal"),
  agenda: meetingFields.agenda.default([]),
  hostAgencyId: meetingFields.hostAgencyId.default(null),
  /** The report the meeting was imported from, kept with it. */
  sourceText: OptionalText(EXTRACTION_MAX_CHARS).default(null),
  attendees: z.array(AttendeeInput).max(LIMITS.meetingAttendeesMax).default([]),
  statements: z.array(StatementInput).max(LIMITS.meetingStatementsMax).default([]),
  commitments: z.array(CommitmentInput).max(LIMITS.meetingCommitmentsMax).default([]),
  honours: z.array(MeetingHonourInput).max(LIMITS.meetingHonoursMax).default([]),
});
export type MeetingCreateBody = z.infer<typeof MeetingCreateBody>;

/** Edits the meeting's own fields; `agenda` replaces the list. The agency of a meeting does not change. */
export const MeetingUpdateBody = z
  .strictObject(meetingFields)
  .omit({ agencyId: true })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "empty" });
export type MeetingUpdateBody = z.infer<typeof MeetingUpdateBody>;

/** Adding or editing one attendee of a saved meeting (`key` is not used: the saved attendee's key is its id). */
export const AttendeeBody = AttendeeInput;
export type AttendeeBody = AttendeeInput;
export const AttendeeUpdateBody = z
  .strictObject({
    personnelId: Id.nullable(),
    name: OptionalLine(),
    title: OptionalLine(),
    rank: OptionalLine(LIMITS.code * 2),
    affiliation: OptionalLine(),
    agencyId: Id.nullable(),
    role: AttendeeRole,
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "empty" });
export type AttendeeUpdateBody = z.infer<typeof AttendeeUpdateBody>;

/**
 * The attendees (or statements) of a saved meeting to keep, in order: those left out are removed (an attendee a
 * statement or commitment still names is refused, 409), and positions follow the list. New ones are added one by
 * one (POST), edited one by one (PATCH).
 */
export const PartOrderBody = z.strictObject({ ids: z.array(Id).max(LIMITS.meetingStatementsMax) });
export type PartOrderBody = z.infer<typeof PartOrderBody>;

export const StatementBody = StatementInput;
export const StatementUpdateBody = z
  .strictObject({ speakerKey: AttendeeKey.nullable(), topic: OptionalLine(), text: Text().min(1) })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "empty" });
export type StatementUpdateBody = z.infer<typeof StatementUpdateBody>;

export const CommitmentBody = CommitmentInput;
export const CommitmentUpdateBody = z
  .strictObject({
    text: Text().min(1),
    ownerAgencyId: Id.nullable(),
    ownerKey: AttendeeKey.nullable(),
    dueOn: Day.nullable(),
    topic: CommitmentTopic.nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "empty" });
export type CommitmentUpdateBody = z.infer<typeof CommitmentUpdateBody>;

/** A status step: start, complete, drop (reason required) or reopen (reason required). */
export const CommitmentStepParams = z.strictObject({ id: Id, action: CommitmentAction });
export const CommitmentStepBody = z
  .strictObject({ reason: OptionalText().default(null) })
  .default({ reason: null });
export type CommitmentStepBody = z.infer<typeof CommitmentStepBody>;

/** Converting to a task led by the owner agency (the meeting's agency when there is no owner agency). */
export const CommitmentToTaskBody = z
  .strictObject({
    titleAr: Line().optional(),
    titleEn: OptionalLine().default(null),
    description: OptionalText().default(null),
    assigneeId: Id.nullable().default(null),
    priority: z.enum(TASK_PRIORITIES).default("normal"),
    /** Defaults to the commitment's due date. */
    dueOn: Day.nullable().optional(),
    /** Defaults to the meeting's: a task made from a restricted meeting is restricted. */
    sensitivity: Sensitivity.optional(),
  })
  .default({ titleEn: null, description: null, assigneeId: null, priority: "normal" });
export type CommitmentToTaskBody = z.infer<typeof CommitmentToTaskBody>;

/**
 * Converting to a need filed by the meeting's agency and addressed to the owner agency (unless
 * `responsibleAgencyId` says otherwise). The category defaults from the commitment's topic.
 */
export const CommitmentToNeedBody = z.strictObject({
  category: z.enum(NEED_CATEGORIES).optional(),
  title: Line().optional(),
  quantity: z.number().positive().max(LIMITS.needQuantityMax).multipleOf(0.01).default(1),
  unit: Line(LIMITS.code * 2),
  unitCost: z.number().min(0).max(LIMITS.needMoneyMax).multipleOf(0.01).default(0),
  priority: z.enum(NEED_PRIORITIES).default("medium"),
  justification: OptionalText().default(null),
  responsibleAgencyId: Id.optional(),
  /** Defaults to the meeting's: a need made from a restricted meeting is restricted. */
  sensitivity: Sensitivity.optional(),
});
export type CommitmentToNeedBody = z.infer<typeof CommitmentToNeedBody>;

/** An honour on its own (not necessarily at a meeting): the register's create form. */
export const HonourCreateBody = z
  .strictObject({
    ...honourFields,
    awardedOn: Day,
    meetingId: Id.nullable().default(null),
    agencyId: Id,
    sensitivity: Sensitivity.default("internal"),
  })
  .refine(hasRecipient, { message: "one_of", path: ["recipientName"] });
export type HonourCreateBody = z.infer<typeof HonourCreateBody>;

export const HonourUpdateBody = z
  .strictObject({
    kind: HonourKind,
    title: Line(),
    reason: OptionalText(),
    awardedOn: Day,
    recipientPersonId: Id.nullable(),
    recipientAgencyId: Id.nullable(),
    recipientName: OptionalLine(),
    recipientTitle: OptionalLine(),
    giverPersonId: Id.nullable(),
    giverAgencyId: Id.nullable(),
    giverName: OptionalLine(),
    meetingId: Id.nullable(),
    sensitivity: Sensitivity,
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "empty" });
export type HonourUpdateBody = z.infer<typeof HonourUpdateBody>;

// — Queries ————————————————————————————————————————————————————————————————————————————————————

export const MeetingListQuery = z.strictObject({
  ...PageQuery,
  /** The meeting's (owning) agency. */
  agencyId: Id.optional(),
  /** Meetings starting on or after / on or before these days (Africa/Tripoli). */
  from: Day.optional(),
  to: Day.optional(),
  districtPcode: DistrictPcode.optional(),
});
export type MeetingListQuery = z.infer<typeof MeetingListQuery>;

/** The follow-up lists: region-wide, or per owner agency; due within 7 days or overdue. */
export const CommitmentListQuery = z.strictObject({
  ...PageQuery,
  ownerAgencyId: Id.optional(),
  /** The agency of the meeting the commitment was made at. */
  agencyId: Id.optional(),
  meetingId: Id.optional(),
  status: z.union([CommitmentStatus, z.enum(["open_any"])]).optional(),
  /** overdue: open and past due; dueSoon: open and due within 7 days (today included). */
  due: z.enum(["overdue", "dueSoon"]).optional(),
  sort: z.enum(["dueOn", "createdAt"]).default("dueOn"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});
export type CommitmentListQuery = z.infer<typeof CommitmentListQuery>;

export const HonourListQuery = z.strictObject({
  ...PageQuery,
  agencyId: Id.optional(),
  kind: HonourKind.optional(),
  meetingId: Id.optional(),
  recipientPersonId: Id.optional(),
  recipientAgencyId: Id.optional(),
  from: Day.optional(),
  to: Day.optional(),
});
export type HonourListQuery = z.infer<typeof HonourListQuery>;

/** The calendar feed: meetings starting in the window (default: from 180 days ago) and commitment due dates. */
export const CalendarQuery = z.strictObject({ from: Day.optional(), to: Day.optional() });
export type CalendarQuery = z.infer<typeof CalendarQuery>;

// — Responses ——————————————————————————————————————————————————————————————————————————————————

export const Attendee = z.object({
  id: Id,
  personnelId: Id.nullable(),
  name: z.string(),
  title: z.string().nullable(),
  rank: z.string().nullable(),
  affiliation: z.string().nullable(),
  agencyId: Id.nullable(),
  role: AttendeeRole,
  position: z.number(),
});
export type Attendee = z.infer<typeof Attendee>;

export const Statement = z.object({
  id: Id,
  speakerId: Id.nullable(),
  topic: z.string().nullable(),
  text: z.string(),
  position: z.number(),
});
export type Statement = z.infer<typeof Statement>;

export const AgendaItem = z.object({ id: Id, text: z.string(), position: z.number() });

/** The meeting a commitment was made at; null when the reader may not see that meeting. */
export const MeetingRef = z.object({
  id: Id,
  reference: z.string(),
  titleAr: z.string(),
  titleEn: z.string().nullable(),
  startsAt: Timestamp,
  agencyId: Id,
});

export const Commitment = z.object({
  id: Id,
  reference: z.string(),
  meetingId: Id,
  meeting: MeetingRef.nullable(),
  text: z.string(),
  ownerAgencyId: Id.nullable(),
  ownerAttendeeId: Id.nullable(),
  /** The owner attendee's name, as recorded at the meeting. */
  ownerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  topic: CommitmentTopic.nullable(),
  status: CommitmentStatus,
  statusReason: z.string().nullable(),
  isOverdue: z.boolean(),
  /** The task and the need created from it (or linked to it). */
  taskId: Id.nullable(),
  needId: Id.nullable(),
  position: z.number(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: abilities(COMMITMENT_RECORD_ACTIONS),
});
export type Commitment = z.infer<typeof Commitment>;

export const Honour = z.object({
  id: Id,
  reference: z.string(),
  kind: HonourKind,
  title: z.string(),
  reason: z.string().nullable(),
  awardedOn: z.string(),
  recipientPersonId: Id.nullable(),
  recipientAgencyId: Id.nullable(),
  recipientName: z.string(),
  recipientTitle: z.string().nullable(),
  giverPersonId: Id.nullable(),
  giverAgencyId: Id.nullable(),
  giverName: z.string().nullable(),
  meetingId: Id.nullable(),
  agencyId: Id,
  sensitivity: Sensitivity,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: abilities(HONOUR_ACTIONS),
});
export type Honour = z.infer<typeof Honour>;

export const Meeting = z.object({
  id: Id,
  reference: z.string(),
  agencyId: Id,
  titleAr: z.string(),
  titleEn: z.string().nullable(),
  startsAt: Timestamp,
  endsAt: Timestamp.nullable(),
  districtPcode: z.string().nullable(),
  placeText: z.string().nullable(),
  /** The host: the attendee with role `host` (its personnel record and name), and the host agency. */
  hostAttendeeId: Id.nullable(),
  hostPersonId: Id.nullable(),
  hostName: z.string().nullable(),
  hostAgencyId: Id.nullable(),
  summary: z.string().nullable(),
  sensitivity: Sensitivity,
  hasSource: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: abilities(MEETING_ACTIONS),
});
export type Meeting = z.infer<typeof Meeting>;

/** The meeting page: the meeting with every part, and where each commitment stands. */
export const MeetingDetail = Meeting.extend({
  sourceText: z.string().nullable(),
  agenda: z.array(AgendaItem),
  attendees: z.array(Attendee),
  statements: z.array(Statement),
  commitments: z.array(Commitment),
  honours: z.array(Honour),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const MeetingListResponse = listOf(Meeting);
export const MeetingResponse = oneOf(MeetingDetail);
export const CommitmentResponse = oneOf(Commitment);
export const CommitmentListResponse = listOf(Commitment);
export const HonourResponse = oneOf(Honour);
export const HonourListResponse = listOf(Honour);

/** Follow-up figures per owner agency (what the reader may see): open, overdue, due within 7 days. */
export const CommitmentDueCountsResponse = z.object({
  data: z.array(
    z.object({ ownerAgencyId: Id.nullable(), open: z.number(), overdue: z.number(), dueSoon: z.number() }),
  ),
});
export const MeetingPartParams = z.strictObject({ id: Id, partId: Id });

/** A conversion answers with the commitment (now linked) and what was made from it. */
export const CommitmentToTaskResponse = z.object({ data: z.object({ commitment: Commitment, task: Task }) });
export const CommitmentToNeedResponse = z.object({ data: z.object({ commitment: Commitment, need: Need }) });

// — Documents ———————————————————————————————————————————————————————————————————————————————————

/** The press release of a meeting, as the reader edited it, to be typeset as a PDF. */
export const PressReleaseBody = z.strictObject({ text: Text(EXTRACTION_MAX_CHARS).min(1) });
export type PressReleaseBody = z.infer<typeof PressReleaseBody>;
export const PressReleaseResponse = z.object({ data: z.object({ text: z.string() }) });
