import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { enumChecks } from "../../db/checks";
import { idColumn, recordColumns, timestamps } from "../../db/columns";
import { agencies } from "../agencies/agencies.table";

export const personnel = pgTable(
  "personnel",
  {
    id: idColumn(),
    ...recordColumns(),
    nameAr: text("name_ar").notNull(),
    nameEn: text("name_en"),
    rank: text("rank"),
    positionAr: text("position_ar"),
    positionEn: text("position_en"),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    serviceNumber: text("service_number"),
    ...timestamps(),
  },
  (t) => [
    ...enumChecks("personnel", t),
    index("personnel_agency_idx").on(t.agencyId),
    uniqueIndex("personnel_service_number_uq").on(t.agencyId, t.serviceNumber),
    index("personnel_search_idx").using("gin", t.searchKey.op("gin_trgm_ops")),
  ],
);

export type PersonRow = typeof personnel.$inferSelect;
