import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { enumChecks } from "../../db/checks";
import { CALENDARS, LANGUAGES, NUMERALS, ROLES } from "../../../common/enums";
import { idColumn, recordColumns, timestamps } from "../../db/columns";
import { agencies } from "../agencies/agencies.table";

export const users = pgTable(
  "users",
  {
    id: idColumn(),
    ...recordColumns(),
    username: text("username").notNull().unique(),
    displayNameAr: text("display_name_ar").notNull(),
    displayNameEn: text("display_name_en").notNull(),
    email: text("email"),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    role: text("role", { enum: ROLES }).notNull(),
    language: text("language", { enum: LANGUAGES }).notNull().default("ar"),
    calendar: text("calendar", { enum: CALENDARS }).notNull().default("gregorian"),
    numerals: text("numerals", { enum: NUMERALS }).notNull().default("latn"),
    passwordHash: text("password_hash").notNull(),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** Last accepted TOTP time step: a code is never accepted twice. */
    totpLastStep: integer("totp_last_step"),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    /** Seeded demo account: demo mode may waive the second factor for these only. */
    isDemo: boolean("is_demo").notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    ...enumChecks("users", t),
    check("users_failed_logins_check", sql`failed_logins >= 0`),
    index("users_agency_idx").on(t.agencyId),
    index("users_search_idx").using("gin", t.searchKey.op("gin_trgm_ops")),
  ],
);

export type UserRow = typeof users.$inferSelect;
