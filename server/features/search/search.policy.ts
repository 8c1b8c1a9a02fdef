import { definePolicy } from "../../authz/engine";

/**
 * The search across Tansiq: open to every signed-in user. What it finds is each kind's own rule: a kind whose list
 * the reader may not open is not searched, and each kind's rows pass its feature's visibility (search.queries.ts).
 */
export const searchPolicy = definePolicy({
  entity: "search",
  routes: {
    read: () => true,
  },
  record: {},
});
