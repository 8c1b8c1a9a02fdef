import { date, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { enumChecks } from "../../db/checks";
import { HONOUR_KINDS } from "../../../common/enums";
import { idColumn, recordColumns, timestamps } from "../../db/columns";
import { agencies } from "../agencies/agencies.table";
import { personnel } from "../personnel/personnel.table";
import { users } from "../users/users.table";
import { meetings } from "./meetings.table";

/** The honours register: shields, certificates of appreciation, medals, to personnel, agencies or guests. */
export const honours = pgTable(
  "honours",
  {
    id: idColumn(),
    ...recordColumns(),
    /** The agency that keeps the record. */
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    kind: text("kind", { enum: HONOUR_KINDS }).notNull(),
    title: text("title").notNull(),
    reason: text("reason"),
    awardedOn: date("awarded_on", { mode: "string" }).notNull(),
    recipientPersonId: uuid("recipient_person_id").references(() => personnel.id),
    recipientAgencyId: uuid("recipient_agency_id").references(() => agencies.id),
    /** The recipient's name as recorded (a guest's, or the person's or agency's at the time). */
    recipientName: text("recipient_name").notNull(),
    recipientTitle: text("recipient_title"),
    giverPersonId: uuid("giver_person_id").references(() => personnel.id),
    giverAgencyId: uuid("giver_agency_id").references(() => agencies.id),
    giverName: text("giver_name"),
    meetingId: uuid("meeting_id").references(() => meetings.id),
    createdBy: uuid("created_by").references(() => users.id),
    updatedBy: uuid("updated_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    ...enumChecks("honours", t),
    index("honours_awarded_idx").on(t.awardedOn, t.id),
    index("honours_agency_awarded_idx").on(t.agencyId, t.awardedOn),
    index("honours_kind_awarded_idx").on(t.kind, t.awardedOn),
    index("honours_meeting_idx").on(t.meetingId),
    index("honours_recipient_person_idx").on(t.recipientPersonId),
    index("honours_recipient_agency_idx").on(t.recipientAgencyId),
    index("honours_search_idx").using("gin", t.searchKey.op("gin_trgm_ops")),
  ],
);
export type HonourRow = typeof honours.$inferSelect;
