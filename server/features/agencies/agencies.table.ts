import { index, text, uuid, type AnyPgColumn, pgTable } from "drizzle-orm/pg-core";
import { enumChecks } from "../../db/checks";
import { AGENCY_KINDS } from "../../../common/enums";
import { idColumn, recordColumns, timestamps } from "../../db/columns";

export const agencies = pgTable(
  "agencies",
  {
    id: idColumn(),
    ...recordColumns(),
    parentId: uuid("parent_id").references((): AnyPgColumn => agencies.id),
    kind: text("kind", { enum: AGENCY_KINDS }).notNull(),
    code: text("code").notNull().unique(),
    nameAr: text("name_ar").notNull(),
    nameEn: text("name_en").notNull(),
    districtPcode: text("district_pcode"),
    ...timestamps(),
  },
  (t) => [
    ...enumChecks("agencies", t),
    index("agencies_parent_idx").on(t.parentId),
    index("agencies_search_idx").using("gin", t.searchKey.op("gin_trgm_ops")),
  ],
);

export type AgencyRow = typeof agencies.$inferSelect;
