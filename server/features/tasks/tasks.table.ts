import { sql } from "drizzle-orm";
import { enumChecks } from "../../db/checks";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import {
  CONTRIBUTION_STATUSES,
  SENSITIVITIES,
  TASK_PRIORITIES,
  TASK_STATUSES,
  TASK_UPDATE_KINDS,
} from "../../../common/enums";
import { idColumn, recordColumns, timestamps } from "../../db/columns";
import { agencies } from "../agencies/agencies.table";
import { planObjectives, plans } from "../plans/plans.table";
import { users } from "../users/users.table";

export const tasks = pgTable(
  "tasks",
  {
    id: idColumn(),
    ...recordColumns(),
    titleAr: text("title_ar").notNull(),
    titleEn: text("title_en"),
    description: text("description"),
    planId: uuid("plan_id").references(() => plans.id),
    objectiveId: uuid("objective_id").references(() => planObjectives.id),
    /** The lead agency: exactly one. */
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    assigneeId: uuid("assignee_id").references(() => users.id),
    priority: text("priority", { enum: TASK_PRIORITIES }).notNull().default("normal"),
    /** 0 low … 3 urgent: sorts by priority without a CASE. */
    priorityRank: integer("priority_rank").notNull().default(1),
    dueOn: date("due_on"),
    status: text("status", { enum: TASK_STATUSES }).notNull().default("todo"),
    statusReason: text("status_reason"),
    progress: integer("progress").notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    ...enumChecks("tasks", t),
    check("tasks_progress_check", sql`progress between 0 and 100`),
    // Covering indexes: the agency board and the due lists are answered from the index alone.
    index("tasks_agency_status_idx").on(t.agencyId, t.status, t.sensitivity),
    index("tasks_id_status_idx").on(t.id, t.status, t.sensitivity, t.agencyId),
    index("tasks_plan_idx").on(t.planId),
    index("tasks_assignee_idx").on(t.assigneeId),
    index("tasks_open_due_idx")
      .on(t.dueOn, t.id, t.sensitivity, t.agencyId)
      .where(sql`status in ('todo', 'in_progress', 'blocked')`),
    index("tasks_agency_open_due_idx")
      .on(t.agencyId, t.dueOn, t.id, t.sensitivity)
      .where(sql`status in ('todo', 'in_progress', 'blocked')`),
    index("tasks_search_idx").using("gin", t.searchKey.op("gin_trgm_ops")),
  ],
);
export type TaskRow = typeof tasks.$inferSelect;

/** A supporting agency of a task, with what is asked of it, its own status and note. */
export const taskSupports = pgTable(
  "task_supports",
  {
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    contribution: text("contribution").notNull(),
    status: text("status", { enum: CONTRIBUTION_STATUSES }).notNull().default("todo"),
    note: text("note"),
    /**
     * Copies of the task's status and due day, kept in step by `syncSupportCopy`: the board counts what an agency
     * supports, and the due lists find it, from this table's indexes alone.
     */
    taskStatus: text("task_status", { enum: TASK_STATUSES }).notNull().default("todo"),
    taskDueOn: date("task_due_on"),
    /**
     * Copies of the task's lead agency and sensitivity, kept by triggers (migration 0015: filled on insert, followed
     * on every change of the task): the open-task counts find the restricted tasks of other agencies that an agency
     * supports from this table's index alone (task-rollups.queries.ts). Never null once written.
     */
    taskAgencyId: uuid("task_agency_id"),
    taskSensitivity: text("task_sensitivity", { enum: SENSITIVITIES }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    ...enumChecks("task_supports", t),
    primaryKey({ columns: [t.taskId, t.agencyId] }),
    index("task_supports_agency_idx").on(t.agencyId, t.taskId),
    index("task_supports_board_idx").on(t.agencyId, t.taskStatus),
    index("task_supports_open_due_idx")
      .on(t.agencyId, t.taskDueOn, t.taskId)
      .where(sql`task_status in ('todo', 'in_progress', 'blocked')`),
    index("task_supports_restricted_open_idx")
      .on(t.agencyId, t.taskDueOn, t.taskAgencyId)
      .where(sql`task_status in ('todo', 'in_progress', 'blocked') and task_sensitivity = 'restricted'`),
  ],
);
export type SupportRow = typeof taskSupports.$inferSelect;

/** The timeline: every comment, status change, reassignment and contribution update, with who and when. */
export const taskUpdates = pgTable(
  "task_updates",
  {
    id: idColumn(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id),
    kind: text("kind", { enum: TASK_UPDATE_KINDS }).notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    actorLabel: text("actor_label").notNull(),
    agencyId: uuid("agency_id").references(() => agencies.id),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [...enumChecks("task_updates", t), index("task_updates_task_idx").on(t.taskId, t.at)],
);
export type TaskUpdateRow = typeof taskUpdates.$inferSelect;

/** Due/overdue alerts already sent: the sweep notifies once per task, condition and due date. */
export const taskAlerts = pgTable(
  "task_alerts",
  {
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id),
    condition: text("condition", { enum: ["due_soon", "overdue"] }).notNull(),
    dueOn: date("due_on").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [...enumChecks("task_alerts", t), primaryKey({ columns: [t.taskId, t.condition, t.dueOn] })],
);
