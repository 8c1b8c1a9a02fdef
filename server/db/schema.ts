// The one Drizzle schema: every table, imported from where it belongs.
export { referenceCounters } from "./references.table";
export { auditEvents } from "../audit/audit.table";
export { sessions } from "../auth/sessions.table";
export { recordShares } from "../authz/shares.table";
export { agencies } from "../features/agencies/agencies.table";
export { users } from "../features/users/users.table";
export { personnel } from "../features/personnel/personnel.table";
export { needs, needHistory, needPledges, needDeliveries, problems } from "../features/needs/needs.table";
