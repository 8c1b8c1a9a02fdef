/**
 * Incidents, seizures and victim referrals: what other features may use.
 *
 * `createIncident(tx, ctx, input, origin?)` records an incident in the caller's transaction — reference
 * INC-YYYY-NNNNNN, first timeline line, one audit event — and returns it with its type's group. `input` is an
 * `IncidentCreateBody` (common/schemas/incidents.ts); `origin` names a source (`source`, `sourceId`, `sourceUrl`),
 * the reporting time and a starting status for imports and conversions. It checks the agency and the type, not
 * permission: the caller asks its own policy (or `canRecordFor(actor, { agencyId })`) first. A feature that turns a
 * restricted record into an incident passes `sensitivity: "restricted"`.
 */
export {
  incidentTypes,
  incidents,
  incidentHistory,
  seizures,
  seizureCustody,
  victimReferrals,
} from "./incidents.table";
export type { IncidentRow, IncidentTypeRow, SeizureRow, ReferralRow } from "./incidents.table";
export { createIncident, type IncidentOrigin } from "./create-incident";
export {
  canRecordFor,
  incidentsPolicy,
  incidentsVisibleTo,
  incidentTypesPolicy,
  referralsPolicy,
  seizuresPolicy,
  type IncidentSubject,
} from "./incidents.policy";
export { presentIncident } from "./incidents.present";
export { incidentRoutes } from "./incidents.routes";
export { incidentTypeRoutes } from "./incident-types.routes";
export { addSeizure } from "./record-seizure";
export { addReferral } from "./save-referral";
export { incidentDayCounts } from "./incident-rollups.table";
export { incidentFigures, type IncidentFigure, type IncidentFigureFilter } from "./incident-rollups.queries";
export { inNamedDistrict, incidentSourceCounts } from "./incidents.queries";
