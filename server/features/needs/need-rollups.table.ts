import { sql } from "drizzle-orm";
import { boolean, integer, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import {
  CURRENCIES,
  NEED_CATEGORIES,
  NEED_PRIORITIES,
  NEED_STATUSES,
  SENSITIVITIES,
} from "../../../common/enums";
import { condition, enumChecks } from "../../db/checks";

// Quantities have two decimals; costs are quantity × unit cost, four decimals before the register rounds its sums.
const sum = (name: string, scale = 2) =>
  numeric(name, { precision: 30, scale, mode: "number" }).notNull().default(0);

/**
 * The active needs of the register, per owning agency × responsible body × sensitivity × status × category ×
 * priority × currency × "not fully delivered": how many, and the sums the register's totals show. Kept by a row
 * trigger on `needs` in the writing transaction (migration 0009, like incident_day_counts), so the unfiltered and
 * lightly filtered register totals are read from a few hundred rows instead of summing every need. The agency,
 * responsible body and sensitivity are dimensions so that a reader sums only what they may list
 * (need-rollups.queries.ts); restricted needs shared with the reader's agency are added from their rows.
 */
export const needTotalsRollup = pgTable(
  "need_totals",
  {
    agencyId: uuid("agency_id").notNull(),
    responsibleAgencyId: uuid("responsible_agency_id").notNull(),
    sensitivity: text("sensitivity", { enum: SENSITIVITIES }).notNull(),
    status: text("status", { enum: NEED_STATUSES }).notNull(),
    category: text("category", { enum: NEED_CATEGORIES }).notNull(),
    priority: text("priority", { enum: NEED_PRIORITIES }).notNull(),
    currency: text("currency", { enum: CURRENCIES }).notNull(),
    /** delivered_quantity < quantity: with an open status, the register's "unmet" filter. */
    isShort: boolean("is_short").notNull(),
    needs: integer("needs").notNull().default(0),
    quantity: sum("quantity"),
    remainingQuantity: sum("remaining_quantity"),
    estimatedCost: sum("estimated_cost", 4),
    remainingValue: sum("remaining_value", 4),
  },
  (t) => [
    ...enumChecks("need_totals", t),
    condition("need_totals_tallies_check", sql`${t.needs} >= 0`),
    primaryKey({
      name: "need_totals_pk",
      columns: [
        t.agencyId,
        t.responsibleAgencyId,
        t.sensitivity,
        t.status,
        t.category,
        t.priority,
        t.currency,
        t.isShort,
      ],
    }),
  ],
);
