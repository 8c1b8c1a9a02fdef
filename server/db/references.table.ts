import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/** Last number handed out per reference prefix and year (e.g. TSK 2026 → 123 gives TSK-2026-000123). */
export const referenceCounters = pgTable(
  "reference_counters",
  {
    prefix: text("prefix").notNull(),
    year: integer("year").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
);
