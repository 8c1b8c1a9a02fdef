export { needs, needHistory, needPledges, needDeliveries, problems } from "./needs.table";
export type { NeedRow, ProblemRow } from "./needs.table";
export { needRoutes } from "./needs.routes";
export { problemRoutes } from "./problems.routes";
export { needsPolicy, problemsPolicy } from "./needs.policy";
export { createNeed } from "./save-need";
export { stepNeed } from "./step-need";
export { recordDelivery, recordPledge } from "./record-supply";
export { createProblem, convertProblemToNeed, linkProblemToTask } from "./save-problem";
