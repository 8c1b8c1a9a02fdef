export { PersonnelPage } from "./personnel-page";
export { PersonSelect } from "./person-select";
export { personName, personPosition } from "./person-name";
