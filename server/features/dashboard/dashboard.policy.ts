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

/**
 * Readers whose dashboards count the same records share this key: every feature's visibility rule that the dashboard
 * sums under reads only the reader's role and agency (never the person), so their figures may be served to each
 * other from the figures cache.
 */
export const dashboardVisibilityKey = (actor: Actor) => `${actor.role}:${actor.agencyId}`;

/** The kinds of change that move a dashboard figure (live changes: publishChange). */
export const DASHBOARD_COUNTS = ["incident", "border_report", "task", "plan", "meeting", "need"] as const;
