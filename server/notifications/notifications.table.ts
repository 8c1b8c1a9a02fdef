import { sql as sqlRaw } from "drizzle-orm";
import { enumChecks } from "../db/checks";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { LANGUAGES, NOTIFICATION_KINDS } from "../../common/enums";
import { idColumn } from "../db/columns";
import { users } from "../features/users/users.table";

export const notifications = pgTable(
  "notifications",
  {
    id: idColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    entity: text("entity").notNull(),
    entityId: uuid("entity_id").notNull(),
    /** Rendered by the reader in their language: `notifications.kinds.<kind>` with these values. */
    params: jsonb("params").$type<Record<string, string | number | null>>().notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    ...enumChecks("notifications", t),
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_unread_idx")
      .on(t.userId)
      .where(sqlRaw`read_at is null`),
  ],
);
export type NotificationRow = typeof notifications.$inferSelect;

/** E-mails to send, written in the notifying transaction and drained after commit: nothing acknowledged is lost. */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: idColumn(),
    notificationId: uuid("notification_id").references(() => notifications.id),
    toAddress: text("to_address").notNull(),
    language: text("language", { enum: LANGUAGES }).notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** Path of the record in the web app; the sender prefixes PUBLIC_URL. */
    linkPath: text("link_path").notNull(),
    status: text("status", { enum: ["pending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    ...enumChecks("mail_outbox", t),
    check("mail_outbox_attempts_check", sqlRaw`attempts >= 0`),
    index("mail_outbox_pending_idx")
      .on(t.nextAttemptAt)
      .where(sqlRaw`status = 'pending'`),
  ],
);
export type MailRow = typeof mailOutbox.$inferSelect;

export const notificationPreferences = pgTable("notification_preferences", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  emailEnabled: boolean("email_enabled").notNull().default(true),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});
