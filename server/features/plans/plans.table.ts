import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { IndicatorSpec } from "../../../common/schemas/plans";
import { enumChecks } from "../../db/checks";
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_FREQUENCIES,
  INDICATOR_SOURCES,
  PLAN_STATUSES,
} from "../../../common/enums";
import { idColumn, recordColumns, timestamps } from "../../db/columns";
import { agencies } from "../agencies/agencies.table";
import { users } from "../users/users.table";

export const plans = pgTable(
  "plans",
  {
    id: idColumn(),
    ...recordColumns(),
    titleAr: text("title_ar").notNull(),
    titleEn: text("title_en"),
    description: text("description"),
    districtPcode: text("district_pcode"),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    /** The owner agency. */
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    status: text("status", { enum: PLAN_STATUSES }).notNull().default("draft"),
    ...timestamps(),
  },
  (t) => [
    ...enumChecks("plans", t),
    index("plans_agency_idx").on(t.agencyId),
    index("plans_status_idx").on(t.status),
    index("plans_search_idx").using("gin", t.searchKey.op("gin_trgm_ops")),
  ],
);
export type PlanRow = typeof plans.$inferSelect;

export const planObjectives = pgTable(
  "plan_objectives",
  {
    id: idColumn(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    position: integer("position").notNull(),
    titleAr: text("title_ar").notNull(),
    titleEn: text("title_en"),
    description: text("description"),
    ...timestamps(),
  },
  (t) => [index("plan_objectives_plan_idx").on(t.planId, t.position)],
);
export type ObjectiveRow = typeof planObjectives.$inferSelect;

export const planIndicators = pgTable(
  "plan_indicators",
  {
    id: idColumn(),
    objectiveId: uuid("objective_id")
      .notNull()
      .references(() => planObjectives.id),
    nameAr: text("name_ar").notNull(),
    nameEn: text("name_en"),
    unit: text("unit").notNull(),
    baseline: doublePrecision("baseline").notNull(),
    target: doublePrecision("target").notNull(),
    direction: text("direction", { enum: INDICATOR_DIRECTIONS }).notNull(),
    frequency: text("frequency", { enum: INDICATOR_FREQUENCIES }).notNull(),
    /** `manual` reads indicator_measurements; `incidents` and `border` are computed from the rollups by `spec`. */
    source: text("source", { enum: INDICATOR_SOURCES }).notNull().default("manual"),
    spec: jsonb("spec").$type<IndicatorSpec>(),
    ...timestamps(),
  },
  (t) => [...enumChecks("plan_indicators", t), index("plan_indicators_objective_idx").on(t.objectiveId)],
);
export type IndicatorRow = typeof planIndicators.$inferSelect;

export const indicatorMeasurements = pgTable(
  "indicator_measurements",
  {
    id: idColumn(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => planIndicators.id),
    measuredOn: date("measured_on").notNull(),
    value: doublePrecision("value").notNull(),
    note: text("note"),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("indicator_measurements_indicator_idx").on(t.indicatorId, t.measuredOn)],
);
export type MeasurementRow = typeof indicatorMeasurements.$inferSelect;
