/**
 * The region dashboard: plans' progress, overdue tasks by agency, commitments due soon, unmet needs by category,
 * incidents by type over time and a crossing's traffic and seizures — each figure with the list it summarises.
 */
export { dashboardRoutes } from "./dashboard.routes";
export { dashboardPolicy } from "./dashboard.policy";
