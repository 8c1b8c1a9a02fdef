import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  BORDER_FIGURES,
  BORDER_REPORT_STATUSES,
  BORDER_SHIFTS,
  type BorderFigure,
} from "../../../common/enums";
import type { FigureWarning } from "../../../common/schemas/border";
import { condition, enumChecks, rangeCheck } from "../../db/checks";
import { idColumn, timestamps } from "../../db/columns";
import { agencies } from "../agencies/agencies.table";
import { users } from "../users/users.table";

/** A border crossing: the agency responsible for it (its manager approves the daily reports) and where it is. */
export const crossings = pgTable(
  "crossings",
  {
    id: idColumn(),
    code: text("code").notNull().unique(),
    nameAr: text("name_ar").notNull(),
    nameEn: text("name_en").notNull(),
    pcode: text("pcode"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    isActive: boolean("is_active").notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    condition("crossings_pcode_check", sql`${t.pcode} ~ '^LY[0-9]{2}([0-9]{2}){0,3}$'`),
    rangeCheck("crossings_latitude_check", t.latitude, 19, 34),
    rangeCheck("crossings_longitude_check", t.longitude, 9, 26),
  ],
);
export type CrossingRow = typeof crossings.$inferSelect;

/** The agencies that work at a crossing: their staff enter its daily reports. */
export const crossingAgencies = pgTable(
  "crossing_agencies",
  {
    crossingId: uuid("crossing_id")
      .notNull()
      .references(() => crossings.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.crossingId, t.agencyId] })],
);

const figure = (name: string) => integer(name).notNull().default(0);
const figureColumns = Object.fromEntries(
  BORDER_FIGURES.map((f) => [f, figure(f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))]),
) as { [K in BorderFigure]: ReturnType<typeof figure> };

/** A crossing's report of one day and shift: one per crossing, day and shift. */
export const borderReports = pgTable(
  "border_reports",
  {
    id: idColumn(),
    reference: text("reference").notNull().unique(),
    crossingId: uuid("crossing_id")
      .notNull()
      .references(() => crossings.id),
    /** The agency whose staff entered it. */
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    day: date("day", { mode: "string" }).notNull(),
    shift: text("shift", { enum: BORDER_SHIFTS }).notNull(),
    ...figureColumns,
    notes: text("notes"),
    status: text("status", { enum: BORDER_REPORT_STATUSES }).notNull().default("draft"),
    /** The reason given with the last return or correction. */
    statusReason: text("status_reason"),
    /** Figures far from the crossing's last 30 days when last saved (a warning, never a refusal). */
    warnings: jsonb("warnings").$type<FigureWarning[]>().notNull().default([]),
    searchKey: text("search_key").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: uuid("submitted_by").references(() => users.id),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    approvedBy: uuid("approved_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    ...enumChecks("border_reports", t),
    ...BORDER_FIGURES.map((f) => condition(`border_reports_${f}_check`, sql`${t[f]} >= 0`)),
    condition(
      "border_reports_trucks_check",
      sql`${t.trucksIn} <= ${t.vehiclesIn} and ${t.trucksOut} <= ${t.vehiclesOut}`,
    ),
    condition("border_reports_handed_over_check", sql`${t.personsHandedOver} <= ${t.migrantsIntercepted}`),
    uniqueIndex("border_reports_shift_uq").on(t.crossingId, t.day, t.shift),
    index("border_reports_day_idx").on(t.day, t.id),
  ],
);
export type BorderReportRow = typeof borderReports.$inferSelect;
