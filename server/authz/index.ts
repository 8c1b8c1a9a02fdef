// Every policy, in one list: read this file to audit who may do what across Tansiq.
export { accountPolicy } from "../auth/auth.policy";
export { auditPolicy } from "../audit/audit.policy";
export { agenciesPolicy } from "../features/agencies/agencies.policy";
export { usersPolicy } from "../features/users/users.policy";
export { personnelPolicy } from "../features/personnel/personnel.policy";
export { plansPolicy, objectivesPolicy, indicatorsPolicy } from "../features/plans/plans.policy";
export { tasksPolicy, contributionsPolicy } from "../features/tasks/tasks.policy";
export { notificationsPolicy } from "../notifications/notifications.policy";
export { livePolicy } from "../live/live.policy";
export { needsPolicy, problemsPolicy } from "../features/needs/needs.policy";
export { meetingsPolicy, honoursPolicy } from "../features/meetings/meetings.policy";
export { commitmentsPolicy } from "../features/meetings/commitments.policy";
export {
  incidentsPolicy,
  incidentTypesPolicy,
  referralsPolicy,
  seizuresPolicy,
} from "../features/incidents/incidents.policy";
export {
  coursesPolicy,
  nominationsPolicy,
  certificatesPolicy,
  trainingPolicy,
} from "../features/training/training.policy";
export { borderReportsPolicy, crossingsPolicy } from "../features/border/border.policy";
export { dashboardPolicy } from "../features/dashboard/dashboard.policy";
export { homePolicy } from "../features/home/home.policy";
export { reportsPolicy } from "../features/reports/reports.policy";
export { communityPolicy } from "../features/community/community.policy";
