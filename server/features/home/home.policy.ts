import type { Actor } from "../../authz/actor";
import { definePolicy } from "../../authz/engine";
import { isAdmin, isLeadership } from "../../authz/visibility";

/**
 * Today's home: every signed-in role with agency work — leadership keeps the region dashboard as its home, and the
 * system administrator has no agency work to attend to. What each group holds is each feature's own rule
 * (home.queries.ts asks the tasks, commitments, needs and border policies and lists).
 */
export const homePolicy = definePolicy({
  entity: "home",
  routes: {
    read: (actor: Actor) => !isLeadership(actor) && !isAdmin(actor),
  },
  record: {},
});
