import type { Actor } from "../../authz/actor";
import { definePolicy } from "../../authz/engine";
import { isLeadership } from "../../authz/visibility";

/**
 * The region dashboard: leadership and agency managers. Its figures are scoped to what the reader may list by each
 * feature's own visibility rule (dashboard.queries.ts uses the lists' filters and the rollups' visibility).
 */
export const dashboardPolicy = definePolicy({
  entity: "dashboard",
  routes: {
    read: (actor: Actor) => isLeadership(actor) || actor.role === "manager",
  },
  record: {},
});
