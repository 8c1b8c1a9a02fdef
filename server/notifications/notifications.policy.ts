import type { Actor } from "../authz/actor";
import { definePolicy } from "../authz/engine";
import { isAdmin } from "../authz/visibility";

/** Everyone reads and marks their own notifications; the mail status is for the admin page. */
export const notificationsPolicy = definePolicy({
  entity: "notifications",
  routes: {
    read: () => true,
    manageOwn: () => true,
    mailStatus: (actor: Actor) => isAdmin(actor),
  },
  record: {},
});
