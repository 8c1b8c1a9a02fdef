import { sql } from "drizzle-orm";
import { enumChecks } from "../../db/checks";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ATTENDEE_ROLES } from "../../../common/enums";
import { idColumn, recordColumns, timestamps } from "../../db/columns";
import { agencies } from "../agencies/agencies.table";
import { personnel } from "../personnel/personnel.table";
import { users } from "../users/users.table";

/** A meeting: who met, where and when, and what was said and decided (its parts are the tables below). */
export const meetings = pgTable(
  "meetings",
  {
    id: idColumn(),
    ...recordColumns(),
    /** The agency that keeps the record (and whose managers edit it). */
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    titleAr: text("title_ar").notNull(),
    titleEn: text("title_en"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    /** The gazetteer district, and/or the place as written. */
    districtPcode: text("district_pcode"),
    placeText: text("place_text"),
    /** The host agency; the host person is the attendee with role `host`. */
    hostAgencyId: uuid("host_agency_id").references(() => agencies.id),
    summary: text("summary"),
    /** The report the meeting was imported from, when it was. */
    sourceText: text("source_text"),
    createdBy: uuid("created_by").references(() => users.id),
    updatedBy: uuid("updated_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    ...enumChecks("meetings", t),
    index("meetings_agency_starts_idx").on(t.agencyId, t.startsAt),
    index("meetings_starts_idx").on(t.startsAt, t.id),
    index("meetings_district_starts_idx").on(t.districtPcode, t.startsAt),
    index("meetings_search_idx").using("gin", t.searchKey.op("gin_trgm_ops")),
  ],
);
export type MeetingRow = typeof meetings.$inferSelect;

export const meetingAgendaItems = pgTable(
  "meeting_agenda_items",
  {
    id: idColumn(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    position: integer("position").notNull(),
    text: text("text").notNull(),
  },
  (t) => [index("meeting_agenda_items_meeting_idx").on(t.meetingId, t.position)],
);
export type AgendaItemRow = typeof meetingAgendaItems.$inferSelect;

/** A person at a meeting: a personnel record, or an external guest named as written. */
export const meetingAttendees = pgTable(
  "meeting_attendees",
  {
    id: idColumn(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    position: integer("position").notNull(),
    personnelId: uuid("personnel_id").references(() => personnel.id),
    /** As recorded at the meeting (taken from the personnel record when not given). */
    name: text("name").notNull(),
    title: text("title"),
    rank: text("rank"),
    affiliation: text("affiliation"),
    agencyId: uuid("agency_id").references(() => agencies.id),
    role: text("role", { enum: ATTENDEE_ROLES }).notNull().default("attendee"),
  },
  (t) => [
    ...enumChecks("meeting_attendees", t),
    index("meeting_attendees_meeting_idx").on(t.meetingId, t.position),
    index("meeting_attendees_personnel_idx").on(t.personnelId),
    // One host per meeting.
    uniqueIndex("meeting_attendees_host_uq")
      .on(t.meetingId)
      .where(sql`role = 'host'`),
  ],
);
export type AttendeeRow = typeof meetingAttendees.$inferSelect;

/** What a speaker said, in order. */
export const meetingStatements = pgTable(
  "meeting_statements",
  {
    id: idColumn(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    position: integer("position").notNull(),
    speakerId: uuid("speaker_id").references(() => meetingAttendees.id),
    topic: text("topic"),
    text: text("text").notNull(),
  },
  (t) => [
    index("meeting_statements_meeting_idx").on(t.meetingId, t.position),
    index("meeting_statements_speaker_idx").on(t.speakerId),
  ],
);
export type StatementRow = typeof meetingStatements.$inferSelect;
