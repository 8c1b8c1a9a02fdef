import { sql } from "drizzle-orm";
import { enumChecks } from "../../db/checks";
import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { COMMITMENT_STATUSES, COMMITMENT_TOPICS } from "../../../common/enums";
import { idColumn, timestamps } from "../../db/columns";
import { agencies } from "../agencies/agencies.table";
import { needs } from "../needs/needs.table";
import { tasks } from "../tasks/tasks.table";
import { users } from "../users/users.table";
import { meetingAttendees, meetings } from "./meetings.table";

const OPEN = sql`status in ('open', 'in_progress')`;

/**
 * A decision or commitment made at a meeting, followed up to done. Seen by whoever sees its meeting, and by its
 * owner agency (see commitmentsVisibleTo).
 */
export const commitments = pgTable(
  "commitments",
  {
    id: idColumn(),
    reference: text("reference").notNull().unique(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    ownerAgencyId: uuid("owner_agency_id").references(() => agencies.id),
    /** The attendee who made it (a personnel record or a guest). */
    ownerAttendeeId: uuid("owner_attendee_id").references(() => meetingAttendees.id),
    dueOn: date("due_on", { mode: "string" }),
    topic: text("topic", { enum: COMMITMENT_TOPICS }),
    status: text("status", { enum: COMMITMENT_STATUSES }).notNull().default("open"),
    statusReason: text("status_reason"),
    /** The task and the need created from it (each links back through record-links). */
    taskId: uuid("task_id").references(() => tasks.id),
    needId: uuid("need_id").references(() => needs.id),
    searchKey: text("search_key")
      .notNull()
      .default(sql`''`),
    createdBy: uuid("created_by").references(() => users.id),
    updatedBy: uuid("updated_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    ...enumChecks("commitments", t),
    index("commitments_meeting_idx").on(t.meetingId, t.position),
    // The follow-up lists: open commitments by due date, region-wide and per owner agency.
    index("commitments_open_due_idx").on(t.dueOn, t.id).where(OPEN),
    index("commitments_owner_open_due_idx").on(t.ownerAgencyId, t.dueOn).where(OPEN),
    index("commitments_owner_status_idx").on(t.ownerAgencyId, t.status),
    index("commitments_status_due_idx").on(t.status, t.dueOn),
    index("commitments_task_idx")
      .on(t.taskId)
      .where(sql`task_id is not null`),
    index("commitments_need_idx")
      .on(t.needId)
      .where(sql`need_id is not null`),
    index("commitments_search_idx").using("gin", t.searchKey.op("gin_trgm_ops")),
  ],
);
export type CommitmentRow = typeof commitments.$inferSelect;

/** Due/overdue alerts already sent: the sweep notifies once per commitment, condition and due date. */
export const commitmentAlerts = pgTable(
  "commitment_alerts",
  {
    commitmentId: uuid("commitment_id")
      .notNull()
      .references(() => commitments.id),
    condition: text("condition", { enum: ["due_soon", "overdue"] }).notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    ...enumChecks("commitment_alerts", t),
    primaryKey({ columns: [t.commitmentId, t.condition, t.dueOn] }),
  ],
);
