import { z } from "zod";
import {
  ATTENDANCE_MARKS,
  COURSE_ACTIONS,
  COURSE_STATUSES,
  NOMINATION_DECISIONS,
  NOMINATION_STATUSES,
  TRAINING_KINDS,
  TRAINING_OUTCOMES,
  TRAINING_PROVIDERS,
  TRAINING_TOPICS,
} from "../enums";
import { LIMITS } from "../limits";
import {
  Day,
  Id,
  Instant,
  Line,
  OptionalLine,
  PageQuery,
  Page,
  Sensitivity,
  Timestamp,
  abilities,
  oneOf,
} from "./base";

// Training courses and workshops: catalogue, nominations, attendance, results, certificates, coverage.

export const TrainingKind = z.enum(TRAINING_KINDS);
export const TrainingTopic = z.enum(TRAINING_TOPICS);
export const TrainingProvider = z.enum(TRAINING_PROVIDERS);
export const CourseStatus = z.enum(COURSE_STATUSES);
export const CourseAction = z.enum(COURSE_ACTIONS);
export const NominationStatus = z.enum(NOMINATION_STATUSES);
export const NominationDecision = z.enum(NOMINATION_DECISIONS);
export const AttendanceMark = z.enum(ATTENDANCE_MARKS);
export const TrainingOutcome = z.enum(TRAINING_OUTCOMES);

// eslint-disable-next-line no-control-regex -- tabs and newlines are allowed, other control characters are not
const TEXT_CHARS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const OptionalText = () =>
  z
    .string()
    .trim()
    .max(LIMITS.text)
    .regex(TEXT_CHARS)
    .transform((s) => (s === "" ? null : s))
    .nullable();
const Reason = () => z.string().trim().min(1).max(LIMITS.text).regex(TEXT_CHARS);

export const COURSE_RECORD_ACTIONS = [
  "update",
  ...COURSE_ACTIONS,
  "setQuotas",
  "nominate",
  "decide",
  "attendance",
  "results",
] as const;
export const NOMINATION_RECORD_ACTIONS = ["decide", "withdraw"] as const;
export const CERTIFICATE_RECORD_ACTIONS = ["revoke"] as const;

export const CourseSessionInput = z
  .strictObject({
    startsAt: Instant,
    endsAt: Instant,
    titleAr: OptionalLine().default(null),
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { message: "order", path: ["endsAt"] });
export type CourseSessionInput = z.infer<typeof CourseSessionInput>;

const courseFields = {
  kind: TrainingKind,
  topic: TrainingTopic,
  titleAr: Line(),
  titleEn: OptionalLine(),
  description: OptionalText(),
  providerKind: TrainingProvider,
  providerAgencyId: Id.nullable(),
  providerName: OptionalLine(),
  place: Line(),
  startsOn: Day,
  endsOn: Day,
  capacity: z.number().int().min(1).max(LIMITS.courseCapacityMax),
  targetAgencyIds: z.array(Id).max(100),
  targetRanks: z.array(Line(LIMITS.code * 2)).max(20),
  prerequisites: OptionalText(),
  /** The training need (needs register, category training) this course answers. */
  needId: Id.nullable(),
  /** Months a certificate stays valid; null: no expiry. */
  certificateValidMonths: z.number().int().min(1).max(120).nullable(),
  sensitivity: Sensitivity,
};

const daysInOrder = (b: { startsOn?: string; endsOn?: string }) =>
  !b.startsOn || !b.endsOn || b.startsOn <= b.endsOn;

export const CourseCreateBody = z
  .strictObject({
    ...courseFields,
    titleEn: courseFields.titleEn.default(null),
    description: courseFields.description.default(null),
    providerAgencyId: courseFields.providerAgencyId.default(null),
    providerName: courseFields.providerName.default(null),
    targetAgencyIds: courseFields.targetAgencyIds.default([]),
    targetRanks: courseFields.targetRanks.default([]),
    prerequisites: courseFields.prerequisites.default(null),
    needId: courseFields.needId.default(null),
    certificateValidMonths: courseFields.certificateValidMonths.default(null),
    sensitivity: Sensitivity.default("internal"),
    sessions: z.array(CourseSessionInput).max(LIMITS.courseSessionsMax).default([]),
  })
  .refine(daysInOrder, { message: "order", path: ["endsOn"] });
export type CourseCreateBody = z.infer<typeof CourseCreateBody>;

export const CourseUpdateBody = z
  .strictObject(courseFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "empty" })
  .refine(daysInOrder, { message: "order", path: ["endsOn"] });
export type CourseUpdateBody = z.infer<typeof CourseUpdateBody>;

export const CourseStepParams = z.strictObject({ id: Id, action: CourseAction });
/** A step: cancelling needs a reason. */
export const CourseStepBody = z
  .strictObject({ reason: OptionalText().default(null) })
  .default({ reason: null });
export type CourseStepBody = z.infer<typeof CourseStepBody>;

export const QuotasBody = z.strictObject({
  quotas: z
    .array(z.strictObject({ agencyId: Id, places: z.number().int().min(0).max(LIMITS.courseCapacityMax) }))
    .max(100),
});
export type QuotasBody = z.infer<typeof QuotasBody>;

export const NominateBody = z.strictObject({ personId: Id });
export type NominateBody = z.infer<typeof NominateBody>;

/** Accept, wait-list or decline; declining needs a reason. */
export const DecisionBody = z.strictObject({
  decision: NominationDecision,
  reason: OptionalText().default(null),
});
export type DecisionBody = z.infer<typeof DecisionBody>;

export const WithdrawBody = z
  .strictObject({ reason: OptionalText().default(null) })
  .default({ reason: null });
export type WithdrawBody = z.infer<typeof WithdrawBody>;

export const SessionParams = z.strictObject({ id: Id, sessionId: Id });
export const AttendanceBody = z.strictObject({
  marks: z
    .array(z.strictObject({ nominationId: Id, mark: AttendanceMark }))
    .min(1)
    .max(LIMITS.courseBatchMax),
});
export type AttendanceBody = z.infer<typeof AttendanceBody>;

export const ResultsBody = z.strictObject({
  results: z
    .array(
      z.strictObject({
        nominationId: Id,
        outcome: TrainingOutcome,
        score: z.number().min(0).max(LIMITS.scoreMax).multipleOf(0.01).nullable().default(null),
        remark: OptionalText().default(null),
      }),
    )
    .min(1)
    .max(LIMITS.courseBatchMax),
});
export type ResultsBody = z.infer<typeof ResultsBody>;

export const RevokeBody = z.strictObject({ reason: Reason() });
export type RevokeBody = z.infer<typeof RevokeBody>;

export const TargetsBody = z.strictObject({
  targets: z
    .array(
      z.strictObject({
        agencyId: Id,
        topic: TrainingTopic,
        target: z.number().int().min(0).max(1_000_000),
      }),
    )
    .min(1)
    .max(1000),
});
export type TargetsBody = z.infer<typeof TargetsBody>;

export const CourseListQuery = z.strictObject({
  ...PageQuery,
  topic: TrainingTopic.optional(),
  kind: TrainingKind.optional(),
  status: CourseStatus.optional(),
  needId: Id.optional(),
  /** Courses running on or after / on or before this day. */
  from: Day.optional(),
  to: Day.optional(),
});
export type CourseListQuery = z.infer<typeof CourseListQuery>;

export const CertificateListQuery = z.strictObject({
  page: PageQuery.page,
  pageSize: PageQuery.pageSize,
  courseId: Id.optional(),
  agencyId: Id.optional(),
  personId: Id.optional(),
});
export type CertificateListQuery = z.infer<typeof CertificateListQuery>;

export const CoverageQuery = z.strictObject({
  /** Coverage at the end of this year (this year so far by default). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  topic: TrainingTopic.optional(),
});
export type CoverageQuery = z.infer<typeof CoverageQuery>;

export const TrainingCalendarQuery = z.strictObject({ from: Day.optional(), to: Day.optional() });
export type TrainingCalendarQuery = z.infer<typeof TrainingCalendarQuery>;

// Responses.

export const CourseSession = z.object({
  id: Id,
  seq: z.number(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  titleAr: z.string().nullable(),
});
export type CourseSession = z.infer<typeof CourseSession>;

export const Course = z.object({
  id: Id,
  reference: z.string(),
  agencyId: Id,
  kind: TrainingKind,
  topic: TrainingTopic,
  titleAr: z.string(),
  titleEn: z.string().nullable(),
  description: z.string().nullable(),
  providerKind: TrainingProvider,
  providerAgencyId: Id.nullable(),
  providerName: z.string().nullable(),
  place: z.string(),
  startsOn: Day,
  endsOn: Day,
  capacity: z.number(),
  targetAgencyIds: z.array(Id),
  targetRanks: z.array(z.string()),
  prerequisites: z.string().nullable(),
  needId: Id.nullable(),
  certificateValidMonths: z.number().nullable(),
  status: CourseStatus,
  cancelReason: z.string().nullable(),
  acceptedCount: z.number(),
  waitlistedCount: z.number(),
  sensitivity: Sensitivity,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: abilities(COURSE_RECORD_ACTIONS),
});
export type Course = z.infer<typeof Course>;

export const Nomination = z.object({
  id: Id,
  courseId: Id,
  personId: Id,
  personName: z.string(),
  personRank: z.string().nullable(),
  agencyId: Id,
  status: NominationStatus,
  /** Place on the waiting list, from 1; null when not wait-listed. */
  waitlistPosition: z.number().nullable(),
  reason: z.string().nullable(),
  outcome: TrainingOutcome.nullable(),
  score: z.number().nullable(),
  remark: z.string().nullable(),
  attendance: z.array(z.object({ sessionId: Id, mark: AttendanceMark })),
  certificateId: Id.nullable(),
  createdAt: Timestamp,
  abilities: abilities(NOMINATION_RECORD_ACTIONS),
});
export type Nomination = z.infer<typeof Nomination>;

export const CourseDetail = Course.extend({
  sessions: z.array(CourseSession),
  quotas: z.array(z.object({ agencyId: Id, places: z.number(), used: z.number() })),
  nominations: z.array(Nomination),
  /** The training need this course answers, when the reader may see it. */
  need: z.object({ id: Id, reference: z.string(), title: z.string(), status: z.string() }).nullable(),
});
export type CourseDetail = z.infer<typeof CourseDetail>;

export const CourseResponse = oneOf(Course);
export const CourseDetailResponse = oneOf(CourseDetail);
export const CourseListResponse = z.object({ data: z.array(Course), page: Page });
export const NominationResponse = oneOf(Nomination);

export const Certificate = z.object({
  id: Id,
  code: z.string(),
  courseId: Id,
  courseTitleAr: z.string(),
  courseTitleEn: z.string().nullable(),
  personId: Id,
  personNameAr: z.string(),
  personNameEn: z.string().nullable(),
  agencyId: Id,
  topic: TrainingTopic,
  startsOn: Day,
  endsOn: Day,
  outcome: TrainingOutcome,
  issuedAt: Timestamp,
  expiresOn: Day.nullable(),
  revokedAt: Timestamp.nullable(),
  revokeReason: z.string().nullable(),
  valid: z.boolean(),
  abilities: abilities(CERTIFICATE_RECORD_ACTIONS),
});
export type Certificate = z.infer<typeof Certificate>;
export const CertificateResponse = oneOf(Certificate);
export const CertificateListResponse = z.object({ data: z.array(Certificate), page: Page });

/** A verification code as typed: letters and digits, dashes and spaces ignored (checked again on the server). */
export const VerifyParams = z.strictObject({ code: z.string().min(1).max(64) });

/** What the public verification page shows: these five fields and nothing else. */
export const PublicVerification = z.strictObject({
  name: z.string(),
  course: z.string(),
  dates: z.strictObject({ from: Day, to: Day }),
  result: TrainingOutcome,
  valid: z.boolean(),
});
export type PublicVerification = z.infer<typeof PublicVerification>;
export const PublicVerificationResponse = z.strictObject({ data: PublicVerification });

export const CoverageCell = z.object({
  agencyId: Id,
  topic: TrainingTopic,
  /** Personnel of the agency holding a valid certificate in the topic at the end of the period. */
  holders: z.number(),
  /** Certificates in the topic issued to the agency's personnel during the year. */
  trainedInYear: z.number(),
  target: z.number().nullable(),
});
export const CoverageRow = z.object({
  agencyId: Id,
  personnel: z.number(),
  cells: z.array(CoverageCell),
});
export const Coverage = z.object({ year: z.number(), asOf: Day, rows: z.array(CoverageRow) });
export type Coverage = z.infer<typeof Coverage>;
export const CoverageResponse = oneOf(Coverage);

export const CalendarSession = z.object({
  id: Id,
  courseId: Id,
  courseTitleAr: z.string(),
  courseTitleEn: z.string().nullable(),
  place: z.string(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  titleAr: z.string().nullable(),
  status: CourseStatus,
});
export type CalendarSession = z.infer<typeof CalendarSession>;
export const TrainingCalendarResponse = z.object({ data: z.array(CalendarSession) });
