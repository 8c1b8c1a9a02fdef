import type { Actor } from "../../authz/actor";
import { definePolicy } from "../../authz/engine";

/** Who records meetings: everyone who keeps records (not observers or trainers). */
const keepsMeetings = (actor: Actor) =>
  actor.role === "admin" ||
  actor.role === "leadership" ||
  actor.role === "manager" ||
  actor.role === "officer";

export const meetingsPolicy = definePolicy({
  entity: "meetings",
  routes: {
    /** Read an Arabic report and propose a meeting; nothing is written. */
    extract: keepsMeetings,
  },
  record: {},
});
