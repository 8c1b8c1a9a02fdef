// The one Drizzle schema: every table, imported from where it belongs.
export { referenceCounters } from "./references.table";
export { auditEvents } from "../audit/audit.table";
export { sessions } from "../auth/sessions.table";
export { recordShares } from "../authz/shares.table";
export { agencies } from "../features/agencies/agencies.table";
export { users } from "../features/users/users.table";
export { personnel } from "../features/personnel/personnel.table";
export { plans, planObjectives, planIndicators, indicatorMeasurements } from "../features/plans/plans.table";
export { tasks, taskSupports, taskUpdates, taskAlerts } from "../features/tasks/tasks.table";
export { notifications, mailOutbox, notificationPreferences } from "../notifications/notifications.table";
export { needs, needHistory, needPledges, needDeliveries, problems } from "../features/needs/needs.table";
export {
  meetings,
  meetingAgendaItems,
  meetingAttendees,
  meetingStatements,
} from "../features/meetings/meetings.table";
export { commitments, commitmentAlerts } from "../features/meetings/commitments.table";
export { honours } from "../features/meetings/honours.table";
export {
  incidentTypes,
  incidents,
  incidentHistory,
  seizures,
  seizureCustody,
  victimReferrals,
} from "../features/incidents/incidents.table";
export {
  incidentDayCounts,
  incidentTypeDayCounts,
  incidentTypeMonthCounts,
} from "../features/incidents/incident-rollups.table";
export {
  courses,
  courseSessions,
  courseQuotas,
  nominations,
  attendance,
  certificates,
  trainingTargets,
  trainingCoverageVersion,
} from "../features/training/training.table";
export { crossings, crossingAgencies, borderReports } from "../features/border/border.table";
export { borderDayFigures } from "../features/border/border-rollups.table";
export { communityReports, communityMessages, communitySalts } from "../features/community/community.table";
export { rateLimitHits } from "../http/rate-limit.table";
export { needTotalsRollup } from "../features/needs/need-rollups.table";
export { taskDueCounts } from "../features/tasks/task-rollups.table";
export { reportSubscriptions } from "../features/reports/reports.table";
export { searchVocabulary } from "../features/search/search.table";
