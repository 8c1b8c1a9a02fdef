import { sql } from "drizzle-orm";
import { enumCheck, enumChecks } from "../../db/checks";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { DISTRICT_PCODES } from "../../../common/districts";
import {
  CUSTODY_STATUSES,
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  INCIDENT_TYPE_GROUPS,
  REFERRAL_STATUSES,
  SEIZURE_ITEMS,
  SEIZURE_UNITS,
} from "../../../common/enums";
import { idColumn, recordColumns, timestamps } from "../../db/columns";
import { agencies } from "../agencies/agencies.table";
import { users } from "../users/users.table";

/** `column in ('a', 'b')` for a CHECK constraint (values are our own constants, never input). */
const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

export const incidentTypes = pgTable(
  "incident_types",
  {
    id: idColumn(),
    code: text("code").notNull().unique(),
    group: text("group", { enum: INCIDENT_TYPE_GROUPS }).notNull(),
    nameAr: text("name_ar").notNull(),
    nameEn: text("name_en").notNull(),
    sortOrder: integer("sort_order").notNull().default(500),
    isActive: boolean("is_active").notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    check("incident_types_group_check", oneOf(`"group"`, INCIDENT_TYPE_GROUPS)),
    index("incident_types_group_idx").on(t.group, t.sortOrder),
  ],
);
export type IncidentTypeRow = typeof incidentTypes.$inferSelect;

export type NationalityCount = { country: string; count: number };

export const incidents = pgTable(
  "incidents",
  {
    id: idColumn(),
    ...recordColumns(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    typeId: uuid("type_id")
      .notNull()
      .references(() => incidentTypes.id),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    occurredTime: text("occurred_time"),
    reportedAt: timestamp("reported_at", { withTimezone: true }).notNull(),
    districtPcode: text("district_pcode", { enum: DISTRICT_PCODES }),
    placeName: text("place_name").notNull(),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    narrative: text("narrative"),
    status: text("status", { enum: INCIDENT_STATUSES }).notNull().default("open"),
    /** The reason given with the last status change (closing, reopening), shown beside the status. */
    statusReason: text("status_reason"),
    arrests: integer("arrests").notNull().default(0),
    rescued: integer("rescued").notNull().default(0),
    intercepted: integer("intercepted").notNull().default(0),
    nationalities: jsonb("nationalities").$type<NationalityCount[]>().notNull().default([]),
    dead: integer("dead").notNull().default(0),
    missing: integer("missing").notNull().default(0),
    /** Kept true by the command that records a seizure, so the list filters without a join. */
    hasSeizures: boolean("has_seizures").notNull().default(false),
    source: text("source", { enum: INCIDENT_SOURCES }).notNull().default("tansiq"),
    /** The source's own id (ACLED event_id_cnty, IOM incident id): what makes re-imports add nothing. */
    sourceId: text("source_id"),
    sourceUrl: text("source_url"),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    check("incidents_status_check", oneOf("status", INCIDENT_STATUSES)),
    check("incidents_source_check", oneOf("source", INCIDENT_SOURCES)),
    check("incidents_sensitivity_check", sql`sensitivity in ('internal', 'restricted')`),
    check("incidents_district_check", sql`district_pcode is null or district_pcode ~ '^LY[0-9]{4}$'`),
    check(
      "incidents_counts_check",
      sql`arrests >= 0 and rescued >= 0 and intercepted >= 0 and dead >= 0 and missing >= 0`,
    ),
    check(
      "incidents_coordinates_check",
      sql`(latitude is null) = (longitude is null) and (latitude is null or (latitude between -90 and 90 and longitude between -180 and 180))`,
    ),
    check(
      "incidents_time_check",
      sql`occurred_time is null or occurred_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`,
    ),
    // The list's orders and filters, newest first: each filter a page offers has its index.
    index("incidents_occurred_idx").on(t.occurredOn, t.id),
    index("incidents_reported_idx").on(t.reportedAt, t.id),
    index("incidents_type_district_idx").on(t.typeId, t.districtPcode, t.occurredOn, t.id),
    index("incidents_district_idx").on(t.districtPcode, t.occurredOn, t.id),
    index("incidents_agency_idx").on(t.agencyId, t.occurredOn, t.id),
    index("incidents_status_idx").on(t.status, t.occurredOn, t.id),
    index("incidents_search_idx").using("gin", t.searchKey.op("gin_trgm_ops")),
    // Incidents from another source (IOM, ACLED, a community report), by day: the few a figure's attribution counts.
    index("incidents_imported_idx")
      .on(t.occurredOn)
      .where(sql`source <> 'tansiq'`),
    // The map: a visible area reads the incidents with coordinates inside it; the country view reads those outside
    // every district (at sea, across a border) by themselves, the rest from the day rollup by district.
    index("incidents_location_idx")
      .on(t.longitude, t.latitude)
      .where(sql`latitude is not null`),
    index("incidents_offmap_idx")
      .on(t.longitude, t.latitude)
      .where(sql`latitude is not null and district_pcode is null`),
    uniqueIndex("incidents_source_idx")
      .on(t.source, t.sourceId)
      .where(sql`source_id is not null`),
  ],
);
export type IncidentRow = typeof incidents.$inferSelect;

export const incidentHistory = pgTable(
  "incident_history",
  {
    id: idColumn(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    action: text("action").notNull(),
    fromStatus: text("from_status", { enum: INCIDENT_STATUSES }),
    toStatus: text("to_status", { enum: INCIDENT_STATUSES }).notNull(),
    reason: text("reason"),
    actorId: uuid("actor_id").references(() => users.id),
    actorLabel: text("actor_label").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    ...enumChecks("incident_history", t),
    index("incident_history_incident_idx").on(t.incidentId, t.at),
  ],
);
export type IncidentHistoryRow = typeof incidentHistory.$inferSelect;

export const seizures = pgTable(
  "seizures",
  {
    id: idColumn(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    item: text("item", { enum: SEIZURE_ITEMS }).notNull(),
    kind: text("kind"),
    description: text("description"),
    quantity: numeric("quantity", { precision: 16, scale: 3, mode: "number" }).notNull(),
    unit: text("unit", { enum: SEIZURE_UNITS }).notNull(),
    estimatedValueLyd: numeric("estimated_value_lyd", { precision: 16, scale: 2, mode: "number" }),
    custodyStatus: text("custody_status", { enum: CUSTODY_STATUSES }).notNull().default("held"),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    check("seizures_item_check", oneOf("item", SEIZURE_ITEMS)),
    check("seizures_unit_check", oneOf("unit", SEIZURE_UNITS)),
    check("seizures_custody_check", oneOf("custody_status", CUSTODY_STATUSES)),
    check("seizures_quantity_check", sql`quantity > 0`),
    check("seizures_value_check", sql`estimated_value_lyd is null or estimated_value_lyd >= 0`),
    index("seizures_incident_idx").on(t.incidentId, t.createdAt),
    index("seizures_register_idx").on(t.item, t.custodyStatus),
  ],
);
export type SeizureRow = typeof seizures.$inferSelect;

/** Every custody change of a seizure: who recorded it, when it happened, to whom it went. */
export const seizureCustody = pgTable(
  "seizure_custody",
  {
    id: idColumn(),
    seizureId: uuid("seizure_id")
      .notNull()
      .references(() => seizures.id),
    fromStatus: text("from_status", { enum: CUSTODY_STATUSES }),
    toStatus: text("to_status", { enum: CUSTODY_STATUSES }).notNull(),
    toWhom: text("to_whom"),
    note: text("note"),
    actorId: uuid("actor_id").references(() => users.id),
    actorLabel: text("actor_label").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    check("seizure_custody_status_check", oneOf("to_status", CUSTODY_STATUSES)),
    enumCheck("seizure_custody", t.fromStatus),
    index("seizure_custody_seizure_idx").on(t.seizureId, t.at),
  ],
);
export type CustodyRow = typeof seizureCustody.$inferSelect;

/**
 * Victim protection referrals: counts by sex and age group only — no names, photographs, identity documents or
 * biometrics have a column here, by design. Seen by the recording agency and leadership only; never shared.
 */
export const victimReferrals = pgTable(
  "victim_referrals",
  {
    id: idColumn(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    women: integer("women").notNull().default(0),
    men: integer("men").notNull().default(0),
    girls: integer("girls").notNull().default(0),
    boys: integer("boys").notNull().default(0),
    referredTo: text("referred_to").notNull(),
    referredOn: date("referred_on", { mode: "string" }).notNull(),
    status: text("status", { enum: REFERRAL_STATUSES }).notNull().default("in_progress"),
    notes: text("notes"),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    check("victim_referrals_status_check", oneOf("status", REFERRAL_STATUSES)),
    check(
      "victim_referrals_counts_check",
      sql`women >= 0 and men >= 0 and girls >= 0 and boys >= 0 and women + men + girls + boys > 0`,
    ),
    index("victim_referrals_incident_idx").on(t.incidentId),
    index("victim_referrals_agency_idx").on(t.agencyId, t.referredOn),
  ],
);
export type ReferralRow = typeof victimReferrals.$inferSelect;
