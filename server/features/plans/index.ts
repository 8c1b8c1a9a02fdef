export { plans, planObjectives, planIndicators, indicatorMeasurements } from "./plans.table";
export type { PlanRow } from "./plans.table";
export { planRoutes } from "./plans.routes";
export { plansPolicy, objectivesPolicy, indicatorsPolicy, plansVisibleTo } from "./plans.policy";
export { createPlan, createObjective, createIndicator, recordMeasurement, setPlanStatus } from "./save-plan";
export { findPlan } from "./plans.queries";
export { listPlans, rollups, rollupOf } from "./plans.queries";
export { indicatorStandings, type IndicatorStanding } from "./indicator-standings";
