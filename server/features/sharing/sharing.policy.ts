import type { Actor } from "../../authz/actor";
import { definePolicy } from "../../authz/engine";
import { isLeadership } from "../../authz/visibility";
import type { SharedRecord } from "./shared-records";

/**
 * Sharing a restricted record with other agencies: leadership, or a manager of the agency that owns it. Anyone who
 * sees the record sees whom it is shared with.
 */
export const sharingPolicy = definePolicy({
  entity: "sharing",
  routes: {
    read: () => true,
    manage: (actor: Actor) => isLeadership(actor) || actor.role === "manager",
  },
  record: {
    manage: (actor: Actor, record: SharedRecord) =>
      isLeadership(actor) || (actor.role === "manager" && record.agencyId === actor.agencyId),
  },
});
