import { sql } from "drizzle-orm";
import { date, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { SENSITIVITIES } from "../../../common/enums";
import { condition, enumChecks } from "../../db/checks";

/**
 * The open tasks (todo, in progress, blocked) per lead agency × sensitivity × due day: how many. Kept by a row
 * trigger on `tasks` in the writing transaction (migration 0009), so the region-wide open, overdue and due-soon
 * counts (the tasks list's `total`, the dashboard's overdue by agency) sum a day rollup instead of every open task.
 * A task without a due day is kept under 'infinity' (a key column cannot be null; it is never overdue nor due soon).
 * Restricted tasks of another agency that the reader supports or has been shared are added from rows
 * (task-rollups.queries.ts).
 */
export const taskDueCounts = pgTable(
  "task_due_counts",
  {
    agencyId: uuid("agency_id").notNull(),
    sensitivity: text("sensitivity", { enum: SENSITIVITIES }).notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    tasks: integer("tasks").notNull().default(0),
  },
  (t) => [
    ...enumChecks("task_due_counts", t),
    condition("task_due_counts_tallies_check", sql`${t.tasks} >= 0`),
    primaryKey({ columns: [t.dueOn, t.agencyId, t.sensitivity] }),
  ],
);
