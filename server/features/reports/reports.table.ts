import { sql } from "drizzle-orm";
import { check, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { idColumn, timestamps } from "../../db/columns";
import { users } from "../users/users.table";

/**
 * Who receives the weekly report by e-mail (one subscription a user): the district it is drawn for (null: the whole
 * region), and the last week sent — the sweep sends each whole week once, whichever instance runs it.
 */
export const reportSubscriptions = pgTable(
  "report_subscriptions",
  {
    id: idColumn(),
    userId: uuid("user_id")
      .notNull()
      .unique()
      .references(() => users.id),
    districtPcode: text("district_pcode"),
    /** An ISO week ("2026-W48"); weeks of one format order as text. */
    lastSentWeek: text("last_sent_week"),
    lastSentAt: timestamp("last_sent_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    check("report_subscriptions_district_check", sql`${t.districtPcode} ~ '^LY[0-9]{4}$'`),
    check("report_subscriptions_week_check", sql`${t.lastSentWeek} ~ '^[0-9]{4}-W[0-9]{2}$'`),
  ],
);
export type ReportSubscriptionRow = typeof reportSubscriptions.$inferSelect;
