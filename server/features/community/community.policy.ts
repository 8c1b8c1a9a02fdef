import { eq, or, sql, type SQL } from "drizzle-orm";
import type { Actor } from "../../authz/actor";
import { definePolicy } from "../../authz/engine";
import { isLeadership } from "../../authz/visibility";
import { communityReports, type CommunityReportRow } from "./community.table";

// Community reports are read and handled by leadership and by the managers of the agencies they concern: the
// receiving agency (the security directorate of the district) and the agency it is assigned to. The reporter's
// contact is seen only by the assigned agency and leadership.

const isManager = (actor: Actor) => actor.role === "manager";
const receives = (actor: Actor, r: CommunityReportRow) =>
  isManager(actor) && r.receivingAgencyId === actor.agencyId;
const isAssigned = (actor: Actor, r: CommunityReportRow) =>
  isManager(actor) && r.assignedAgencyId === actor.agencyId;
/** May the actor handle the report at all (read, reply, note, close)? */
export const handles = (actor: Actor, r: CommunityReportRow) =>
  isLeadership(actor) || receives(actor, r) || isAssigned(actor, r);
const isOpen = (r: CommunityReportRow) => r.status === "new" || r.status === "assigned";

/** The inbox of an actor, as SQL (undefined: everything, for leadership). */
export function communityVisibleTo(actor: Actor): SQL | undefined {
  if (isLeadership(actor)) return undefined;
  if (!isManager(actor)) return sql`false`;
  return or(
    eq(communityReports.receivingAgencyId, actor.agencyId),
    eq(communityReports.assignedAgencyId, actor.agencyId),
  );
}

export const communityPolicy = definePolicy({
  entity: "communityReports",
  routes: {
    read: (actor: Actor) => isLeadership(actor) || isManager(actor),
    manage: (actor: Actor) => isLeadership(actor) || isManager(actor),
  },
  record: {
    assign: (actor: Actor, r: CommunityReportRow) => isOpen(r) && (isLeadership(actor) || receives(actor, r)),
    reply: (actor: Actor, r: CommunityReportRow) => r.status !== "closed" && handles(actor, r),
    note: (actor: Actor, r: CommunityReportRow) => handles(actor, r),
    markDuplicate: (actor: Actor, r: CommunityReportRow) => isOpen(r) && handles(actor, r),
    convert: (actor: Actor, r: CommunityReportRow) =>
      r.status === "assigned" && (isLeadership(actor) || isAssigned(actor, r)),
    close: (actor: Actor, r: CommunityReportRow) => r.status !== "closed" && handles(actor, r),
    seeContact: (actor: Actor, r: CommunityReportRow) =>
      isLeadership(actor) || r.assignedAgencyId === actor.agencyId,
  },
});
