import { index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { agencies } from "../features/agencies/agencies.table";

/** A restricted record shared with another agency: that agency may then see it. */
export const recordShares = pgTable(
  "record_shares",
  {
    entity: text("entity").notNull(),
    entityId: uuid("entity_id").notNull(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [
    primaryKey({ columns: [t.entity, t.entityId, t.agencyId] }),
    index("record_shares_agency_idx").on(t.agencyId),
  ],
);
