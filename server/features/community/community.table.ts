import { sql } from "drizzle-orm";
import {
  doublePrecision,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { DISTRICT_PCODES } from "../../../common/districts";
import {
  COMMUNITY_CATEGORIES,
  COMMUNITY_MESSAGE_KINDS,
  COMMUNITY_OUTCOMES,
  COMMUNITY_STATUSES,
  COMMUNITY_WHEN,
} from "../../../common/enums";
import { condition, enumChecks } from "../../db/checks";
import { idColumn, timestamps } from "../../db/columns";
import { agencies } from "../agencies/agencies.table";
import { incidents } from "../incidents/incidents.table";
import { users } from "../users/users.table";

/**
 * A report sent by a resident from the public page. No client address, session or cookie is kept with it; the
 * tracking code is stored only as its SHA-256 (80 random bits: no one can search the hashes for it).
 */
export const communityReports = pgTable(
  "community_reports",
  {
    id: idColumn(),
    reference: text("reference").notNull().unique(),
    codeHash: text("code_hash").notNull(),
    category: text("category", { enum: COMMUNITY_CATEGORIES }).notNull(),
    text: text("text").notNull(),
    districtPcode: text("district_pcode", { enum: DISTRICT_PCODES }).notNull(),
    townPcode: text("town_pcode"),
    /** Rounded to 0.01° (about 1 km) before storage. */
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    when: text("when", { enum: COMMUNITY_WHEN }).notNull(),
    contact: text("contact"),
    language: text("language", { enum: ["ar", "en"] })
      .notNull()
      .default("ar"),
    status: text("status", { enum: COMMUNITY_STATUSES }).notNull().default("new"),
    outcome: text("outcome", { enum: COMMUNITY_OUTCOMES }),
    /** The security directorate of the district when it came in (its managers triage it). */
    receivingAgencyId: uuid("receiving_agency_id").references(() => agencies.id),
    assignedAgencyId: uuid("assigned_agency_id").references(() => agencies.id),
    duplicateOfId: uuid("duplicate_of_id").references((): AnyPgColumn => communityReports.id),
    /** An earlier report of the district with nearly the same words, found when this one came in. */
    similarToId: uuid("similar_to_id").references((): AnyPgColumn => communityReports.id),
    incidentId: uuid("incident_id").references(() => incidents.id),
    searchKey: text("search_key").notNull().default(""),
    ...timestamps(),
  },
  (t) => [
    ...enumChecks("community_reports", t),
    condition("community_reports_coordinates_check", sql`(${t.latitude} is null) = (${t.longitude} is null)`),
    condition("community_reports_duplicate_check", sql`${t.duplicateOfId} <> ${t.id}`),
    uniqueIndex("community_reports_code_uq").on(t.codeHash),
    index("community_reports_receiving_idx").on(t.receivingAgencyId, t.createdAt, t.id),
    index("community_reports_assigned_idx").on(t.assignedAgencyId, t.createdAt, t.id),
    index("community_reports_district_idx").on(t.districtPcode, t.createdAt, t.id),
    index("community_reports_status_idx").on(t.status, t.createdAt, t.id),
    index("community_reports_created_idx").on(t.createdAt, t.id),
    index("community_reports_search_idx").using("gin", t.searchKey.op("gin_trgm_ops")),
  ],
);
export type CommunityReportRow = typeof communityReports.$inferSelect;

/** Public replies (shown on /track) and internal notes (staff only) on a report. */
export const communityMessages = pgTable(
  "community_messages",
  {
    id: idColumn(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => communityReports.id),
    kind: text("kind", { enum: COMMUNITY_MESSAGE_KINDS }).notNull(),
    text: text("text").notNull(),
    authorId: uuid("author_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    ...enumChecks("community_messages", t),
    index("community_messages_report_idx").on(t.reportId, t.createdAt),
  ],
);
export type CommunityMessageRow = typeof communityMessages.$inferSelect;

/**
 * The random salt of each rate-limit window of client addresses: an address is counted only as an HMAC under its
 * window's salt, and the salt is deleted with the window's counters, after which no stored value leads back to it.
 */
export const communitySalts = pgTable("community_salts", {
  windowStart: timestamp("window_start", { withTimezone: true }).primaryKey(),
  salt: text("salt").notNull(),
});
