import type { Actor } from "../authz/actor";
import { allow, policyNames } from "../authz/engine";

/** The modules the web navigation may show, each opened by a read policy. Add a module here when it lands. */
const MODULES = [
  { name: "home", policy: "home.read" },
  { name: "agencies", policy: "agencies.read" },
  { name: "users", policy: "users.read" },
  { name: "personnel", policy: "personnel.read" },
  { name: "needs", policy: "needs.read" },
  { name: "problems", policy: "problems.read" },
  { name: "meetings", policy: "meetings.read" },
  { name: "meetingsImport", policy: "meetings.extract" },
  { name: "commitments", policy: "commitments.read" },
  { name: "honours", policy: "honours.read" },
  { name: "audit", policy: "audit.read" },
  { name: "dashboard", policy: "dashboard.read" },
  { name: "plans", policy: "plans.read" },
  { name: "tasks", policy: "tasks.read" },
  { name: "incidents", policy: "incidents.read" },
  { name: "incidentTypes", policy: "incidentTypes.manage" },
  { name: "border", policy: "borderReports.read" },
  { name: "community", policy: "communityReports.read" },
  { name: "training", policy: "courses.read" },
  { name: "trainingCoverage", policy: "training.coverage" },
] as const;

export function modulesFor(actor: Actor): string[] {
  return MODULES.filter((m) => allow(m.policy, actor)).map((m) => m.name);
}

/** Every route-level permission the actor holds, e.g. "users.create". */
export function permissionsFor(actor: Actor): string[] {
  return policyNames().filter((name) => allow(name, actor));
}
