import type { Actor } from "../../authz/actor";
import { definePolicy } from "../../authz/engine";
import { isLeadership } from "../../authz/visibility";

/**
 * The weekly security report: whoever may read the dashboard (leadership and agency managers). Its figures are
 * scoped by each feature's own visibility rule, as the dashboard's (weekly-report.ts).
 */
const readsReport = (actor: Actor) => isLeadership(actor) || actor.role === "manager";

export const reportsPolicy = definePolicy({
  entity: "reports",
  routes: {
    weekly: readsReport,
    /** Receiving one's own report by e-mail every week. */
    subscribe: readsReport,
  },
  record: {},
});
