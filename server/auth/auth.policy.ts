import { definePolicy } from "../authz/engine";

/** The signed-in user's own account: anyone signed in manages their own password, preferences and second factor. */
export const accountPolicy = definePolicy({
  entity: "account",
  routes: { self: () => true },
  record: {},
});
