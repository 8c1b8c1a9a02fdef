import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  ATTENDANCE_MARKS,
  COURSE_STATUSES,
  NOMINATION_STATUSES,
  SENSITIVITIES,
  TRAINING_KINDS,
  TRAINING_OUTCOMES,
  TRAINING_PROVIDERS,
  TRAINING_TOPICS,
} from "../../../common/enums";
import { LIMITS } from "../../../common/limits";
import { condition, oneOfCheck, rangeCheck } from "../../db/checks";
import { idColumn, recordColumns, timestamps } from "../../db/columns";
import { agencies } from "../agencies/agencies.table";
import { needs } from "../needs/needs.table";
import { personnel } from "../personnel/personnel.table";
import { users } from "../users/users.table";

/** The catalogue: courses and workshops, organised by an agency (the ministry's training department). */
export const courses = pgTable(
  "courses",
  {
    id: idColumn(),
    ...recordColumns(),
    /** The organising agency (the trainer's). */
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    kind: text("kind", { enum: TRAINING_KINDS }).notNull(),
    topic: text("topic", { enum: TRAINING_TOPICS }).notNull(),
    titleAr: text("title_ar").notNull(),
    titleEn: text("title_en"),
    description: text("description"),
    providerKind: text("provider_kind", { enum: TRAINING_PROVIDERS }).notNull(),
    providerAgencyId: uuid("provider_agency_id").references(() => agencies.id),
    providerName: text("provider_name"),
    place: text("place").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    capacity: integer("capacity").notNull(),
    targetAgencyIds: uuid("target_agency_ids")
      .array()
      .notNull()
      .default(sql`'{}'`),
    targetRanks: text("target_ranks")
      .array()
      .notNull()
      .default(sql`'{}'`),
    prerequisites: text("prerequisites"),
    needId: uuid("need_id").references(() => needs.id),
    certificateValidMonths: integer("certificate_valid_months"),
    status: text("status", { enum: COURSE_STATUSES }).notNull().default("planned"),
    cancelReason: text("cancel_reason"),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    index("courses_starts_idx").on(t.startsOn, t.id),
    index("courses_need_idx").on(t.needId),
    index("courses_search_idx").using("gin", t.searchKey.op("gin_trgm_ops")),
    oneOfCheck("courses_kind_check", t.kind, TRAINING_KINDS),
    oneOfCheck("courses_topic_check", t.topic, TRAINING_TOPICS),
    oneOfCheck("courses_provider_kind_check", t.providerKind, TRAINING_PROVIDERS),
    oneOfCheck("courses_status_check", t.status, COURSE_STATUSES),
    oneOfCheck("courses_sensitivity_check", t.sensitivity, SENSITIVITIES),
    rangeCheck("courses_capacity_check", t.capacity, 1, LIMITS.courseCapacityMax),
    rangeCheck("courses_valid_months_check", t.certificateValidMonths, 1, 120),
    condition("courses_days_check", sql`${t.startsOn} <= ${t.endsOn}`),
    condition(
      "courses_cancel_reason_check",
      sql`${t.status} <> 'cancelled' or ${t.cancelReason} is not null`,
    ),
  ],
);
export type CourseRow = typeof courses.$inferSelect;

export const courseSessions = pgTable(
  "course_sessions",
  {
    id: idColumn(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id),
    seq: integer("seq").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    titleAr: text("title_ar"),
  },
  (t) => [
    uniqueIndex("course_sessions_course_seq_uq").on(t.courseId, t.seq),
    index("course_sessions_starts_idx").on(t.startsAt),
    condition("course_sessions_order_check", sql`${t.startsAt} < ${t.endsAt}`),
  ],
);
export type CourseSessionRow = typeof courseSessions.$inferSelect;

/** Places reserved for an agency on a course, when the trainer sets them. */
export const courseQuotas = pgTable(
  "course_quotas",
  {
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    places: integer("places").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.agencyId] }),
    rangeCheck("course_quotas_places_check", t.places, 0, LIMITS.courseCapacityMax),
  ],
);
export type CourseQuotaRow = typeof courseQuotas.$inferSelect;

/** A person put forward by their agency for a course, the trainer's decision, and the result. */
export const nominations = pgTable(
  "nominations",
  {
    id: idColumn(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => personnel.id),
    /** The person's agency when nominated: the quota and the notifications are the agency's. */
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    status: text("status", { enum: NOMINATION_STATUSES }).notNull().default("nominated"),
    /** When the person joined the waiting list: the first on it takes a freed place. */
    waitlistedAt: timestamp("waitlisted_at", { withTimezone: true }),
    reason: text("reason"),
    outcome: text("outcome", { enum: TRAINING_OUTCOMES }),
    score: numeric("score", { precision: 5, scale: 2, mode: "number" }),
    remark: text("remark"),
    nominatedBy: uuid("nominated_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("nominations_course_person_uq").on(t.courseId, t.personId),
    index("nominations_person_idx").on(t.personId, t.status),
    index("nominations_course_status_idx").on(t.courseId, t.status, t.waitlistedAt),
    oneOfCheck("nominations_status_check", t.status, NOMINATION_STATUSES),
    oneOfCheck("nominations_outcome_check", t.outcome, TRAINING_OUTCOMES),
    rangeCheck("nominations_score_check", t.score, 0, LIMITS.scoreMax),
    condition(
      "nominations_waitlist_check",
      sql`(${t.status} = 'waitlisted') = (${t.waitlistedAt} is not null)`,
    ),
  ],
);
export type NominationRow = typeof nominations.$inferSelect;

export const attendance = pgTable(
  "course_attendance",
  {
    nominationId: uuid("nomination_id")
      .notNull()
      .references(() => nominations.id),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => courseSessions.id),
    mark: text("mark", { enum: ATTENDANCE_MARKS }).notNull(),
    markedBy: uuid("marked_by").references(() => users.id),
    markedAt: timestamp("marked_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.nominationId, t.sessionId] }),
    oneOfCheck("course_attendance_mark_check", t.mark, ATTENDANCE_MARKS),
  ],
);
export type AttendanceRow = typeof attendance.$inferSelect;

/**
 * A certificate of a course passed, with what it certifies copied at issue (names, title, dates), so that the
 * public verification shows what was certified. The code is the only way in from outside.
 */
export const certificates = pgTable(
  "certificates",
  {
    id: idColumn(),
    /** 16 Crockford base-32 characters (80 random bits), stored without dashes. */
    code: text("code").notNull(),
    nominationId: uuid("nomination_id")
      .notNull()
      .references(() => nominations.id),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => personnel.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    topic: text("topic", { enum: TRAINING_TOPICS }).notNull(),
    personNameAr: text("person_name_ar").notNull(),
    personNameEn: text("person_name_en"),
    courseTitleAr: text("course_title_ar").notNull(),
    courseTitleEn: text("course_title_en"),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    outcome: text("outcome", { enum: TRAINING_OUTCOMES }).notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    expiresOn: date("expires_on", { mode: "string" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokeReason: text("revoke_reason"),
    revokedBy: uuid("revoked_by").references(() => users.id),
    sensitivity: text("sensitivity", { enum: SENSITIVITIES }).notNull().default("internal"),
  },
  (t) => [
    uniqueIndex("certificates_code_uq").on(t.code),
    uniqueIndex("certificates_nomination_uq").on(t.nominationId),
    index("certificates_course_idx").on(t.courseId),
    index("certificates_person_idx").on(t.personId),
    // Coverage reads every live certificate by topic with its person and validity: an index-only scan.
    index("certificates_coverage_idx").on(t.topic, t.personId, t.issuedAt, t.expiresOn, t.revokedAt),
    oneOfCheck("certificates_topic_check", t.topic, TRAINING_TOPICS),
    oneOfCheck("certificates_outcome_check", t.outcome, TRAINING_OUTCOMES),
    oneOfCheck("certificates_sensitivity_check", t.sensitivity, SENSITIVITIES),
    condition("certificates_code_check", sql`${t.code} ~ '^[0-9A-HJKMNP-TV-Z]{16}$'`),
    condition("certificates_revoke_check", sql`(${t.revokedAt} is null) = (${t.revokeReason} is null)`),
  ],
);
export type CertificateRow = typeof certificates.$inferSelect;

/** How many of an agency's personnel should hold a valid certificate in a topic (set by the trainer). */
export const trainingTargets = pgTable(
  "training_targets",
  {
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    topic: text("topic", { enum: TRAINING_TOPICS }).notNull(),
    target: integer("target").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.topic] }),
    oneOfCheck("training_targets_topic_check", t.topic, TRAINING_TOPICS),
    rangeCheck("training_targets_target_check", t.target, 0, 1_000_000),
  ],
);
export type TrainingTargetRow = typeof trainingTargets.$inferSelect;

/**
 * One row whose `version` grows with every statement that changes what the coverage view counts (certificates,
 * personnel, agencies, targets): statement triggers bump it in the writer's transaction (migration 0005), so a
 * coverage computed in one snapshot is the coverage of the version read in that snapshot. See coverage.ts.
 */
export const trainingCoverageVersion = pgTable(
  "training_coverage_version",
  {
    id: integer("id").primaryKey(),
    version: bigint("version", { mode: "number" }).notNull(),
  },
  (t) => [condition("training_coverage_version_one_row", sql`${t.id} = 1`)],
);
