import { sql } from "drizzle-orm";
import { enumChecks } from "../../db/checks";
import {
  type AnyPgColumn,
  check,
  date,
  index,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import {
  CURRENCIES,
  NEED_CATEGORIES,
  NEED_PRIORITIES,
  NEED_STATUSES,
  PROBLEM_IMPACTS,
  PROBLEM_STATUSES,
} from "../../../common/enums";
import { idColumn, recordColumns, timestamps } from "../../db/columns";
import { agencies } from "../agencies/agencies.table";
import { users } from "../users/users.table";
import { planObjectives } from "../plans/plans.table";
import { tasks } from "../tasks/tasks.table";

const amount = (name: string) => numeric(name, { precision: 14, scale: 2, mode: "number" });

export const needs = pgTable(
  "needs",
  {
    id: idColumn(),
    ...recordColumns(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    category: text("category", { enum: NEED_CATEGORIES }).notNull(),
    title: text("title").notNull(),
    description: text("description"),
    quantity: amount("quantity").notNull(),
    unit: text("unit").notNull(),
    unitCost: amount("unit_cost").notNull().default(0),
    currency: text("currency", { enum: CURRENCIES }).notNull().default("LYD"),
    estimatedCost: numeric("estimated_cost", { precision: 20, scale: 2, mode: "number" })
      .notNull()
      .generatedAlwaysAs(sql`quantity * unit_cost`),
    priority: text("priority", { enum: NEED_PRIORITIES }).notNull().default("medium"),
    justification: text("justification"),
    responsibleAgencyId: uuid("responsible_agency_id")
      .notNull()
      .references(() => agencies.id),
    /** The plan objective or task this need serves (checked for visibility when set: see plan-links.ts). */
    objectiveId: uuid("objective_id").references(() => planObjectives.id),
    taskId: uuid("task_id").references(() => tasks.id),
    /** The problem this need was raised from, if any (the problem links back by its need_id). */
    problemId: uuid("problem_id").references((): AnyPgColumn => problems.id),
    status: text("status", { enum: NEED_STATUSES }).notNull().default("draft"),
    // Kept in step with pledges and deliveries by the commands that record them, so the register sums them
    // without joining.
    pledgedQuantity: amount("pledged_quantity").notNull().default(0),
    deliveredQuantity: amount("delivered_quantity").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => {
    // What the register's totals sum and its visibility rule reads: carried by its filters' indexes, so that the
    // totals come from index-only scans.
    const totalled = [
      t.currency,
      t.isActive,
      t.sensitivity,
      t.agencyId,
      t.responsibleAgencyId,
      t.quantity,
      t.deliveredQuantity,
      t.unitCost,
      t.id,
    ] as const;
    return [
      ...enumChecks("needs", t),
      check("needs_quantity_check", sql`quantity > 0`),
      check("needs_unit_cost_check", sql`unit_cost >= 0`),
      check("needs_pledged_quantity_check", sql`pledged_quantity >= 0`),
      check("needs_delivered_quantity_check", sql`delivered_quantity between 0 and quantity`),
      index("needs_agency_created_idx").on(t.agencyId, t.createdAt),
      index("needs_responsible_created_idx").on(t.responsibleAgencyId, t.createdAt),
      // The register's usual filter (status, category, period).
      index("needs_register_idx").on(t.status, t.category, t.createdAt, ...totalled),
      index("needs_category_created_idx").on(t.category, t.createdAt),
      // The register's priority filter (bench:needs: critical needs since June, 5,294 of 50,000, read half the rows).
      index("needs_priority_created_idx").on(t.priority, t.createdAt, ...totalled),
      index("needs_created_idx").on(t.createdAt, t.id),
      index("needs_search_idx").using("gin", t.searchKey.op("gin_trgm_ops")),
    ];
  },
);
export type NeedRow = typeof needs.$inferSelect;

export const needHistory = pgTable(
  "need_history",
  {
    id: idColumn(),
    needId: uuid("need_id")
      .notNull()
      .references(() => needs.id),
    action: text("action").notNull(),
    fromStatus: text("from_status", { enum: NEED_STATUSES }),
    toStatus: text("to_status", { enum: NEED_STATUSES }).notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    actorLabel: text("actor_label").notNull(),
    comment: text("comment"),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [...enumChecks("need_history", t), index("need_history_need_idx").on(t.needId, t.at)],
);
export type NeedHistoryRow = typeof needHistory.$inferSelect;

export const needPledges = pgTable(
  "need_pledges",
  {
    id: idColumn(),
    needId: uuid("need_id")
      .notNull()
      .references(() => needs.id),
    pledgerAgencyId: uuid("pledger_agency_id").references(() => agencies.id),
    pledgerName: text("pledger_name"),
    quantity: amount("quantity").notNull(),
    dueOn: date("due_on", { mode: "string" }),
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("need_pledges_need_idx").on(t.needId),
    check("need_pledges_quantity_check", sql`quantity > 0`),
  ],
);
export type PledgeRow = typeof needPledges.$inferSelect;

export const needDeliveries = pgTable(
  "need_deliveries",
  {
    id: idColumn(),
    needId: uuid("need_id")
      .notNull()
      .references(() => needs.id),
    pledgeId: uuid("pledge_id").references(() => needPledges.id),
    quantity: amount("quantity").notNull(),
    deliveredOn: date("delivered_on", { mode: "string" }).notNull(),
    reference: text("reference"),
    receivedBy: text("received_by").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("need_deliveries_need_idx").on(t.needId),
    check("need_deliveries_quantity_check", sql`quantity > 0`),
  ],
);
export type DeliveryRow = typeof needDeliveries.$inferSelect;

export const problems = pgTable(
  "problems",
  {
    id: idColumn(),
    ...recordColumns(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    title: text("title").notNull(),
    description: text("description"),
    location: text("location"),
    since: date("since", { mode: "string" }),
    impact: text("impact", { enum: PROBLEM_IMPACTS }).notNull().default("medium"),
    status: text("status", { enum: PROBLEM_STATUSES }).notNull().default("open"),
    needId: uuid("need_id").references(() => needs.id),
    /** The task this problem was turned into, if any. */
    taskId: uuid("task_id").references(() => tasks.id),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    ...enumChecks("problems", t),
    index("problems_agency_created_idx").on(t.agencyId, t.createdAt),
    index("problems_search_idx").using("gin", t.searchKey.op("gin_trgm_ops")),
  ],
);
export type ProblemRow = typeof problems.$inferSelect;
