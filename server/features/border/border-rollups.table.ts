import { sql } from "drizzle-orm";
import { date, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { BORDER_FIGURES, BORDER_REPORT_STATUSES, type BorderFigure } from "../../../common/enums";
import { condition, enumChecks } from "../../db/checks";
import { crossings } from "./border.table";

const tally = (name: string) => integer(name).notNull().default(0);
const figureTallies = Object.fromEntries(
  BORDER_FIGURES.map((f) => [f, tally(f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))]),
) as { [K in BorderFigure]: ReturnType<typeof tally> };

/**
 * A crossing's daily reports of a day, per status: how many, and the sum of each figure over their shifts. Kept by
 * a row trigger on `border_reports` in the writing transaction (migration 0007), like `incident_day_counts`. Every
 * signed-in user may list border reports, so the crossing and the status are the only dimensions.
 */
export const borderDayFigures = pgTable(
  "border_day_figures",
  {
    day: date("day", { mode: "string" }).notNull(),
    crossingId: uuid("crossing_id")
      .notNull()
      .references(() => crossings.id),
    status: text("status", { enum: BORDER_REPORT_STATUSES }).notNull(),
    reports: tally("reports"),
    ...figureTallies,
  },
  (t) => [
    ...enumChecks("border_day_figures", t),
    primaryKey({ columns: [t.crossingId, t.day, t.status] }),
    condition(
      "border_day_figures_tallies_check",
      sql.join(
        [t.reports, ...BORDER_FIGURES.map((f) => t[f])].map((c) => sql`${c} >= 0`),
        sql` and `,
      ),
    ),
  ],
);
