export { PlansPage } from "./plans-page";
export { PlanPage } from "./plan-page";
export { OverviewPage } from "./overview-page";
export { PlanOfTask } from "./plan-of-task";
