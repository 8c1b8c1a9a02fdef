import type { Actor } from "../authz/actor";
import { definePolicy } from "../authz/engine";

/** The audit log is read by admin and leadership; nobody writes to it except recordEvent. */
export const auditPolicy = definePolicy({
  entity: "audit",
  routes: { read: (actor: Actor) => actor.role === "admin" || actor.role === "leadership" },
  record: {},
});
