export { personnel } from "./personnel.table";
export type { PersonRow } from "./personnel.table";
export { personnelRoutes } from "./personnel.routes";
export { personnelPolicy } from "./personnel.policy";
export { createPerson } from "./save-person";
export { personnelVisibleTo } from "./personnel.policy";
